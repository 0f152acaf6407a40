// The desktop app's backend process: the built child entry (out/main/backend.cjs) forked with
// Electron's utilityProcess, spoken to through electron/backend-host's client. Why a separate
// process: see electron/backend-host/child.ts.
import { utilityProcess } from 'electron'
import { dirname, join } from 'node:path'
import { BackendClient, type BackendProcess } from '../backend-host/client'
import type { BackendStart } from '../backend-host/protocol'
import { logFor } from '../../db/log'

function forkUtility(): BackendProcess {
  const child = utilityProcess.fork(join(__dirname, 'backend.cjs'), [], { serviceName: '招商引资 CRM 后台', stdio: 'inherit' })
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  }
}

export function desktopBackend(start: BackendStart, onEvent: (event: string, payload: unknown) => void): BackendClient {
  return new BackendClient({
    spawn: forkUtility,
    start,
    onEvent,
    // Written down for diagnosis; the window learns it from the failed calls' own answers.
    onRestart: ({ code, running }) => logFor(dirname(start.file)).write('backend_restarted', { code, running }),
  })
}
