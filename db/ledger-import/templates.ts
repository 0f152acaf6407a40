// Saved column mappings for ledgers that come back every month in the same odd layout. Kept in
// the setting table (key 'import_templates') as { name: { mapping, sheet, stageWords, months, savedAt } }:
// the stage words answer the ledger's unknown 项目状态 words, so next month's file is not asked again,
// and months 'all' imports a month-per-sheet workbook's months in order again.
import type { Ctx } from '../context'
import { nowIso } from '../context'
import { notFound } from '../domain/errors'
import { type ImportTemplate, type ImportTemplateSave, MappingOverrides, StageWords, TEMPLATES_SETTING } from '../domain/ledger'

type Stored = Record<string, { mapping: MappingOverrides; sheet: string | null; stageWords: StageWords; months: 'all' | null; savedAt: string }>

async function readAll(ctx: Ctx): Promise<Stored> {
  const row = await ctx.db.selectFrom('setting').select('value').where('key', '=', TEMPLATES_SETTING).executeTakeFirst()
  if (!row) return {}
  try {
    const parsed = JSON.parse(row.value) as unknown
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    const out: Stored = {}
    // a template written by a newer version with unknown fields is skipped, not fatal
    for (const [name, t] of Object.entries(parsed as Record<string, any>)) {
      const mapping = MappingOverrides.safeParse(t?.mapping)
      // templates saved before stage words existed have none; unreadable answers are asked again
      const stageWords = StageWords.safeParse(t?.stageWords ?? {})
      if (mapping.success) {
        out[name] = {
          mapping: mapping.data,
          sheet: typeof t.sheet === 'string' ? t.sheet : null,
          stageWords: stageWords.success ? stageWords.data : {},
          // templates saved before the choice was kept import one sheet, as they did
          months: t.months === 'all' ? 'all' : null,
          savedAt: String(t.savedAt ?? ''),
        }
      }
    }
    return out
  } catch {
    return {}
  }
}

async function writeAll(ctx: Ctx, all: Stored): Promise<void> {
  const value = JSON.stringify(all)
  const updatedAt = nowIso(ctx)
  await ctx.db
    .insertInto('setting')
    .values({ key: TEMPLATES_SETTING, value, updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt }))
    .execute()
}

export async function listTemplates(ctx: Ctx): Promise<ImportTemplate[]> {
  const all = await readAll(ctx)
  return Object.entries(all)
    .map(([name, t]) => ({ name, ...t }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

export async function loadTemplate(ctx: Ctx, name: string): Promise<ImportTemplate> {
  const t = (await readAll(ctx))[name]
  if (!t) throw notFound(`导入模板“${name}”`, name)
  return { name, ...t }
}

export async function saveTemplate(ctx: Ctx, input: ImportTemplateSave): Promise<ImportTemplate> {
  const all = await readAll(ctx)
  // all months: the sheets are the workbook's months, whichever they are next time
  const months = input.months ?? null
  all[input.name] = { mapping: input.mapping, sheet: months ? null : (input.sheet ?? null), stageWords: input.stageWords ?? {}, months, savedAt: nowIso(ctx) }
  await writeAll(ctx, all)
  return { name: input.name, ...all[input.name]! }
}

export async function deleteTemplate(ctx: Ctx, name: string): Promise<void> {
  const all = await readAll(ctx)
  if (!all[name]) throw notFound(`导入模板“${name}”`, name)
  delete all[name]
  await writeAll(ctx, all)
}
