// /projects: the ledger as a table — filtered, sorted and paged on the server.
import { Card, Empty, Space, Table, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ProjectRow } from '../../../../db/domain/project'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { count, yi } from '../../format'
import { COLUMN_KEYS, type ColumnKey, DEFAULT_COLUMNS, columnTitle, projectColumns, sortOfColumn } from './columns'
import { ColumnChooser } from './ColumnChooser'
import { LedgerToolbar } from './import/LedgerToolbar'
import { DEFAULT_SORTING, type ProjectFilters, type ProjectSorting, activeFilterCount, toListQuery } from './filters'
import { ProjectFilterBar } from './ProjectFilterBar'
import { ProjectsHeader } from './ProjectsHeader'
import { SavedViews } from './SavedViews'
import { KEYS, useStoredState } from './storage'

export function ProjectListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [filters, setFiltersRaw] = useStoredState<ProjectFilters>(sessionStorage, KEYS.filters, {})
  const [sorting, setSorting] = useStoredState<ProjectSorting>(sessionStorage, KEYS.sort, DEFAULT_SORTING)
  const [pageSize, setPageSize] = useStoredState<number>(localStorage, KEYS.pageSize, 50)
  const [columns, setColumns] = useStoredState<ColumnKey[]>(localStorage, KEYS.columns, DEFAULT_COLUMNS)
  const [page, setPage] = useStoredState<number>(sessionStorage, KEYS.page, 1)

  const setFilters = (next: ProjectFilters) => {
    setFiltersRaw(next)
    setPage(1)
  }

  const query = { ...toListQuery(filters), ...sorting, page, pageSize }
  const list = useApiQuery('project-list', query, { placeholderData: (previous) => previous })
  const filtered = activeFilterCount(filters) > 0

  const tableColumns = useMemo(() => {
    const all = projectColumns(t)
    // Unknown keys from an older saved choice are dropped rather than crash the table.
    return COLUMN_KEYS.filter((key) => columns.includes(key)).map((key) => {
      const sort = sortOfColumn(key)
      return {
        ...all[key],
        key,
        title: columnTitle(t, key),
        sorter: sort !== undefined,
        sortOrder: sort && sorting.sort === sort ? (sorting.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      }
    })
  }, [t, columns, sorting])

  const onSort = (sorter: SorterResult<ProjectRow> | SorterResult<ProjectRow>[]) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter
    const sort = single?.order ? sortOfColumn(single.columnKey as ColumnKey) : undefined
    setSorting(sort ? { sort, order: single!.order === 'ascend' ? 'asc' : 'desc' } : DEFAULT_SORTING)
    setPage(1)
  }

  return (
    <div className="page">
      <ProjectsHeader current="list" />
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <ProjectFilterBar value={filters} onChange={setFilters} />
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', margin: '12px 0 8px' }}>
          <Typography.Text data-testid="project-summary">
            {list.data ? t('project.summary', { count: count(list.data.total), yi: yi(list.data.totalInvestmentYuan) }) : '\u00a0'}
          </Typography.Text>
          <Space size={8}>
            <SavedViews
              current={{ filters, columns }}
              onApply={(view) => {
                setFilters(view.filters)
                setColumns(view.columns)
              }}
            />
            <ColumnChooser value={columns} onChange={setColumns} />
            <LedgerToolbar filters={filters} sorting={sorting} columns={columns} />
          </Space>
        </div>
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ProjectRow>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.rows ?? []}
            columns={tableColumns}
            scroll={{ x: 'max-content' }}
            onChange={(pagination, _filters, sorter, extra) => {
              if (extra.action === 'sort') return onSort(sorter)
              if (pagination.pageSize && pagination.pageSize !== pageSize) {
                setPageSize(pagination.pageSize)
                setPage(1)
              } else if (pagination.current) setPage(pagination.current)
            }}
            onRow={(row) => ({ onClick: () => navigate(`/projects/${row.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              hideOnSinglePage: false,
              showTotal: (total) => t('common.total', { count: total }),
            }}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('project.emptyFiltered') : t('project.empty')} />
              ),
            }}
          />
        )}
      </Card>
    </div>
  )
}
