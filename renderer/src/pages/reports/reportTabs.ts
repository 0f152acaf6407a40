// The report tabs, in the order managers read them; each is a sub-route of /reports.
export const REPORT_TABS = ['funnel', 'flow', 'breakdown', 'targets', 'exceptions', 'rates', 'activity'] as const
export type ReportTab = (typeof REPORT_TABS)[number]

export const isReportTab = (value: string | undefined): value is ReportTab => (REPORT_TABS as readonly string[]).includes(value ?? '')
