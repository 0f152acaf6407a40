// The key facts of an investor, read at a glance.
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { InvestorDetail } from '../../../../db/domain/investor'
import { count, wan } from '../../format'

export function InvestorFacts({ investor }: { investor: InvestorDetail }) {
  const { t } = useTranslation()
  const dash = (value: string | null | undefined) => value || '—'
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'creditCode',
          label: t('investors.fields.creditCode'),
          children: investor.creditCode ? (
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {investor.creditCode}
            </Typography.Text>
          ) : (
            '—'
          ),
        },
        { key: 'ownership', label: t('investors.fields.ownership'), children: investor.ownership ? t(`vocab.ownership.${investor.ownership}`) : '—' },
        {
          key: 'origin',
          label: t('investors.fields.origin'),
          children: dash([investor.origin && t(`vocab.origin.${investor.origin}`), investor.originCity].filter(Boolean).join(' · ')),
        },
        { key: 'industry', label: t('investors.fields.industry'), children: dash(investor.industryName) },
        {
          key: 'registeredCapital',
          label: t('investors.fields.registeredCapital'),
          children: investor.registeredCapitalYuan === null ? '—' : `${wan(investor.registeredCapitalYuan)} ${t('unit.wan')}`,
        },
        {
          key: 'sourceChannel',
          label: t('investors.fields.sourceChannel'),
          children: investor.sourceChannel ? t(`vocab.sourceChannel.${investor.sourceChannel}`) : '—',
        },
        { key: 'projectCount', label: t('investors.fields.projectCount'), children: count(investor.projectCount) },
        { key: 'negotiationCount', label: t('investors.fields.negotiationCount'), children: count(investor.negotiationCount) },
        { key: 'website', label: t('investors.fields.website'), children: dash(investor.website) },
        { key: 'address', label: t('investors.fields.address'), children: dash(investor.address), span: 2 },
        ...(investor.note ? [{ key: 'note', label: t('investors.fields.note'), children: investor.note, span: 3 }] : []),
      ]}
    />
  )
}
