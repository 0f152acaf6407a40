// Finding the investors a new or edited one may duplicate. The credit code is a hard key; names
// only warn. Candidates come from SQL (indexes for the exact keys, a bounded LIKE for similar
// names); only those few are scored in JS.
import { type Kysely, sql } from 'kysely'
import { escapeLike } from './like'
import { validateCreditCode } from '../domain/credit-code'
import { DUPLICATE_SIMILARITY, type DuplicateCandidate, type DuplicateQuery } from '../domain/investor'
import { investorNameSimilarity, normalizeInvestorName } from '../domain/investor-name'
import type { Database } from '../schema'

/** Scoring more rows than this would not help anyone: a person reads the first few. */
const MAX_SCORED = 200
const MAX_SHOWN = 10

const COLUMNS = ['id', 'name', 'creditCode'] as const

/** Live investors with this (normalised) credit code: the partial unique index answers it. */
export function byCreditCode(db: Kysely<Database>, code: string, excludeId?: string) {
  return db
    .selectFrom('investor')
    .select(COLUMNS)
    .where('creditCode', '=', code)
    .where('deletedAt', 'is', null)
    .$if(excludeId !== undefined, (q) => q.where('id', '!=', excludeId!))
}

/** Live investors with this normalised name, through the name_norm index. */
export function byNameNorm(db: Kysely<Database>, nameNorm: string, excludeId?: string) {
  return db
    .selectFrom('investor')
    .select(COLUMNS)
    .where('nameNorm', '=', nameNorm)
    .where('deletedAt', 'is', null)
    .$if(excludeId !== undefined, (q) => q.where('id', '!=', excludeId!))
}

/**
 * Bigrams of a normalised name that any name at least DUPLICATE_SIMILARITY (0.8) similar must
 * contain one of. Dice ≥ 0.8 means the other name shares at least 2/3 of this name's n bigrams,
 * so it lacks at most ⌊n/3⌋ of them: ⌊n/3⌋ + 1 distinct bigrams always catch it. Middle bigrams
 * go first because edges carry the common words (山东, 济南, 科技).
 */
export function probeBigrams(nameNorm: string): string[] {
  const chars = [...nameNorm]
  const grams: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!)
  const centre = (grams.length - 1) / 2
  const fromCentre = grams
    .map((gram, index) => ({ gram, index }))
    .sort((a, b) => Math.abs(a.index - centre) - Math.abs(b.index - centre))
  const distinct = [...new Set(fromCentre.map((g) => g.gram))]
  return distinct.slice(0, Math.floor(grams.length / 3) + 1)
}


async function similarNames(db: Kysely<Database>, name: string, nameNorm: string, excludeId?: string) {
  const probes = probeBigrams(nameNorm)
  if (probes.length === 0) return []
  const hits = probes.map((gram) => sql<number>`(${sql.ref('nameNorm')} LIKE ${`%${escapeLike(gram)}%`} ESCAPE '\\')`)
  const rows = await db
    .selectFrom('investor')
    .select(COLUMNS)
    .where('deletedAt', 'is', null)
    .where('nameNorm', '!=', nameNorm)
    .where(sql<boolean>`(${sql.join(hits, sql` OR `)})`)
    .$if(excludeId !== undefined, (q) => q.where('id', '!=', excludeId!))
    // The names sharing most probes are the likeliest; the cap keeps common bigrams cheap.
    .orderBy(sql`${sql.join(hits, sql` + `)}`, 'desc')
    .limit(MAX_SCORED)
    .execute()
  return rows
    .map((row) => ({ ...row, similarity: round(investorNameSimilarity(name, row.name)), reason: 'name' as const }))
    .filter((row) => row.similarity >= DUPLICATE_SIMILARITY)
}

const round = (n: number) => Math.round(n * 100) / 100

/** Likely duplicates by name: the same normalised name, or a similar one. */
export async function duplicatesByName(db: Kysely<Database>, name: string, excludeId?: string): Promise<DuplicateCandidate[]> {
  const nameNorm = normalizeInvestorName(name)
  if (nameNorm === '') return []
  const same = await byNameNorm(db, nameNorm, excludeId).execute()
  const similar = await similarNames(db, name, nameNorm, excludeId)
  return [...same.map((row) => ({ ...row, similarity: 1, reason: 'name' as const })), ...similar]
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_SHOWN)
}

/** For the form's live warning: credit code matches first, then names. Half-typed codes are ignored. */
export async function findDuplicates(db: Kysely<Database>, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const found: DuplicateCandidate[] = []
  const code = query.creditCode ? validateCreditCode(query.creditCode) : null
  if (code?.ok) {
    const rows = await byCreditCode(db, code.code, query.excludeId).execute()
    found.push(...rows.map((row) => ({ ...row, similarity: 1, reason: 'credit_code' as const })))
  }
  if (query.name) {
    for (const candidate of await duplicatesByName(db, query.name, query.excludeId)) {
      if (!found.some((f) => f.id === candidate.id)) found.push(candidate)
    }
  }
  return found.slice(0, MAX_SHOWN)
}
