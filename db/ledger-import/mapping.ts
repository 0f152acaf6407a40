// User corrections to the automatic column mapping: the import screen's dropdowns and the CLI's
// --map "表头=field" both end up as one overrides record applied here.
import { LEDGER_FIELDS, type LedgerField } from '../domain/ledger'
import type { ColumnMapping } from './header'
import { normalizeHeader } from './header-words'

// key: header text as written, or a column letter ('C'); value: a field or 'ignore'
export type MappingOverrides = Record<string, LedgerField | 'ignore'>

export class LedgerMappingError extends Error {
  readonly code: 'unknown_header' | 'bad_map_option'

  constructor(code: 'unknown_header' | 'bad_map_option', message: string) {
    super(message)
    this.name = 'LedgerMappingError'
    this.code = code
  }
}

export function applyMappingOverrides(columns: readonly ColumnMapping[], overrides: MappingOverrides): ColumnMapping[] {
  const result = columns.map((c) => ({ ...c }))
  for (const [key, target] of Object.entries(overrides)) {
    const column = findColumn(result, key)
    if (!column) {
      const known = result.map((c) => `${c.letter}:${c.header}`).join('、')
      throw new LedgerMappingError('unknown_header', `找不到表头“${key}”。现有表头：${known}`)
    }
    if (target === 'ignore') {
      column.field = null
      continue
    }
    // a field belongs to one column: the override takes it away from the automatic choice
    for (const other of result) if (other.field === target) other.field = null
    column.field = target
  }
  return result
}

/** Units the user gives for amount columns (the mapping step, --unit "总投资=万元"). */
export function applyUnitOverrides(columns: readonly ColumnMapping[], units: Record<string, '亿元' | '万元' | '元'>): ColumnMapping[] {
  const result = columns.map((c) => ({ ...c }))
  for (const [key, unit] of Object.entries(units)) {
    const column = findColumn(result, key) ?? result.find((c) => c.field !== null && (c.field === key || LEDGER_FIELDS.find((f) => f.key === c.field)?.label === key))
    if (!column) {
      const known = result.map((c) => `${c.letter}:${c.header}`).join('、')
      throw new LedgerMappingError('unknown_header', `找不到表头“${key}”。现有表头：${known}`)
    }
    column.unit = unit
  }
  return result
}

function findColumn(columns: ColumnMapping[], key: string): ColumnMapping | undefined {
  const exact = columns.find((c) => c.header === key.trim())
  if (exact) return exact
  const wanted = normalizeHeader(key).text
  const normalized = wanted ? columns.find((c) => normalizeHeader(c.header).text === wanted) : undefined
  if (normalized) return normalized
  return /^[A-Za-z]{1,3}$/.test(key.trim()) ? columns.find((c) => c.letter === key.trim().toUpperCase()) : undefined
}

// "客户名称=investor" or several: "客户名称=investor;备注=ignore". The field may be given by key,
// Chinese label ('投资方') or 'ignore'/'忽略'.
export function parseMapOption(s: string): MappingOverrides {
  const result: MappingOverrides = {}
  for (const part of s.split(/[;；\n]/)) {
    if (!part.trim()) continue
    const eq = part.search(/=[^=]*$/)
    const header = eq > 0 ? part.slice(0, eq).trim() : ''
    const target = eq > 0 ? part.slice(eq + 1).trim() : ''
    if (!header || !target) {
      throw new LedgerMappingError('bad_map_option', `--map 格式应为“表头=字段”，例如 --map "客户名称=investor"，收到：${part.trim()}`)
    }
    result[header] = fieldFromName(target)
  }
  return result
}

function fieldFromName(name: string): LedgerField | 'ignore' {
  if (name === 'ignore' || name === '忽略') return 'ignore'
  const field = LEDGER_FIELDS.find((f) => f.key === name || f.label === name)
  if (!field) {
    const known = LEDGER_FIELDS.map((f) => `${f.key}(${f.label})`).join('、')
    throw new LedgerMappingError('bad_map_option', `未知字段“${name}”。可用字段：${known}、ignore(忽略)`)
  }
  return field.key
}
