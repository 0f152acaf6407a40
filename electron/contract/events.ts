// The event channel beside the call channel: what the backend pushes to the open windows, typed
// here once like the methods. Electron sends it to the window (preload's `on`), browser mode streams
// it (GET /events), the command line prints job progress on a terminal.
// Shared by the renderer and the backend: no Node or DOM imports.

/** One next step falling due, enough for a notification line. */
export interface DueReminder {
  negotiationId: string
  projectId: string | null
  projectName: string | null
  nextStep: string
  dueOn: string
}

export interface JobProgress {
  /** Identifies one run of a job (several may run at once); the last event has finished: true. */
  jobId: string
  /** What kind of job: ledger-import, export, backup, restore, integrity-check. */
  job: string
  /** What is being done now, in the user's words (e.g. 正在写入 1,200 行). */
  label: string
  done: number
  /** null while the size is not known yet. */
  total: number | null
  /** Whether the job can be stopped safely now (the renderer offers 取消 then). */
  cancellable: boolean
  /** Set on the last event of a run; error says why it stopped when it failed. */
  finished?: boolean
  error?: string
}

export interface BackendEvents {
  'reminders-due': { count: number; items: DueReminder[] }
  'job-progress': JobProgress
  /**
   * Tables a write changed (kysely names, e.g. 'project', 'stageEvent'). seq numbers the changes of
   * one backend, so a window that already refreshed from its own call's answer skips the echo.
   * origin: which shell or job wrote (web, electron, cli, hub).
   */
  'data-changed': { tables: string[]; origin: string; seq: number }
}

/** What a write changed, as told beside its call's answer (the same seq as its data-changed event). */
export interface DataChange {
  tables: string[]
  seq: number
}

export type EventName = keyof BackendEvents

export interface EventMessage<E extends EventName = EventName> {
  event: E
  payload: BackendEvents[E]
}

export const EVENT_NAMES: readonly EventName[] = ['reminders-due', 'job-progress', 'data-changed']

export const isEventName = (name: string): name is EventName => (EVENT_NAMES as readonly string[]).includes(name)
