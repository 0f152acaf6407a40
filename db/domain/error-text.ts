// Backend messages in the user's language. Messages are written in Chinese where they are thrown
// (the default UI); a caller whose UI is English (the call's `locale`, see electron/handlers/
// dispatch.ts) gets them in English here: from the AppError's own English text when the thrower
// gave one, else from this table of the messages users meet most (not found, validation, stage
// rules, conflicts, import refusals). A message not in the table keeps its Chinese words behind an
// English sentence that says what kind of problem it is, so an English reader is never left with
// Chinese alone. Pure: shared with the renderer.
import type { ApiError, ErrorCode } from './errors'

export const LOCALES = ['zh', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const isLocale = (value: unknown): value is Locale => value === 'zh' || value === 'en'

/** Record names as the services call them (WHAT) → English. */
const RECORDS: Record<string, string> = {
  项目: 'project',
  客商: 'investor',
  联系人: 'contact',
  洽谈记录: 'negotiation record',
  园区: 'park',
  区县: 'district',
  产业: 'industry',
  用户: 'user',
  标签: 'tag',
  协议: 'agreement',
  到位资金记录: 'funds record',
  企业诉求: 'enterprise request',
  招商活动: 'event',
  年度目标: 'yearly target',
  附件: 'attachment',
  导入批次: 'import batch',
  记录: 'record',
  文件: 'file',
  上传的文件: 'uploaded file',
  待核对记录: 'record to review',
  同步合并记录: 'sync merge',
}

const STAGES: Record<string, string> = {
  储备: 'Lead',
  在谈: 'Negotiating',
  签约: 'Signed',
  注册: 'Registered',
  注册落地: 'Registered',
  开工: 'Started',
  竣工: 'Completed',
  投产: 'Operating',
  达产: 'Evaluated',
  暂缓: 'On hold',
  流失: 'Lost',
  解约: 'Terminated',
}

const record = (what: string): string => {
  const inBin = /^回收站中的(.+)$/.exec(what)
  if (inBin) return `${record(inBin[1]!)} in the recycle bin`
  const named = /^(.+?)“(.*)”$/.exec(what)
  if (named) return `${record(named[1]!)} "${named[2]}"`
  return RECORDS[what] ?? what
}
const stage = (label: string): string => STAGES[label] ?? label
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** Chinese message shapes → English. First match wins; keep the most specific first. */
const MESSAGES: ReadonlyArray<[RegExp, (...groups: string[]) => string]> = [
  [/^(.+)不存在或已删除$/, (what) => `${capital(record(what))} does not exist or has been deleted.`],
  [/^项目已处于“(.+)”阶段$/, (s) => `The project is already at the stage "${stage(s)}".`],
  [/^转为“(.+)”请填写原因$/, (s) => `Moving the project to "${stage(s)}" needs a reason: please fill in the reason.`],
  [/^退回到“(.+)”阶段请填写原因$/, (s) => `Moving the project back to "${stage(s)}" needs a reason: please fill in the reason.`],
  [/^转为暂缓、流失或解约时请填写原因$/, () => 'Putting a project on hold, or marking it lost or terminated, needs a reason: please fill in the reason.'],
  [/^项目尚未签约，不能解约/, () => 'The project has not been signed, so it cannot be terminated; choose "Lost" for an unsigned project that is no longer pursued.'],
  [/^阶段日期（(.+)）不能晚于今天（(.+)）$/, (date, today) => `The stage date (${date}) cannot be later than today (${today}).`],
  [/^没有这个接口：(.+)$/, (method) => `There is no API method "${method}".`],
  [/^数据不符合约束：(.+)$/, (detail) => `The data breaks a database rule: ${detail}`],
  [/^数据库正忙或只读：(.+)$/, (detail) => `The database is busy or read-only: ${detail}. Try again in a moment.`],
  [/^内部错误：(.+)$/, (detail) => `Internal error: ${detail}. Please report it with the log file (crm.log).`],
  [/^有(\d+)行存在错误，未导入任何数据。/, (rows) => `${rows} row(s) have errors, so nothing was imported. Fix them and import again, or choose "skip rows with errors" to import the rest. Details (in Chinese) are in the preview.`],
  [/^金额与单位对不上，未导入任何数据/, () => 'Amounts do not fit their unit, so nothing was imported. Name the unit in the header or a "单位：" line (or in the mapping) and import again; if the amounts are right, confirm them and import.'],
  [/^文件在预览之后被修改过/, () => 'The file was changed after the preview. Preview it again, then import.'],
  [/^找不到工作表“(.+)”。文件中的工作表：(.+)$/, (sheet, sheets) => `There is no sheet "${sheet}". The file's sheets: ${sheets}.`],
  [/^文件中找不到项目台账的表头/, () => 'No project ledger header was found in the file (it needs at least "项目名称" and one more column such as "总投资" or "项目状态").'],
  [/^文件无法读取：(.+)$/, (detail) => `The file cannot be read: ${detail}`],
  [/^之后的导入批次也修改了这些记录，请先撤销：(.+)$/, (batches) => `Later imports changed the same records; undo them first: ${batches}`],
  [/^该导入批次已于 (.+) 撤销$/, (at) => `This import was already undone at ${at}.`],
]

const GENERIC: Record<ErrorCode, string> = {
  validation: 'The input is not valid',
  not_found: 'Not found',
  conflict: 'This contradicts existing data',
  unknown_method: 'Unknown API method',
  forbidden: 'Not allowed',
  db_unavailable: 'The database is not available',
  internal: 'Internal error',
}

/** A Chinese backend message in English (see the table above). */
export function englishMessage(code: ErrorCode, message: string): string {
  for (const [pattern, english] of MESSAGES) {
    const m = pattern.exec(message)
    if (m) return english(...m.slice(1))
  }
  return `${GENERIC[code]}: ${message}`
}

/** The error for a caller in `locale`; `english` is the thrower's own English text, if any. */
export function localizeError(error: ApiError, locale: Locale, english?: string): ApiError {
  if (locale === 'zh') return error
  return { ...error, message: english ?? englishMessage(error.code, error.message) }
}
