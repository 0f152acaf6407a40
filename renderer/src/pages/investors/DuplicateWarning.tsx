// Likely duplicates of the investor being typed, asked as the name or credit code changes.
// The same credit code is a hard stop (the server refuses it); a similar name only warns.
import { Alert, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { DuplicateCandidate } from '../../../../db/domain/investor'
import { validateCreditCode } from '../../../../db/domain/credit-code'
import { useApiQuery } from '../../api/hooks'
import { useDebounced } from './useDebounced'

export function useDuplicates(name: string | undefined, creditCode: string | undefined, excludeId?: string): DuplicateCandidate[] {
  const settledName = useDebounced(name?.trim() || undefined, 300)
  // Only a complete, valid code can match: partial ones would ask the server for nothing.
  const checked = validateCreditCode(creditCode ?? '')
  const input = { name: settledName, creditCode: checked.ok ? checked.code : undefined, excludeId }
  const found = useApiQuery('investor-duplicates', input, {
    enabled: !!(input.name || input.creditCode),
    placeholderData: (previous) => previous,
  })
  return input.name || input.creditCode ? (found.data ?? []) : []
}

export function DuplicateWarning({ candidates }: { candidates: DuplicateCandidate[] }) {
  const { t } = useTranslation()
  if (candidates.length === 0) return null
  const sameCode = candidates.some((c) => c.reason === 'credit_code')
  return (
    <Alert
      type={sameCode ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="duplicate-warning"
      title={sameCode ? t('investors.duplicates.sameCode') : t('investors.duplicates.similar')}
      description={
        <Space orientation="vertical" size={2}>
          {candidates.slice(0, 5).map((c) => (
            <span key={c.id}>
              <Link to={`/investors/${c.id}`}>{c.name}</Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {c.reason === 'credit_code'
                  ? t('investors.duplicates.byCode', { code: c.creditCode })
                  : t('investors.duplicates.bySimilarity', { percent: Math.round(c.similarity * 100) })}
              </Typography.Text>
            </span>
          ))}
          {!sameCode && <Typography.Text type="secondary">{t('investors.duplicates.hint')}</Typography.Text>}
        </Space>
      }
    />
  )
}
