// The body of the active tab; only it is mounted, so only its report is fetched.
import type { ReportParams } from './filters/params'
import type { ReportTab } from './reportTabs'
import { ActivityTab } from './tabs/ActivityTab'
import { BreakdownTab } from './tabs/BreakdownTab'
import { ExceptionsTab } from './tabs/ExceptionsTab'
import { FlowTab } from './tabs/FlowTab'
import { FunnelTab } from './tabs/FunnelTab'
import { RatesTab } from './tabs/RatesTab'
import { TargetsTab } from './tabs/TargetsTab'

interface Props {
  tab: ReportTab
  params: ReportParams
  setParams(next: ReportParams): void
}

export function TabContent({ tab, params, setParams }: Props) {
  switch (tab) {
    case 'funnel':
      return <FunnelTab params={params} />
    case 'flow':
      return <FlowTab params={params} />
    case 'breakdown':
      return <BreakdownTab params={params} />
    case 'targets':
      return <TargetsTab params={params} />
    case 'exceptions':
      return <ExceptionsTab params={params} onOwner={(ownerId) => setParams({ ...params, ownerId })} />
    case 'rates':
      return <RatesTab params={params} />
    case 'activity':
      return <ActivityTab params={params} />
  }
}
