// One error type for everything that can go wrong opening a user's file, so the import UI can
// show the Chinese message as is and branch on `code` (e.g. offer 另存为 help for legacy files).

export type SpreadsheetErrorCode = 'not_spreadsheet' | 'encrypted' | 'empty' | 'too_large' | 'corrupt'

export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode

  constructor(code: SpreadsheetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SpreadsheetError'
    this.code = code
  }
}
