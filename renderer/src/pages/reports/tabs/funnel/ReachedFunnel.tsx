// How many projects got at least this far on the main path: always narrowing, so a true funnel.
import { theme } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { FunnelResult } from '../../../../../../db/domain/report'
import { count } from '../../../../format'
import { htmlText } from '../../charts/echarts'
import { ReportChart } from '../../charts/ReportChart'
import { useOpenDrill } from '../../drill/context'

export function ReachedFunnel({ data }: { data: FunnelResult }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const openDrill = useOpenDrill()
  const steps = useMemo(() => {
    const reached = data.conversions.map((c) => ({ stage: c.from, figure: c.reachedFrom }))
    const last = data.conversions.at(-1)
    return last ? [...reached, { stage: last.to, figure: last.reachedTo }] : reached
  }, [data])
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => htmlText(`${p.name}${t('reports.colon')}${count(p.value)}`) },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          top: 36,
          bottom: 8,
          left: '6%',
          width: '88%',
          minSize: '30%',
          gap: 2,
          label: { position: 'inside', color: token.colorWhite, formatter: (p: { name: string; value: number }) => `${p.name}  ${count(p.value)}` },
          itemStyle: { color: token.colorPrimary, borderColor: token.colorBgContainer },
          data: steps.map((s) => ({ name: t(`stage.${s.stage}`), value: s.figure.count })),
        },
      ],
    }),
    [steps, t, token],
  )
  const onClick = (index: number) => {
    const step = steps[index]
    if (step) openDrill({ drill: step.figure.drill, title: t('reports.funnel.reached', { stage: t(`stage.${step.stage}`) }) })
  }
  return <ReportChart option={option} name={t('reports.funnel.reachedTitle')} height={380} onClickIndex={onClick} testId="funnel-chart" />
}
