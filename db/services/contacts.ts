// An investor's contacts (联系人). At most one is primary: the one a ledger or a call list shows.
import type { Kysely } from 'kysely'
import { type Ctx, type Trx, inTransaction } from '../context'
import type { ContactCreate, ContactFields, ContactUpdate, ContactView } from '../domain/investor'
import type { Contact, Database } from '../schema'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '联系人'

const toView = ({ isPrimary, ...rest }: Contact): ContactView => ({ ...rest, isPrimary: isPrimary === 1 })

// Generic so that a full input gives a full row (typed insert) and a partial one a patch.
function toColumns<F extends Partial<ContactCreate>>({ isPrimary, ...rest }: F): Omit<F, 'isPrimary'> & { isPrimary: Flag<F['isPrimary']> } {
  return { ...rest, isPrimary: (isPrimary === undefined ? undefined : isPrimary ? 1 : 0) as Flag<F['isPrimary']> }
}
/** SQLite's 0/1 for a boolean, still undefined (left alone) where the input may leave it out. */
type Flag<B> = undefined extends B ? 0 | 1 | undefined : 0 | 1

/** Live contacts of an investor, the primary one first, then in the order they were added. */
export async function listContacts(db: Kysely<Database>, investorId: string): Promise<ContactView[]> {
  const rows = await db
    .selectFrom('contact')
    .selectAll()
    .where('investorId', '=', investorId)
    .where('deletedAt', 'is', null)
    .orderBy('isPrimary', 'desc')
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
  return rows.map(toView)
}

export async function getContact(ctx: Ctx, id: string): Promise<ContactView> {
  return toView(await getLive(ctx.db, 'contact', id, WHAT))
}

/** Clears the primary flag of the investor's other live contacts, each change journaled. */
export async function unsetOtherPrimaries(trx: Trx, ctx: Ctx, investorId: string, keepId: string): Promise<void> {
  const others = await trx
    .selectFrom('contact')
    .select('id')
    .where('investorId', '=', investorId)
    .where('isPrimary', '=', 1)
    .where('deletedAt', 'is', null)
    .where('id', '!=', keepId)
    .execute()
  for (const other of others) await updateRecord(trx, ctx, 'contact', other.id, { isPrimary: 0 }, WHAT)
}

/** Contacts given with a new investor: if several say primary, the first one is. */
export async function insertContacts(trx: Trx, ctx: Ctx, investorId: string, contacts: ContactFields[]): Promise<void> {
  const primary = contacts.findIndex((contact) => contact.isPrimary)
  for (const [index, contact] of contacts.entries()) {
    await insertRecord(trx, ctx, 'contact', toColumns({ ...contact, investorId, isPrimary: index === primary }))
  }
}

export async function createContact(ctx: Ctx, input: ContactCreate): Promise<ContactView> {
  const id = await inTransaction(ctx, async (trx) => {
    await getLive(trx, 'investor', input.investorId, '客商')
    const id = await insertRecord(trx, ctx, 'contact', toColumns({ ...input, isPrimary: input.isPrimary ?? false }))
    if (input.isPrimary) await unsetOtherPrimaries(trx, ctx, input.investorId, id)
    return id
  })
  return getContact(ctx, id)
}

export async function updateContact(ctx: Ctx, { id, ...patch }: ContactUpdate): Promise<ContactView> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'contact', id, WHAT)
    const moved = patch.investorId !== undefined && patch.investorId !== before.investorId
    if (moved) await getLive(trx, 'investor', patch.investorId!, '客商')
    await updateRecord(trx, ctx, 'contact', id, toColumns(patch), WHAT)
    const primary = patch.isPrimary ?? before.isPrimary === 1
    if (primary && (patch.isPrimary || moved)) await unsetOtherPrimaries(trx, ctx, patch.investorId ?? before.investorId, id)
  })
  return getContact(ctx, id)
}

export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'contact', id, WHAT))
}

export async function restoreContact(ctx: Ctx, id: string): Promise<ContactView> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('contact')
      .select(['investorId', 'isPrimary', 'deletedAt'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (row?.deletedAt) await getLive(trx, 'investor', row.investorId, '所属客商')
    await restoreRecord(trx, ctx, 'contact', id, WHAT)
    // A primary chosen while this one was in the recycle bin stays primary.
    if (row?.isPrimary === 1) {
      const other = await trx
        .selectFrom('contact')
        .select('id')
        .where('investorId', '=', row.investorId)
        .where('isPrimary', '=', 1)
        .where('deletedAt', 'is', null)
        .where('id', '!=', id)
        .executeTakeFirst()
      if (other) await updateRecord(trx, ctx, 'contact', id, { isPrimary: 0 }, WHAT)
    }
  })
  return getContact(ctx, id)
}
