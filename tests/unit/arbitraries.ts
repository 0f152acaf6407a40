// Shared fast-check generators for the hostile-input tests: nasty values of every kind, and inputs
// shaped like a contract method's zod schema (so many of them pass validation and reach the
// handlers) with hostile values, real record ids, extra and missing fields mixed in.
import fc from 'fast-check'
import type { z } from 'zod'
import { creditCodeCheckChar } from '../../db/domain/credit-code'

// ---- Hostile constants ---------------------------------------------------------------------------

const MB = 1024 * 1024

/** Built once: 1 MB strings (ASCII, CJK, a formula, base64-looking). */
export const HUGE_STRINGS: readonly string[] = [
  'a'.repeat(MB),
  '亿'.repeat(MB / 3),
  `=HYPERLINK("http://evil.example","x")${' '.repeat(MB)}`,
  'QUJD'.repeat(MB / 4),
]

export const SQL_FRAGMENTS = [
  "'; DROP TABLE project; --",
  '" OR 1=1',
  "' OR '1'='1",
  '1; DELETE FROM change',
  "x') UNION SELECT sql FROM sqlite_master --",
  '%',
  '_',
  '\\',
  '%_\\%',
  'ATTACH DATABASE \'/tmp/x\' AS x',
]

export const FTS_FRAGMENTS = ['NEAR(', '"', '*', 'AND', 'OR', 'NOT', '^', 'a AND', '"unbalanced', 'col:term', '(((', 'NEAR(a b, 2)', '"" ""', '-', '+']

export const PATH_FRAGMENTS = [
  '../../etc/passwd',
  '..\\..\\windows\\system32',
  'C:\\Windows',
  'C:\\Windows\\System32\\config\\SAM',
  '\\\\server\\share',
  '\\\\?\\C:\\x',
  '/etc/passwd',
  'a\u0000b',
  '\u0000',
  'CON',
  'nul.txt',
  'x.sqlite',
  '../x.sqlite',
  '..',
  '.',
  '~/.ssh/id_rsa',
  'file:///etc/passwd',
]

export const CONTROL_AND_UNICODE = [
  '',
  ' ',
  '\t\n\r',
  '\u0000\u0001\u001f\u007f',
  '\u0085\u2028\u2029',
  '\u202eexe.txt',
  '\ufeff',
  '\uD800',
  'a\uDC00b',
  '\uDBFF\uDFFF',
  '😀👨‍👩‍👧‍👦🇨🇳',
  'ｆｕｌｌｗｉｄｔｈ１２３',
  'é'.normalize('NFD'),
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=1+1',
  '+cmd|" /C calc"!A0',
  '@SUM(A1)',
  '-2+3',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
]

export const DATE_STRINGS = [
  '2024-02-29',
  '2024-02-30',
  '2023-02-29',
  '0000-00-00',
  '9999-12-31',
  '2024-13-01',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  '20240101',
  '2026-11-27',
  '2025-06-15',
  '1900-01-01',
  '-001-01-01',
  '2024-02-29\u0000',
]

export const AMOUNT_STRINGS = [
  '1e9999亿',
  '-5000万',
  '3.5亿',
  '5000万元',
  '1,234',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '0.001',
  '１２３',
  '壹亿',
  '1e308',
  '12345678901234567890',
]

export const HOSTILE_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 63,
  -(2 ** 63),
  -1,
  0.1 + 0.2,
  1e21,
  2024,
  0,
  1,
]

export const HOSTILE_STRINGS: readonly string[] = [
  ...SQL_FRAGMENTS,
  ...FTS_FRAGMENTS,
  ...PATH_FRAGMENTS,
  ...CONTROL_AND_UNICODE,
  ...DATE_STRINGS,
  ...AMOUNT_STRINGS,
]

// ---- Generic hostile values ------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  // Mixtures: a hostile fragment inside ordinary text.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => `项目${a}${b}`) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
)

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
)

/** Nested `depth` levels deep (objects or arrays), built iteratively. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value]
  return value
}

const DEEP = [deeplyNested(1000, 'object'), deeplyNested(1000, 'array')]

/** Objects carrying prototype-pollution keys as own properties (what JSON.parse produces). */
export const POLLUTERS: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": null}'),
  { toString: 'x', valueOf: 'y', hasOwnProperty: 1 },
]

/** Values that are not JSON but can arrive through Electron's structured clone. */
const EXOTIC: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  10n,
  new Date(Number.NaN),
  new Date('2024-02-29T00:00:00Z'),
  new Map([['id', 'x']]),
  new Set([1]),
  new Uint8Array([0, 1, 2]),
  /re/g,
  [],
  {},
  [[[]]],
  Object.create(null) as unknown,
]

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom(...EXOTIC) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'name', 'x'), hostileString, { maxKeys: 3 }) },
)

/** A whole input that is not even an object. */
export const hostileTopLevel: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 0, '', 'x', [], true, ...DEEP, ...POLLUTERS),
  hostileValue,
)

// ---- Files as base64 ------------------------------------------------------------------------------

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** A ledger-like CSV (header row + hostile rows) as base64: reaches the import parser. */
export const hostileCsvBase64: fc.Arbitrary<string> = fc
  .array(fc.array(fc.oneof(hostileString.filter((s) => s.length < 1000), fc.constantFrom('2024-02-30', '1e9999亿', '=cmd|"/c calc"!A1')), { minLength: 1, maxLength: 8 }), {
    maxLength: 6,
  })
  .map((rows) => {
    const header = '序号,项目名称,投资方,所属区县,所属园区,产业,投资额（亿元）,项目阶段,计划签约日期'
    const text = [header, ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n')
    return Buffer.from(text, 'utf8').toString('base64')
  })

export const hostileBase64: fc.Arbitrary<string> = fc.oneof(
  hostileCsvBase64,
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  // A zip header (xlsx) followed by junk, and a truncated PK file.
  fc.uint8Array({ maxLength: 100 }).map((bytes) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(bytes)]).toString('base64')),
  fc.constantFrom('', '====', 'A', 'AB=C', '@@@@', '\u0000', 'QUJD\nREVG'),
)

// ---- Inputs shaped like a zod schema -------------------------------------------------------------

export interface ShapeOptions {
  /** Real record ids for a field, or of every kind for '' (read at generation time, so ids created
   * meanwhile are used too). */
  ids: (field: string) => readonly string[]
  /** Probability (0..1) that any one field is replaced by a hostile value. */
  hostileRate?: number
  /**
   * Gentle: every field well-typed (real ids, valid enum values and dates, plain amounts) but the
   * text is hostile (SQL, FTS5 syntax, control characters, lone surrogates, formulas), so most
   * inputs pass validation and the hostile text reaches the services and the database.
   */
  gentle?: boolean
}

/** Short hostile text that any free-text field accepts. */
export const GENTLE_TEXT: readonly string[] = [...SQL_FRAGMENTS, ...FTS_FRAGMENTS, ...PATH_FRAGMENTS, ...CONTROL_AND_UNICODE].filter(
  (text) => text.trim().length > 0,
)
const VALID_DATES = ['2026-11-20', '2024-02-29', '2025-06-15', '2026-01-01', '2026-11-27']
const CREDIT_CODES = ['91370100MA3C0001X', '91370000163043000'].map((first17) => first17 + creditCodeCheckChar(first17))
const VALID_AMOUNTS = ['3.5亿', '5000万元', '1,234', '0', '１２３', '12万']

interface ZodDef {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  options?: z.ZodType[]
  element?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  entries?: Record<string, string | number>
  values?: unknown[]
  checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[]
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def

const isIdSchema = (def: ZodDef) => def.checks?.some((c) => c._zod.def.pattern?.source === '^[0-9A-Za-z_-]{1,64}$') ?? false

const PLAIN = ['济南巨能液压', '槐荫区', '王敏', '2026', 'a', '备注', '0531-87100001', '91370100MA3C5XXXXX', '#1677ff', 'lead', 'signed']

/**
 * An arbitrary for inputs shaped like `schema`: mostly plausible values (so many pass validation
 * and reach the service), each field replaced by a hostile value with probability `hostileRate`,
 * sometimes missing, and objects sometimes carrying extra or prototype-pollution keys.
 */
export function shapedInput(schema: z.ZodType, options: ShapeOptions): fc.Arbitrary<unknown> {
  const gentle = options.gentle ?? false
  const rate = gentle ? 0 : (options.hostileRate ?? 0.2)
  const hostileWeight = Math.max(1, Math.round(rate * 100))
  const plainWeight = Math.max(1, 100 - hostileWeight)
  const pick = (field: string) =>
    fc.nat().map((n) => {
      const ids = options.ids(field)
      return ids.length ? ids[n % ids.length]! : '01JAAAAAAAAAAAAAAAAAAAAAAA'
    })
  // Mostly an id of the right kind; one in five of any kind (a project id where a user id belongs).
  const realId = (field: string) => fc.oneof({ weight: 4, arbitrary: pick(field) }, { weight: 1, arbitrary: pick('') })

  const maybeHostile = (plain: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    gentle ? plain : fc.oneof({ weight: plainWeight, arbitrary: plain }, { weight: hostileWeight, arbitrary: hostileValue })

  const gentleString = (key: string, def: ZodDef): fc.Arbitrary<unknown> => {
    if (isIdSchema(def)) return realId(key)
    if (/base64/i.test(key)) return hostileCsvBase64
    if (/(^|[a-z])(on|date|from|to)$/i.test(key) || /On$|Date$/.test(key)) return fc.constantFrom(...VALID_DATES)
    if (/asOf|At$/.test(key)) return fc.constantFrom(...VALID_DATES)
    if (/month/i.test(key)) return fc.constantFrom('2026-11', '2024-02', '2026-01')
    if (/creditCode/.test(key)) return fc.constantFrom(...CREDIT_CODES)
    if (/phone/i.test(key)) return fc.constantFrom('0531-87100001', '13800000000', '')
    if (/email/i.test(key)) return fc.constantFrom('a@b.cn', '')
    if (/color/i.test(key)) return fc.constantFrom('#1677ff', '#000000')
    if (/sha256/i.test(key)) return fc.constantFrom('0'.repeat(64), 'f'.repeat(64))
    if (/website|url/i.test(key)) return fc.constantFrom('https://example.cn', 'javascript:alert(1)', 'file:///etc/passwd', '')
    if (/amount|value|investment|capital/i.test(key)) return fc.constantFrom(...VALID_AMOUNTS)
    if (/fileName/i.test(key)) return fc.constantFrom(...GENTLE_TEXT).map((text) => `${text}.csv`)
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...GENTLE_TEXT) }, { weight: 1, arbitrary: fc.string({ unit: codeUnit, minLength: 1, maxLength: 20 }) })
  }

  const stringFor = (key: string, def: ZodDef): fc.Arbitrary<unknown> => {
    if (gentle) return gentleString(key, def)
    if (isIdSchema(def)) {
      return fc.oneof(
        { weight: 8, arbitrary: realId(key) },
        { weight: 1, arbitrary: fc.constantFrom('01JAAAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(64), '_-', 'ZZZZ') },
        { weight: 1, arbitrary: hostileString },
      )
    }
    if (/base64/i.test(key)) return hostileBase64
    if (/(^|[a-z])(on|date|from|to|month)$/i.test(key) || /On$|Date$/.test(key)) {
      return fc.oneof(fc.constantFrom(...DATE_STRINGS), hostileString)
    }
    if (/amount|value|investment|capital/i.test(key)) return fc.oneof(fc.constantFrom(...AMOUNT_STRINGS), hostileString)
    if (/fileName/i.test(key)) {
      return fc.oneof(fc.constantFrom('台账.csv', 'ledger.xlsx', 'x.xls', 'a.txt'), hostileString.map((s) => `${s}.csv`), hostileString)
    }
    return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...DATE_STRINGS) })
  }

  const build = (schema: z.ZodType, key: string, depth: number): fc.Arbitrary<unknown> => {
    const def = defOf(schema)
    if (depth > 12) return hostileValue
    switch (def.type) {
      case 'object': {
        const entries = Object.entries(def.shape ?? {})
        const fields: Record<string, fc.Arbitrary<unknown>> = {}
        for (const [name, field] of entries) {
          // Missing now and then (undefined is dropped below).
          fields[name] = gentle
            ? build(field, name, depth + 1)
            : fc.oneof({ weight: 12, arbitrary: maybeHostile(build(field, name, depth + 1)) }, { weight: 1, arbitrary: fc.constant(undefined) })
        }
        const extra = fc.option(
          fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'id', 'deletedAt', 'createdBy'), hostileValue, { maxKeys: 2 }),
          { freq: 4 },
        )
        return fc.tuple(fc.record(fields), extra).map(([record, more]) => {
          const out: Record<string, unknown> = {}
          for (const [name, value] of Object.entries(record)) if (value !== undefined) out[name] = value
          // defineProperty: `__proto__` becomes an own key, as JSON.parse would make it.
          if (more) for (const [name, value] of Object.entries(more)) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true })
          return out
        })
      }
      case 'optional':
      case 'default':
      case 'prefault':
        return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: build(def.innerType!, key, depth + 1) })
      case 'nullable':
        return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: build(def.innerType!, key, depth + 1) })
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        return build(def.innerType!, key, depth + 1)
      case 'pipe':
        // z.preprocess is a pipe from a transform: the input shape is the pipe's output schema.
        return defOf(def.in!).type === 'transform' ? build(defOf(schema).out!, key, depth + 1) : build(def.in!, key, depth + 1)
      case 'transform':
      case 'unknown':
      case 'any':
        return hostileValue
      case 'union':
        return fc.oneof(...def.options!.map((option) => build(option, key, depth + 1)))
      case 'array':
        if (gentle) return fc.array(build(def.element!, key.replace(/s$/, ''), depth + 1), { maxLength: 3 })
        return fc.oneof(
          { weight: 4, arbitrary: fc.array(build(def.element!, key.replace(/s$/, ''), depth + 1), { maxLength: 4 }) },
          { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 51, maxLength: 2000 }) },
        )
      case 'record':
        return fc
          .array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'A', '项目名称', ''), hostileString), build(def.valueType!, key, depth + 1)), { maxLength: 3 })
          .map((pairs) => {
            const out: Record<string, unknown> = {}
            for (const [name, value] of pairs) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true })
            return out
          })
      case 'enum': {
        const values = Object.values(def.entries ?? {})
        if (gentle) return fc.constantFrom(...values)
        return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: hostileString })
      }
      case 'literal':
        return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(def.values ?? [null])) }, { weight: 1, arbitrary: hostileValue })
      case 'string':
        return stringFor(key, def)
      case 'number':
        if (gentle) return /year/i.test(key) ? fc.constantFrom(2024, 2025, 2026) : fc.constantFrom(1, 2, 3, 4)
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(1, 2, 10, 50, 2024, 2026, 12, 0) },
          { weight: 2, arbitrary: hostileNumber },
        )
      case 'boolean':
        if (gentle) return fc.boolean()
        return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: hostileValue })
      default:
        return hostileValue
    }
  }

  return build(schema, '', 0)
}

/**
 * Any input for a method: well-typed with hostile text (reaches the services), lightly and heavily
 * corrupted schema-shaped inputs (reach the validators' edges), and garbage at the top level.
 */
export function methodInput(schema: z.ZodType, options: Pick<ShapeOptions, 'ids'>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: shapedInput(schema, { ...options, gentle: true }) },
    { weight: 3, arbitrary: shapedInput(schema, { ...options, hostileRate: 0.05 }) },
    { weight: 2, arbitrary: shapedInput(schema, { ...options, hostileRate: 0.3 }) },
    { weight: 1, arbitrary: hostileTopLevel },
  )
}
