// Paths on the desktop come only from dialogs the main process opened. A page (even one an injected
// script took over) must not make the app read a file it names: `attachment-add-path` would copy
// any readable file into the database, and restoring from a path would swap the database for any
// file on the disk. So the window asks the main process to open a dialog (CHOOSE_FILE); the main
// process answers a short-lived handle for the chosen file, and the path-taking methods accept only
// such a handle from the window, resolved once, here, before the call goes to the backend.
// Plain module (no Electron) so the policy is tested without it. The command line still takes
// paths: it is the user's own shell.
import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'

/** The pseudo-method the window calls to open a file dialog in the main process. */
export const CHOOSE_FILE = 'file-choose'

/** Long enough to finish a dialog's follow-up (a confirm), short enough not to linger. */
export const HANDLE_TTL_MS = 5 * 60_000

/** Methods whose input names a file on the disk, and the field that does. */
export const PATH_FIELDS: Readonly<Record<string, string>> = {
  'attachment-add-path': 'path',
  'backup-restore': 'file',
}

const HANDLE = /^handle:[0-9a-f]{32}$/

interface Issued {
  path: string
  expires: number
}

export class PathHandles {
  private readonly issued = new Map<string, Issued>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A handle for a path the user chose in a dialog of the main process. */
  issue(path: string): string {
    this.sweep()
    const handle = `handle:${randomBytes(16).toString('hex')}`
    this.issued.set(handle, { path, expires: this.now() + HANDLE_TTL_MS })
    return handle
  }

  /** The path behind a handle, once; null when unknown, already used or expired. */
  resolve(handle: string): string | null {
    const entry = this.issued.get(handle)
    this.issued.delete(handle)
    if (!entry || entry.expires <= this.now()) return null
    return entry.path
  }

  private sweep(): void {
    const now = this.now()
    for (const [handle, entry] of this.issued) if (entry.expires <= now) this.issued.delete(handle)
  }
}

export type PathCheck = { ok: true; input: unknown } | { ok: false; error: { code: 'forbidden'; message: string } }

const refused = (message: string): PathCheck => ({ ok: false, error: { code: 'forbidden', message } })

/**
 * For a call from the window: a path-taking method gets its handle swapped for the chosen path;
 * anything else in that field is refused. Restore also takes a bare backup name from the backup
 * list (no folder in it: the backend looks it up inside the backup folder).
 */
export function pathsFromHandles(method: string, input: unknown, handles: PathHandles): PathCheck {
  const field = PATH_FIELDS[method]
  if (!field) return { ok: true, input }
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined
  if (typeof value !== 'string') return { ok: true, input } // the backend's validation says what is missing
  if (method === 'backup-restore' && isBareName(value)) return { ok: true, input }
  if (!HANDLE.test(value)) return refused('出于安全考虑，文件只能通过“选择文件”对话框选择，不能直接填写路径')
  const path = handles.resolve(value)
  if (!path) return refused('所选文件已过期或已使用过，请重新选择文件')
  return { ok: true, input: { ...(input as Record<string, unknown>), [field]: path } }
}

/** A file name without any folder part: names a backup inside the backup folder, nothing else. */
function isBareName(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..' && !/[/\\:\0]/.test(value) && basename(value) === value
}
