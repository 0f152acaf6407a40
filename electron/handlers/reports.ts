import type { reportsContract } from '../contract/reports'
import { activityReport } from '../../db/services/reports/activity'
import { breakdownReport } from '../../db/services/reports/breakdown'
import { reportDrill } from '../../db/services/reports/drill'
import { exceptionsReport } from '../../db/services/reports/exceptions'
import { flowReport } from '../../db/services/reports/flow'
import { funnelReport } from '../../db/services/reports/funnel'
import { ratesReport } from '../../db/services/reports/rates'
import { targetsReport } from '../../db/services/reports/targets'
import { exportAsBytes } from '../../db/ledger-export/export-file'
import { exportReportTab } from '../../db/ledger-export/export-report-tab'
import type { HandlerSlice } from './types'

export const reportsHandlers: HandlerSlice<keyof typeof reportsContract> = {
  'report-funnel': (input, { ctx }) => funnelReport(ctx, input),
  'report-flow': (input, { ctx }) => flowReport(ctx, input),
  'report-breakdown': (input, { ctx }) => breakdownReport(ctx, input),
  'report-targets': (input, { ctx }) => targetsReport(ctx, input),
  'report-exceptions': (input, { ctx }) => exceptionsReport(ctx, input),
  'report-rates': (input, { ctx }) => ratesReport(ctx, input),
  'report-activity': (input, { ctx }) => activityReport(ctx, input),
  'report-drill': (input, { ctx }) => reportDrill(ctx, input),
  'report-tab-export': (input, { ctx }) =>
    exportAsBytes(ctx, `${input.title}-${ctx.now().toISOString().slice(0, 10).replace(/-/g, '')}`, 'xlsx', (path) => exportReportTab(ctx, path, input)),
}
