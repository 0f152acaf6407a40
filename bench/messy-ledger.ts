// A messy 10,000-row ledger as offices send them: a 说明 sheet first, a title and unit row, amounts
// in 万元 as numbers, text ('3.5亿元', '8000万') or with thousands separators, dates as Excel dates
// or text in four spellings, stage words of every office, blank rows, a few bad cells, rows that
// update projects already in the database, a 合计 row and a footnote. Deterministic for a seed.
import type Sqlite from 'better-sqlite3'
import ExcelJS from 'exceljs'
import words from '../resources/demo/words.json'
import { seededRng } from './rng'

const HEADER = ['序号', '项目名称', '投资方', '所属区县', '所属园区', '产业类别', '总投资', '项目状态', '签约日期', '开工日期', '投产日期', '责任人', '项目进展情况']
const STAGE_WORDS = ['在谈', '洽谈中', '已签约', '签约', '在建', '开工', '已投产', '投产', '储备', '线索', '注册落地', '竣工']
const PRODUCTS = ['智能装备产业园', '新能源电池', '生物医药基地', '冷链物流中心', '数据中心', '精密零部件', '新材料产业园', '总部大楼', '医疗器械', '食品加工']

export async function writeMessyLedger(sqlite: Sqlite.Database, target: string, rows: number, seed: number): Promise<{ rows: number; updates: number }> {
  const rng = seededRng(seed)
  const places = sqlite.prepare('SELECT d.name AS district, k.name AS park FROM park k JOIN district d ON d.id = k.district_id').all() as Array<{ district: string; park: string }>
  const industries = sqlite.prepare('SELECT name FROM industry WHERE parent_id IS NOT NULL').pluck().all() as string[]
  const users = sqlite.prepare("SELECT name FROM user WHERE role = 'staff' LIMIT 50").pluck().all() as string[]
  // Existing projects to update: names that are unique in the database, with their investor.
  const existing = sqlite
    .prepare(`SELECT p.name, i.name AS investor FROM project p LEFT JOIN investor i ON i.id = p.investor_id
      WHERE p.deleted_at IS NULL AND p.name IN (SELECT name FROM project GROUP BY name HAVING count(*) = 1) ORDER BY p.id LIMIT ?`)
    .all(Math.round(rows * 0.2)) as Array<{ name: string; investor: string | null }>

  const wb = new ExcelJS.Workbook()
  const notes = wb.addWorksheet('说明')
  notes.addRow(['填报说明'])
  notes.addRow(['1. 项目名称请填写全称'])
  notes.addRow(['2. 总投资单位为万元'])
  const ws = wb.addWorksheet('2025台账')
  ws.addRow(['济南市2025年招商引资项目台账'])
  ws.mergeCells(1, 1, 1, HEADER.length)
  ws.addRow(['单位：万元', null, null, null, null, null, null, null, null, null, '填报日期：2025-12-31'])
  ws.addRow(HEADER)

  const date = (): string | Date | null => {
    if (rng.chance(0.5)) return null
    const y = rng.int(2021, 2025)
    const m = rng.int(1, 12)
    const d = rng.int(1, 28)
    switch (rng.int(0, 4)) {
      case 0:
        return new Date(Date.UTC(y, m - 1, d))
      case 1:
        return `${y}.${m}.${d}`
      case 2:
        return `${y}年${m}月${d}日`
      case 3:
        return `${y}/${m}/${d}`
      default:
        return `${y}年${m}月`
    }
  }
  const amount = (): string | number | null => {
    const wan = rng.int(500, 500_000)
    switch (rng.int(0, 5)) {
      case 0:
        return `${(wan / 10_000).toFixed(2)}亿元`
      case 1:
        return `${(wan / 10_000).toFixed(1)}亿`
      case 2:
        return `${wan}万`
      case 3:
        return wan.toLocaleString('en')
      case 4:
        return rng.chance(0.02) ? 'abc' : wan + 0.5
      default:
        return wan
    }
  }
  let total = 0
  let updates = 0
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % 700 === 0) ws.addRow([])
    const place = rng.pick(places)
    const update = i % 5 === 0 ? existing[i / 5] : undefined
    if (update) updates++
    const name = update?.name ?? `${place.district.slice(0, 2)}${rng.pick(words.brands)}${rng.pick(PRODUCTS)}${i}号项目`
    const a = amount()
    if (typeof a === 'number') total += a
    ws.addRow([
      i + 1,
      name,
      update ? update.investor : `${rng.pick(words.brands)}${rng.pick(['科技', '实业', '控股'])}有限公司`,
      place.district,
      rng.chance(0.9) ? place.park : null,
      rng.pick(industries),
      a,
      rng.chance(0.01) ? '神秘状态' : rng.pick(STAGE_WORDS),
      date(),
      date(),
      date(),
      rng.pick(users),
      rng.chance(0.6) ? `项目进展第${i}条：正在办理手续` : null,
    ])
  }
  ws.addRow(['合计', null, null, null, null, null, total, null, null, null, null, null, null])
  ws.addRow(['注：本表数据截至2025年12月31日', null, null, null, null, null, null, null, null, null, null, null, null])
  await wb.xlsx.writeFile(target)
  return { rows, updates }
}
