// Typed errors shared by every layer. Codes are stable: the renderer and scripts branch on them,
// and the message is already readable (Chinese by default) for the person at the keyboard.

export const ERROR_CODES = [
  'validation', // input does not match the contract
  'not_found', // the record does not exist (or is in the recycle bin)
  'conflict', // the write contradicts existing data (duplicate, record in use)
  'unknown_method', // no such API method
  'forbidden', // the shell refused the caller
  'db_unavailable', // the database cannot be opened (not SQLite, newer app version, locked)
  'internal', // a bug: the details are logged
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown
  /** The message in English, for callers with an English UI (else db/domain/error-text.ts translates). */
  readonly en?: string

  constructor(code: ErrorCode, message: string, details?: unknown, en?: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.en = en
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message, details: this.details }
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('not_found', `${what}不存在或已删除`, { id })

export const conflict = (message: string, details?: unknown): AppError =>
  new AppError('conflict', message, details)
