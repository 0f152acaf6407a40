// Test fixtures for the search, history and recycle-bin tests: investors, projects, contacts and
// follow-ups written through records.ts, so they do not depend on those slices' own APIs.
import { inTransaction } from '../../db/context'
import { searchKeys } from '../../db/domain/pinyin'
import { deleteRecord, insertRecord, updateRecord } from '../../db/services/records'
import type { TestBackend } from '../../tests/support/backend'

type Values = Record<string, unknown>

const keys = (name: string) => {
  const { full, initials } = searchKeys(name)
  return `${full} ${initials}`
}

export function fixtures(api: TestBackend) {
  const ctx = api.env.ctx
  const insert = (table: Parameters<typeof insertRecord>[2], values: Values) =>
    inTransaction(ctx, (trx) => insertRecord(trx, ctx, table, values))
  return {
    investor: (name: string, more: Values = {}) => insert('investor', { name, nameNorm: name, searchKeys: keys(name), ...more }),
    project: (name: string, more: Values = {}) =>
      insert('project', { name, searchKeys: keys(name), stage: 'lead', stageOn: '2026-01-05', reserveOn: '2026-01-05', ...more }),
    contact: (investorId: string, name: string, more: Values = {}) => insert('contact', { investorId, name, ...more }),
    negotiation: (values: Values) => insert('negotiation', { happenedOn: '2026-03-01', type: 'visit_out', ...values }),
    insert,
    update: (table: Parameters<typeof updateRecord>[2], id: string, patch: Values) =>
      inTransaction(ctx, (trx) => updateRecord(trx, ctx, table, id, patch, table)),
    remove: (table: Parameters<typeof deleteRecord>[2], id: string) => inTransaction(ctx, (trx) => deleteRecord(trx, ctx, table, id, table)),
  }
}
