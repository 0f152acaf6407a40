// The managers' numbers: funnel, period flow, breakdowns, targets, exception lists, rates,
// activity, the projects behind any figure (report-drill), and a tab's table as a workbook.
import {
  ActivityQuery,
  type ActivityResult,
  BreakdownQuery,
  type BreakdownResult,
  DrillQuery,
  type DrillResult,
  ExceptionsQuery,
  type ExceptionsResult,
  FlowQuery,
  type FlowResult,
  FunnelQuery,
  type FunnelResult,
  RatesQuery,
  type RatesResult,
  TargetsQuery,
  type TargetsResult,
} from '../../db/domain/report'
import type { ExportFile } from '../../db/domain/ledger'
import { ReportTabExportInput } from '../../db/domain/report-tab-export'
import { method } from './define'

export const reportsContract = {
  'report-funnel': method(FunnelQuery).returns<FunnelResult>(),
  'report-flow': method(FlowQuery).returns<FlowResult>(),
  'report-breakdown': method(BreakdownQuery).returns<BreakdownResult>(),
  'report-targets': method(TargetsQuery).returns<TargetsResult>(),
  'report-exceptions': method(ExceptionsQuery).returns<ExceptionsResult>(),
  'report-rates': method(RatesQuery).returns<RatesResult>(),
  'report-activity': method(ActivityQuery).returns<ActivityResult>(),
  'report-drill': method(DrillQuery).returns<DrillResult>(),
  /** 导出 on a report tab: the table as shown, with the period and filters above it. */
  'report-tab-export': method(ReportTabExportInput).returns<ExportFile>(),
}
