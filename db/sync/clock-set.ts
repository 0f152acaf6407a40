// The clocks a first pull has seen, to refuse a snapshot that holds one clock twice (a forgery).
// A city's snapshot holds millions of clocks: as a Set of strings each costs a string plus an entry
// (about 80 bytes) that the garbage collector walks on every major collection, and the Set's random
// probes were half of checking a page. Here each clock is three 32-bit words in typed arrays
// side by side in one typed array (open addressing, linear probing): 12 bytes a slot, one memory
// access a probe, nothing for the collector to trace.
//
// A clock (HLC_PATTERN) is <13 digits: milliseconds>-<4 hex: counter>-<replica id>. The words are the
// milliseconds' low 32 bits; their high 12 bits with the counter; the replica's number in this set
// plus one (0 marks an empty slot). So two clocks share the words exactly when they are equal.

const MAX_LOAD = 0.7

export class ClockSet {
  private capacity = 1 << 16
  /** Slot i is words 3i (low), 3i + 1 (high), 3i + 2 (origin). */
  private slots = new Uint32Array(3 * this.capacity)
  private count = 0
  private readonly replicas = new Map<string, number>()
  /** The last replica looked up: a page's clocks mostly come from one laptop. */
  private lastReplica = ''
  private lastNumber = 0

  get size(): number {
    return this.count
  }

  /** Adds a clock that matches HLC_PATTERN; false when it was already there. */
  add(hlc: string): boolean {
    let millis = 0
    for (let i = 0; i < 13; i++) millis = millis * 10 + (hlc.charCodeAt(i) - 48)
    let counter = 0
    for (let i = 14; i < 18; i++) {
      const code = hlc.charCodeAt(i)
      counter = counter * 16 + (code <= 57 ? code - 48 : code - 87)
    }
    const low = millis % 0x100000000
    const high = (Math.floor(millis / 0x100000000) | (counter << 12)) >>> 0
    const origin = this.replicaNumber(hlc)
    if ((this.count + 1) / this.capacity > MAX_LOAD) this.grow()
    const { slots } = this
    const mask = this.capacity - 1
    let slot = hash(low, high, origin) & mask
    for (;;) {
      const there = slots[3 * slot + 2]!
      if (there === 0) break
      if (there === origin && slots[3 * slot] === low && slots[3 * slot + 1] === high) return false
      slot = (slot + 1) & mask
    }
    slots[3 * slot] = low
    slots[3 * slot + 1] = high
    slots[3 * slot + 2] = origin
    this.count += 1
    return true
  }

  private replicaNumber(hlc: string): number {
    const replicaLength = hlc.length - 19
    if (replicaLength === this.lastReplica.length && hlc.startsWith(this.lastReplica, 19)) return this.lastNumber
    const replica = hlc.slice(19)
    let number = this.replicas.get(replica)
    if (number === undefined) this.replicas.set(replica, (number = this.replicas.size + 1))
    this.lastReplica = replica
    this.lastNumber = number
    return number
  }

  /** Four times larger: a city's first pull grows it from 2¹⁶ to 2²⁴ slots in four steps, not eight. */
  private grow(): void {
    const old = this.slots
    this.capacity *= 4
    const slots = (this.slots = new Uint32Array(3 * this.capacity))
    const mask = this.capacity - 1
    for (let i = 0; i < old.length; i += 3) {
      if (old[i + 2] === 0) continue
      let slot = hash(old[i]!, old[i + 1]!, old[i + 2]!) & mask
      while (slots[3 * slot + 2] !== 0) slot = (slot + 1) & mask
      slots[3 * slot] = old[i]!
      slots[3 * slot + 1] = old[i + 1]!
      slots[3 * slot + 2] = old[i + 2]!
    }
  }
}

/** Mixes the three words (murmur3's finaliser over a simple combination): neighbouring clocks spread out. */
function hash(low: number, high: number, origin: number): number {
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(origin, 0x85ebca6b), 0xcc9e2d51)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
