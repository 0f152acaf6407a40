// Every column the project table can show; people choose which (ColumnChooser).
import { Tag } from 'antd'
import type { TFunction } from 'i18next'
import { Link } from 'react-router-dom'
import type { ProjectRow, ProjectSort } from '../../../../db/domain/project'
import type { ListColumn } from '../../components/list/ServerTable'
import { StageTag } from '../../components/StageTag'
import { date, dateTime, yi } from '../../format'
import { ColorTag } from '../../components/ColorTag'

export const COLUMN_KEYS = [
  'name',
  'investor',
  'park',
  'district',
  'industry',
  'stage',
  'totalInvestment',
  'priority',
  'owner',
  'reserveOn',
  'signedOn',
  'startedOn',
  'operatingOn',
  'tags',
  'progress',
  'updatedAt',
] as const
export type ColumnKey = (typeof COLUMN_KEYS)[number]

// Fits 1280×800 without scrolling sideways; the rest is one click away in the chooser.
export const DEFAULT_COLUMNS: ColumnKey[] = ['name', 'investor', 'park', 'stage', 'totalInvestment', 'priority', 'owner', 'signedOn']

/** The name is how a row is recognised and opened: it is always shown. */
export const FIXED_COLUMNS: ColumnKey[] = ['name']

const SORT_OF: Partial<Record<ColumnKey, ProjectSort>> = {
  name: 'name',
  stage: 'stage',
  totalInvestment: 'totalInvestment',
  reserveOn: 'reserveOn',
  signedOn: 'signedOn',
  startedOn: 'startedOn',
  updatedAt: 'updatedAt',
}

export const sortOfColumn = (key: ColumnKey): ProjectSort | undefined => SORT_OF[key]

const text = (value: string | null) => value ?? '—'

export function columnTitle(t: TFunction, key: ColumnKey): string {
  return t(`project.field.${key}`)
}

/** Widths are fixed (the list kit cuts long text with an ellipsis and a tooltip). */
export function projectColumns(t: TFunction): Record<ColumnKey, Omit<ListColumn<ProjectRow>, 'key'>> {
  return {
    name: {
      width: 220,
      fullText: (row) => row.name,
      render: (_, row) => (
        <Link to={`/projects/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {row.name}
        </Link>
      ),
    },
    investor: { width: 160, render: (_, row) => text(row.investorName) },
    park: { width: 150, render: (_, row) => text(row.parkName) },
    district: { width: 90, render: (_, row) => text(row.districtName) },
    industry: { width: 120, render: (_, row) => text(row.industryName) },
    stage: { width: 90, wrap: true, render: (_, row) => <StageTag stage={row.stage} /> },
    totalInvestment: { width: 128, align: 'right', render: (_, row) => yi(row.totalInvestmentYuan) },
    priority: {
      width: 80,
      render: (_, row) => (row.priority ? <Tag color="gold">{t(`vocab.priority.${row.priority}`)}</Tag> : '—'),
    },
    owner: { width: 76, render: (_, row) => text(row.ownerName) },
    reserveOn: { width: 100, render: (_, row) => date(row.reserveOn) },
    signedOn: { width: 100, render: (_, row) => date(row.signedOn) },
    startedOn: { width: 100, render: (_, row) => date(row.startedOn) },
    operatingOn: { width: 100, render: (_, row) => date(row.operatingOn) },
    tags: {
      width: 180,
      render: (_, row) =>
        row.tags.length === 0
          ? '—'
          : row.tags.map((tag) => (
              <ColorTag key={tag.id} color={tag.color}>
                {tag.name}
              </ColorTag>
            )),
    },
    progress: { width: 260, render: (_, row) => text(row.progress) },
    updatedAt: { width: 140, render: (_, row) => dateTime(row.updatedAt) },
  }
}
