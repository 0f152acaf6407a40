// How many rows each person has; clicking a person narrows the whole report to them.
import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ExceptionPerson } from '../../../../../../db/domain/report'
import { count } from '../../../../format'

export function ByPerson({ people, onOwner }: { people: ExceptionPerson[]; onOwner(ownerId: string): void }) {
  const { t } = useTranslation()
  return (
    <div className="report-by-person" data-testid="exception-by-person">
      <Space wrap size={[4, 8]}>
        <Typography.Text type="secondary">{t('reports.exceptions.byPerson')}</Typography.Text>
        {people.map((person) => (
          <Tag
            key={person.ownerId ?? '__none'}
            color={person.ownerId ? 'blue' : 'default'}
            className={person.ownerId ? 'report-clickable' : undefined}
            onClick={() => person.ownerId && onOwner(person.ownerId)}
          >
            {`${person.ownerName ?? t('reports.exceptions.nobody')} ${count(person.count)}`}
          </Tag>
        ))}
      </Space>
    </div>
  )
}
