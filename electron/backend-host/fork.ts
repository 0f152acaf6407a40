// The backend process as a plain Node child (child_process.fork): browser mode and the tests. The
// desktop app forks the same entry with Electron's utilityProcess (electron/main/backend.ts).
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BackendProcess } from './client'
import type { FromBackend, ToBackend } from './protocol'

/** The child entry as TypeScript source, run through tsx (tests, `npm run web`). */
export const CHILD_SOURCE = fileURLToPath(new URL('./child.ts', import.meta.url))

export interface ForkedBackend extends BackendProcess {
  pid: number | undefined
  /** For tests: a death the backend cannot prevent or clean up after. */
  killHard(): void
}

export function forkBackend(entry = CHILD_SOURCE, execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : []): ForkedBackend {
  // 'advanced': structured clone, as Electron's MessagePort carries the messages.
  const child = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return {
    pid: child.pid,
    postMessage: (message: ToBackend) => {
      // A message to a child that has just died is dropped: its exit handler answers the caller.
      // The channel can still look connected while its pipe is already broken: without a callback,
      // Node reports that EPIPE as an 'error' event, which no one hears, so it became an uncaught
      // exception (seen once in a full run, in host.test's backend that keeps dying).
      if (child.connected) child.send(message, () => undefined)
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromBackend)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill(),
    killHard: () => child.kill('SIGKILL'),
  }
}
