// Rows written straight into a test database for the report rules' small ledgers: every report
// figure is read from stored rows, so a test sets exactly the facts its rule is about (dates,
// stages, stage events) without the services deriving others. Tests only.
import type { Insertable } from 'kysely'
import type { TestBackend } from '../../../tests/support/backend'
import type { Database } from '../../schema'

/** The rows' stamps: one moment for every fixture row. */
export const FIXTURE_AT = '2024-01-01T00:00:00.000Z'

/** A row of a table without its id and stamps. */
export type FixtureRow<T extends keyof Database> = Omit<Insertable<Database[T]>, 'id' | 'createdAt' | 'updatedAt'>

/** The facts of a project a report rule reads; the rest take their defaults. */
export type ProjectFacts = Partial<FixtureRow<'project'>> & Pick<FixtureRow<'project'>, 'reserveOn' | 'stage' | 'stageOn'>

/** Writers into the backend that `backend()` answers (set in a beforeEach/beforeAll). */
export function fixtureRows(backend: () => TestBackend) {
  const put = async <T extends keyof Database>(table: T, id: string, row: FixtureRow<T>) => {
    await backend().env.ctx.db.insertInto(table).values({ id, createdAt: FIXTURE_AT, updatedAt: FIXTURE_AT, ...row } as never).execute()
  }
  const project = (id: string, facts: ProjectFacts) => put('project', id, { name: `项目${id}`, searchKeys: '', ...facts })
  return { put, project }
}
