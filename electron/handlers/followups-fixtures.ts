// Rows the follow-up tests stand on (users, districts, parks, investors, projects), written straight
// to the test database so these tests do not depend on the other slices' APIs.
import { newId } from '../../db/context'
import type { Stage } from '../../db/domain/stages'
import type { TestBackend } from '../../tests/support/backend'

const stamps = (id: string) => {
  const at = '2026-01-01T00:00:00.000Z'
  return { id, createdAt: at, createdBy: null, updatedAt: at, updatedBy: null, deletedAt: null }
}

export async function addUser(api: TestBackend, name: string): Promise<string> {
  const id = newId()
  await api.env.ctx.db.insertInto('user').values({ ...stamps(id), name, role: 'staff', title: null, phone: null }).execute()
  return id
}

export async function addDistrict(api: TestBackend, name: string): Promise<string> {
  const id = newId()
  await api.env.ctx.db.insertInto('district').values({ ...stamps(id), name, code: null, note: null }).execute()
  return id
}

export async function addPark(api: TestBackend, districtId: string, name: string): Promise<string> {
  const id = newId()
  await api.env.ctx.db
    .insertInto('park')
    .values({
      ...stamps(id),
      districtId,
      name,
      focusIndustries: null,
      freeLandCentiMu: null,
      factorySpaceSqm: null,
      contactName: null,
      contactPhone: null,
      note: null,
    })
    .execute()
  return id
}

export async function addInvestor(api: TestBackend, name: string): Promise<string> {
  const id = newId()
  await api.env.ctx.db
    .insertInto('investor')
    .values({
      ...stamps(id),
      name,
      nameNorm: name,
      searchKeys: '',
      creditCode: null,
      ownership: null,
      origin: null,
      originCity: null,
      industryId: null,
      registeredCapitalYuan: null,
      sourceChannel: null,
      website: null,
      address: null,
      note: null,
      mergedInto: null,
    })
    .execute()
  return id
}

export async function addProject(
  api: TestBackend,
  name: string,
  options: { investorId?: string | null; stage?: Stage } = {},
): Promise<string> {
  const id = newId()
  await api.env.ctx.db
    .insertInto('project')
    .values({
      ...stamps(id),
      name,
      searchKeys: '',
      investorId: options.investorId ?? null,
      districtId: null,
      parkId: null,
      industryId: null,
      chain: null,
      kind: null,
      stage: options.stage ?? 'negotiating',
      stageOn: '2026-01-01',
      totalInvestmentYuan: null,
      fixedAssetYuan: null,
      foreignCapitalUsd: null,
      landCentiMu: null,
      expectedOutputYuan: null,
      expectedTaxYuan: null,
      expectedJobs: null,
      priority: null,
      ownerId: null,
      leaderId: null,
      sourceEventId: null,
      progress: null,
      reserveOn: '2026-01-01',
      signedOn: null,
      registeredOn: null,
      startedOn: null,
      completedOn: null,
      operatingOn: null,
      evaluatedOn: null,
      planSignedOn: null,
      planStartedOn: null,
      planOperatingOn: null,
    })
    .execute()
  return id
}

export async function softDelete(api: TestBackend, table: 'investor' | 'project' | 'user', id: string): Promise<void> {
  await api.env.ctx.db.updateTable(table).set({ deletedAt: '2026-01-02T00:00:00.000Z' }).where('id', '=', id).execute()
}

/** The journal actions of one row, oldest first. */
export async function journalOf(api: TestBackend, entityId: string) {
  const rows = await api.env.ctx.db.selectFrom('change').selectAll().where('entityId', '=', entityId).orderBy('seq').execute()
  return rows.map((row) => ({ action: row.action, changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]> }))
}
