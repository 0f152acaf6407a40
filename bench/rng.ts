// Deterministic helpers for the benchmark dataset: the demo seed's mulberry32 PRNG, ULIDs whose
// time part is the row's creation time and whose random part comes from the PRNG, and dates as
// day numbers (ISO text is looked up, never formatted per row).
import { type Rng, seededRng } from '../db/services/demo/random'

export type { Rng }
export { seededRng }

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID for a creation time (ms): sorts by time like the app's monotonic ULIDs. */
export function makeUlid(rng: Rng, ms: number): string {
  let time = ''
  let t = ms
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  let random = ''
  for (let i = 0; i < 16; i++) random += CROCKFORD[Math.floor(rng.next() * 32)]
  return time + random
}

const DAY_MS = 86_400_000

/** Day numbers since 1970-01-01 ↔ 'YYYY-MM-DD', with a cache of every day of the dataset's span. */
export class Days {
  readonly #iso: string[] = []
  readonly first: number

  constructor(fromIso: string, toIso: string) {
    this.first = Days.of(fromIso)
    const last = Days.of(toIso)
    for (let d = this.first; d <= last + 400; d++) this.#iso.push(new Date(d * DAY_MS).toISOString().slice(0, 10))
  }

  static of(iso: string): number {
    return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
  }

  iso(day: number): string {
    return this.#iso[day - this.first] ?? new Date(day * DAY_MS).toISOString().slice(0, 10)
  }

  /** A timestamp on that day, office hours (Beijing 08:30–18:00 is 00:30–10:00 UTC). */
  ms(day: number, rng: Rng): number {
    return day * DAY_MS + 1_800_000 + Math.floor(rng.next() * 34_200_000)
  }
}
