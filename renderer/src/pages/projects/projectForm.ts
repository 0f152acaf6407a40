// Between a project and its form: the form holds 元 for money (AmountInput), 亩 and 万美元 as
// people type them, ISO strings for dates; the API wants whole 美元 and its own field names.
import type { Input } from '../../../../electron/contract'
import type { ProjectDetail } from '../../../../db/domain/project'
import type { Stage } from '../../../../db/domain/stages'

export interface ProjectFormValues {
  name?: string
  investorId?: string | null
  parkId?: string | null
  industryId?: string | null
  chain?: string | null
  kind?: ProjectDetail['kind']
  priority?: ProjectDetail['priority']
  tagIds?: string[]
  totalInvestment?: number | null
  fixedAsset?: number | null
  foreignCapitalWanUsd?: number | null
  landMu?: number | null
  expectedOutput?: number | null
  expectedTax?: number | null
  expectedJobs?: number | null
  ownerId?: string | null
  leaderId?: string | null
  reserveOn?: string | null
  planSignedOn?: string | null
  planStartedOn?: string | null
  planOperatingOn?: string | null
  progress?: string | null
  stage?: Stage
  stageOn?: string | null
}

export function toFormValues(project: ProjectDetail): ProjectFormValues {
  return {
    name: project.name,
    investorId: project.investorId,
    parkId: project.parkId,
    industryId: project.industryId,
    chain: project.chain,
    kind: project.kind,
    priority: project.priority,
    tagIds: project.tags.map((tag) => tag.id),
    totalInvestment: project.totalInvestmentYuan,
    fixedAsset: project.fixedAssetYuan,
    foreignCapitalWanUsd: project.foreignCapitalUsd === null ? null : project.foreignCapitalUsd / 10_000,
    landMu: project.landCentiMu === null ? null : project.landCentiMu / 100,
    expectedOutput: project.expectedOutputYuan,
    expectedTax: project.expectedTaxYuan,
    expectedJobs: project.expectedJobs,
    ownerId: project.ownerId,
    leaderId: project.leaderId,
    reserveOn: project.reserveOn,
    planSignedOn: project.planSignedOn,
    planStartedOn: project.planStartedOn,
    planOperatingOn: project.planOperatingOn,
    progress: project.progress,
  }
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

/** Every field is sent, so clearing one in the form clears it in the record. */
function facts(values: ProjectFormValues) {
  return {
    name: values.name ?? '',
    investorId: orNull(values.investorId),
    parkId: orNull(values.parkId),
    industryId: orNull(values.industryId),
    chain: orNull(values.chain),
    kind: orNull(values.kind),
    priority: orNull(values.priority),
    tagIds: values.tagIds ?? [],
    totalInvestment: orNull(values.totalInvestment),
    fixedAsset: orNull(values.fixedAsset),
    // 万美元 → whole 美元; rounding absorbs the float error of the multiplication.
    foreignCapitalUsd: values.foreignCapitalWanUsd == null ? null : Math.round(values.foreignCapitalWanUsd * 10_000),
    landMu: orNull(values.landMu),
    expectedOutput: orNull(values.expectedOutput),
    expectedTax: orNull(values.expectedTax),
    expectedJobs: orNull(values.expectedJobs),
    ownerId: orNull(values.ownerId),
    leaderId: orNull(values.leaderId),
    planSignedOn: orNull(values.planSignedOn),
    planStartedOn: orNull(values.planStartedOn),
    planOperatingOn: orNull(values.planOperatingOn),
    progress: orNull(values.progress),
  }
}

export function toCreateInput(values: ProjectFormValues): Input<'project-create'> {
  return {
    ...facts(values),
    reserveOn: values.reserveOn ?? undefined,
    stage: values.stage ?? 'lead',
    stageOn: values.stageOn ?? undefined,
  }
}

export function toUpdateInput(id: string, values: ProjectFormValues): Input<'project-update'> {
  // The reserve date cannot be cleared (every project has one): leave it when emptied.
  return { id, ...facts(values), ...(values.reserveOn ? { reserveOn: values.reserveOn } : {}) }
}
