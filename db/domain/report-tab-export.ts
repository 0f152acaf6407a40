// The input of 导出本页 on a report tab (report-tab-export): the table as the screen shows it, the
// lines above it, and the screen's filters. Shared by the renderer (which builds it) and the
// writer (db/ledger-export/export-report-tab.ts).
import { z } from 'zod'
import { scopeFields } from './report'

const cellText = z.string().max(500, '单元格内容过长（最多500字）')

const shownTable = {
  columns: z
    .array(z.object({ header: z.string().min(1).max(80), type: z.enum(['text', 'integer', 'amount2', 'percent']) }))
    .min(1, '没有可导出的列')
    .max(40, '列过多（最多40列）'),
  rows: z.array(z.array(cellText)).max(10_000, '行过多（最多10000行）'),
  /** The last row is the table's 合计 row (bold, boxed like the ledger's). */
  totalRow: z.boolean().default(false),
}

export const ReportTabExportInput = z.object({
  /** The tab's name, for the file and the sheet: '期间流量'. */
  title: z.string().trim().min(1, '请填写报表名称').max(60, '报表名称最多60字'),
  /** The lines above the table besides the filters: the period as computed, the grouping. */
  notes: z.array(z.string().max(300)).max(10),
  /** The screen's filters (区县, 园区, 产业, 责任人, 重点级别, 客商来源), written out in words. */
  ...scopeFields,
  ...shownTable,
  /**
   * More tables the tab shows below its first (比率's 当年策划、当年开工、当年投产 list), each on a
   * sheet of its own under its title and notes.
   */
  more: z
    .array(z.object({ title: z.string().trim().min(1).max(60), notes: z.array(z.string().max(300)).max(10), ...shownTable }))
    .max(5)
    .default([]),
})
export type ReportTabExportInput = z.output<typeof ReportTabExportInput>
