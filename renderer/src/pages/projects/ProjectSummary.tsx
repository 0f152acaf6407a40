// The project's key facts, amounts in 亿元, with links to the investor, the park and the owner's list.
import { Descriptions, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { ProjectDetail } from '../../../../db/domain/project'
import { count, date, yi } from '../../format'
import { projectListLink } from './filters'
import { ColorTag } from '../../components/ColorTag'

const amount = (yuan: number | null, unit: string) => (yuan === null ? '—' : `${yi(yuan)} ${unit}`)
const optional = (value: ReactNode | null) => value ?? '—'
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 })

export function ProjectSummary({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const yiUnit = t('unit.yi')
  const ownersProjects = () => {
    navigate(projectListLink({ ownerId: project.ownerId ?? undefined }))
  }
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    {
      key: 'investor',
      label: t('project.field.investor'),
      children: project.investorId ? <Link to={`/investors/${project.investorId}`}>{project.investorName}</Link> : '—',
    },
    {
      key: 'park',
      label: t('project.field.park'),
      children: project.parkId ? <Link to="/parks">{project.parkName}</Link> : '—',
    },
    { key: 'district', label: t('project.field.district'), children: optional(project.districtName) },
    {
      key: 'industry',
      label: t('project.field.industry'),
      children: [project.industryName, project.chain].filter(Boolean).join(' / ') || '—',
    },
    { key: 'kind', label: t('project.field.kind'), children: project.kind ? t(`vocab.projectKind.${project.kind}`) : '—' },
    {
      key: 'priority',
      label: t('project.field.priority'),
      children: project.priority ? <Tag color="gold">{t(`vocab.priority.${project.priority}`)}</Tag> : '—',
    },
    {
      key: 'total',
      label: t('project.field.totalInvestment'),
      children: (
        <Typography.Text strong data-testid="project-total">
          {yi(project.totalInvestmentYuan)}
        </Typography.Text>
      ),
    },
    { key: 'fixed', label: t('project.field.fixedAsset'), children: amount(project.fixedAssetYuan, yiUnit) },
    {
      key: 'foreign',
      label: t('project.field.foreignCapital'),
      children: project.foreignCapitalUsd === null ? '—' : number.format(project.foreignCapitalUsd / 10_000),
    },
    { key: 'land', label: t('project.field.land'), children: project.landCentiMu === null ? '—' : number.format(project.landCentiMu / 100) },
    { key: 'output', label: t('project.field.expectedOutput'), children: amount(project.expectedOutputYuan, yiUnit) },
    { key: 'tax', label: t('project.field.expectedTax'), children: amount(project.expectedTaxYuan, yiUnit) },
    { key: 'jobs', label: t('project.field.expectedJobs'), children: count(project.expectedJobs) },
    {
      key: 'owner',
      label: t('project.field.owner'),
      children: project.ownerId ? <Typography.Link onClick={ownersProjects}>{project.ownerName}</Typography.Link> : '—',
    },
    { key: 'leader', label: t('project.field.leader'), children: optional(project.leaderName) },
    { key: 'reserveOn', label: t('project.field.reserveOn'), children: date(project.reserveOn) },
    { key: 'planSigned', label: t('project.field.planSignedOn'), children: date(project.planSignedOn) },
    { key: 'planStarted', label: t('project.field.planStartedOn'), children: date(project.planStartedOn) },
    { key: 'planOperating', label: t('project.field.planOperatingOn'), children: date(project.planOperatingOn) },
    {
      key: 'tags',
      label: t('project.field.tags'),
      span: 2,
      children:
        project.tags.length === 0
          ? '—'
          : project.tags.map((tag) => (
              <ColorTag key={tag.id} color={tag.color}>
                {tag.name}
              </ColorTag>
            )),
    },
    {
      key: 'progress',
      label: t('project.field.progress'),
      span: 3,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{project.progress ?? '—'}</span>,
    },
  ]
  return <Descriptions size="small" column={3} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />
}
