// The list kit's table: rows paged, sorted and filtered on the server; the filter bar above, the
// count, an empty state that says where to act, an error state with retry; fixed column widths
// with long text cut to one line (tooltip on hover), so one long name never stretches the table.
import { Empty, Table, type TableColumnType, type TableProps, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { type Key, type ReactNode, startTransition, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiCallError } from '../../api/client'
import { ErrorState } from '../ErrorState'
import { EllipsisText } from './EllipsisText'
import type { ListControls } from './useListState'
import './list.css'

export interface ListColumn<Row> extends Omit<TableColumnType<Row>, 'sorter' | 'sortOrder' | 'ellipsis'> {
  key: string
  /** With a fixed layout, content never widens the table; at most one column (long text) takes the rest. */
  width?: number
  /** The server's sort key, when the column can be sorted. */
  sortKey?: string
  /** Cells that hold controls or tags rather than one line of text keep their own layout. */
  wrap?: boolean
  /** The full text for the tooltip when the rendered cell is not plain text (a link). */
  fullText?: (row: Row) => string | null | undefined
}

export interface ListQueryResult<Row> {
  data?: { rows: Row[]; total: number }
  isFetching: boolean
  error: ApiCallError | null
  refetch(): unknown
}

interface Props<Row, F> {
  list: ListQueryResult<Row>
  controls: ListControls<F>
  columns: ListColumn<Row>[]
  rowKey: (row: Row) => Key
  /** The filters above the table. */
  filters?: ReactNode
  /** Left of the line above the table; by default "共 N 条". */
  summary?: ReactNode
  /** Right of that line: views, columns, exports. */
  toolbar?: ReactNode
  empty: { text: ReactNode; filtered: ReactNode; action?: ReactNode }
  filtered: boolean
  pageSizeOptions?: number[]
  onRow?: TableProps<Row>['onRow']
  size?: 'small' | 'middle'
  testId?: string
}

// The narrowest a column without a width may become before the table scrolls sideways.
const FLEXIBLE_MIN = 200

// Rows the window can show at once (a row is at least 38 px tall): a table mounted with its rows
// already there (the window opening on a list, or a list whose answer is cached) renders these
// first and the rest of the page right after, in a render that yields to the browser, so that the
// first rows paint without waiting for the ones below the fold.
const firstRowsToShow = () => Math.ceil(window.innerHeight / 38)

export function ServerTable<Row extends object, F>(props: Props<Row, F>) {
  const { t } = useTranslation()
  const { list, controls } = props
  const { state } = controls
  const total = list.data?.total ?? 0
  const [allRows, setAllRows] = useState(false)
  useEffect(() => startTransition(() => setAllRows(true)), [])
  const rows = list.data?.rows ?? []

  // The same column objects from render to render (a page memoises its own list): antd's table
  // then keeps its cells instead of rendering every one again when only the loading flag changed.
  const columns = useMemo(
    (): TableColumnType<Row>[] =>
      props.columns.map(({ sortKey, wrap, fullText, render, ...column }) => ({
        ...column,
        sorter: sortKey !== undefined,
        sortOrder: sortKey && state.sort === sortKey ? (state.order === 'desc' ? 'descend' : 'ascend') : null,
        ellipsis: wrap ? false : { showTitle: false },
        render: wrap
          ? render
          : (value: unknown, row: Row, index: number) => {
              const content = (render ? render(value, row, index) : value) as ReactNode
              const text = fullText?.(row)
              return <EllipsisText title={text ?? undefined}>{content ?? '—'}</EllipsisText>
            },
      })),
    [props.columns, state.sort, state.order],
  )
  const width = props.columns.reduce((sum, column) => sum + (column.width ?? FLEXIBLE_MIN), 0)

  const onChange: TableProps<Row>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Row> | undefined
      const column = props.columns.find((c) => c.key === single?.columnKey)
      controls.setSort(single?.order ? column?.sortKey : undefined, single?.order === 'descend' ? 'desc' : 'asc')
      return
    }
    controls.setPage(pagination.current ?? 1, pagination.pageSize)
  }

  return (
    <div className="server-table" data-testid={props.testId}>
      {props.filters}
      <div className="server-table-bar">
        <Typography.Text data-testid="list-summary">{list.data ? (props.summary ?? t('common.total', { count: total })) : '\u00a0'}</Typography.Text>
        {props.toolbar}
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Row>
          rowKey={props.rowKey}
          size={props.size ?? 'middle'}
          tableLayout="fixed"
          // Narrow windows scroll the table sideways rather than squeeze the columns.
          scroll={{ x: width }}
          loading={list.isFetching}
          dataSource={allRows ? rows : rows.slice(0, firstRowsToShow())}
          columns={columns}
          onChange={onChange}
          onRow={props.onRow}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total,
            showSizeChanger: !!props.pageSizeOptions,
            pageSizeOptions: props.pageSizeOptions,
            hideOnSinglePage: !props.pageSizeOptions,
            showTotal: (count) => t('common.total', { count }),
          }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.filtered ? props.empty.filtered : props.empty.text}>
                {!props.filtered && props.empty.action}
              </Empty>
            ),
          }}
        />
      )}
    </div>
  )
}
