// The renderer's end of the event channel, the same in both shells: the preload's `on` in the
// desktop window, the server-sent stream at GET /events in browser mode (read with fetch() so the
// session travels in a header, never in a URL). data-changed refreshes exactly the queries that
// read the changed tables; other events go to whoever subscribed (progress bar, reminders bell).
import type { QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { type BackendEvents, EVENT_NAMES, type EventMessage, type EventName } from '../../../electron/contract/events'
import { browserSessionId, onOwnChange } from './client'
import { ALL_TABLES, changeApplier, invalidateTables } from './invalidation'

type Listener = (message: EventMessage) => void
const listeners = new Set<Listener>()
let started = false

function deliver(message: EventMessage): void {
  for (const listener of [...listeners]) listener(message)
}

/** Subscribes to one kind of event; answers the unsubscribe. */
export function onBackendEvent<E extends EventName>(event: E, listener: (payload: BackendEvents[E]) => void): () => void {
  const wrapped: Listener = (message) => {
    if (message.event === event) listener(message.payload as BackendEvents[E])
  }
  listeners.add(wrapped)
  return () => void listeners.delete(wrapped)
}

export function useBackendEvent<E extends EventName>(event: E, listener: (payload: BackendEvents[E]) => void): void {
  useEffect(() => onBackendEvent(event, listener), [event, listener])
}

/** Reads `data: …` blocks of a server-sent stream. */
async function readStream(body: ReadableStream<Uint8Array>, onMessage: Listener): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      if (block.startsWith('data: ')) onMessage(JSON.parse(block.slice(6)) as EventMessage)
    }
  }
}

/** Browser mode: keeps the stream open; after a break, reconnects and refreshes what it missed. */
async function streamFromServer(session: string, missed: () => void): Promise<void> {
  let delay = 1000
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch('/events', { headers: { 'x-crm-session': session }, cache: 'no-store' })
      // The session ended (the server restarted): the calls say so; nothing to listen to.
      if (response.status === 403) return
      if (response.ok && response.body) {
        if (attempt > 0) missed()
        delay = 1000
        await readStream(response.body, deliver)
      }
    } catch {
      // The local server is gone for now (restarting): try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, delay))
    delay = Math.min(delay * 2, 15_000)
  }
}

/** Starts listening once per page; data changes refresh the query cache. */
export function startBackendEvents(queryClient: QueryClient): void {
  if (started) return
  started = true
  const apply = changeApplier(queryClient)
  onOwnChange(apply)
  onBackendEvent('data-changed', (change) => void apply(change))
  const bridge = window.crm
  if (bridge) {
    for (const name of EVENT_NAMES) bridge.on(name, (payload) => deliver({ event: name, payload } as EventMessage))
    return
  }
  void browserSessionId.then((session) => {
    if (session) void streamFromServer(session, () => void invalidateTables(queryClient, [ALL_TABLES]))
  })
}
