// /projects: the ledger as a table — its columns, its filters and its query on the list kit.
import { Card, Space } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { ProjectRow, ProjectSort } from '../../../../db/domain/project'
import { useApiQuery } from '../../api/hooks'
import { type ListColumn, ServerTable } from '../../components/list/ServerTable'
import { useListState } from '../../components/list/useListState'
import { hasFilters } from '../../components/list/urlState'
import { count, yi } from '../../format'
import { COLUMN_KEYS, type ColumnKey, DEFAULT_COLUMNS, columnTitle, projectColumns, sortOfColumn } from './columns'
import { ColumnChooser } from './ColumnChooser'
import { LedgerToolbar } from './import/LedgerToolbar'
import { PROJECT_FILTER_SHAPE, PROJECT_LIST_DEFAULTS, type ProjectFilters, type ProjectSorting, projectListInput } from './filters'
import { ProjectFilterBar } from './ProjectFilterBar'
import { ProjectsHeader } from './ProjectsHeader'
import { SavedViews } from './SavedViews'
import { KEYS, useStoredState } from './storage'

export function ProjectListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const controls = useListState<ProjectFilters>(PROJECT_FILTER_SHAPE, PROJECT_LIST_DEFAULTS)
  const { filters } = controls.state
  const sorting = { sort: controls.state.sort, order: controls.state.order } as ProjectSorting
  const [columns, setColumns] = useStoredState<ColumnKey[]>(localStorage, KEYS.columns, DEFAULT_COLUMNS)

  const list = useApiQuery('project-list', projectListInput(controls.state), { placeholderData: (previous) => previous })

  const tableColumns = useMemo(() => {
    const all = projectColumns(t)
    // Unknown keys from an older saved choice are dropped rather than crash the table.
    return COLUMN_KEYS.filter((key) => columns.includes(key)).map(
      (key): ListColumn<ProjectRow> => ({ ...all[key], key, title: columnTitle(t, key), sortKey: sortOfColumn(key) as ProjectSort | undefined }),
    )
  }, [t, columns])

  return (
    <div className="page">
      <ProjectsHeader current="list" />
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <ServerTable<ProjectRow, ProjectFilters>
          list={list}
          controls={controls}
          columns={tableColumns}
          rowKey={(row) => row.id}
          filters={<ProjectFilterBar value={filters} onChange={controls.setFilters} />}
          summary={
            list.data && (
              <span data-testid="project-summary">{t('project.summary', { count: count(list.data.total), yi: yi(list.data.totalInvestmentYuan) })}</span>
            )
          }
          toolbar={
            <Space size={8}>
              <SavedViews
                current={{ filters, columns }}
                onApply={(view) => {
                  controls.setFilters(view.filters)
                  setColumns(view.columns)
                }}
              />
              <ColumnChooser value={columns} onChange={setColumns} />
              <LedgerToolbar filters={filters} sorting={sorting} columns={columns} />
            </Space>
          }
          filtered={hasFilters(filters)}
          empty={{
            text: t('project.empty'),
            filtered: t('project.emptyFiltered'),
            // Most offices start from the ledger they already keep.
            action: (
              <Link to="/projects/import" data-testid="project-empty-import">
                {t('project.emptyImport')}
              </Link>
            ),
          }}
          pageSizeOptions={[20, 50, 100, 200]}
          onRow={(row) => ({ onClick: () => navigate(`/projects/${row.id}`), style: { cursor: 'pointer' } })}
        />
      </Card>
    </div>
  )
}
