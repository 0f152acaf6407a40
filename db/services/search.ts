// Global search over search_doc (kept by triggers) and its FTS5 trigram index. Trigrams find any
// Chinese substring of 3+ characters; shorter terms fall back to LIKE. Typed text is never FTS5
// syntax: every term is quoted as a phrase, so quotes, AND/OR/NEAR, * and brackets are just text.
import { type RawBuilder, sql } from 'kysely'
import { type Ctx, inTransaction } from '../context'
import { searchKeys } from '../domain/pinyin'
import {
  MARK_END,
  MARK_START,
  type ReindexSummary,
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from '../domain/search'

const MAX_TERMS = 8
const SNIPPET_CHARS = 60
/** How many rows a query of only 1–2 character terms looks at, per share (title, anywhere). */
const SHORT_CANDIDATES = 2000
/** Rank tiers: lower ranks come first; bm25 scores are small negatives, far from these. */
const EXACT_TITLE = -3_000_000
const PREFIX_TITLE = -2_000_000
const IN_TITLE = -1_000_000

/** Splits typed text into distinct terms; control characters (and our own markers) become spaces. */
export function searchTerms(text: string): string[] {
  const cleaned = text.normalize('NFKC').replace(/\p{Cc}/gu, ' ')
  const terms = [...new Set(cleaned.split(/\s+/).filter(Boolean))]
  return terms.slice(0, MAX_TERMS)
}

const charCount = (text: string) => Array.from(text).length
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)
const ftsPhrase = (term: string) => `"${term.replaceAll('"', '""')}"`
const like = (column: RawBuilder<unknown>, pattern: string) => sql`${column} LIKE ${pattern} ESCAPE '\\'`

const hasLatin = (term: string) => /[a-z0-9]/i.test(term)

/** Inside a column: instr() when case cannot matter (it is much faster than LIKE), else LIKE. */
function contains(column: RawBuilder<unknown>, term: string): RawBuilder<unknown> {
  return hasLatin(term) ? like(column, `%${likeEscape(term)}%`) : sql`instr(${column}, ${term}) > 0`
}

/** A short term (1–2 characters) matches inside title or body, or at the start of a pinyin word. */
function shortTermMatches(term: string): RawBuilder<unknown> {
  const t = likeEscape(term)
  const pinyin = hasLatin(term) ? [like(sql`d.keys`, `${t}%`), like(sql`d.keys`, `% ${t}%`)] : []
  return sql`(${sql.join([contains(sql`d.title`, term), contains(sql`d.body`, term), ...pinyin], sql` OR `)})`
}

/** Whole-query title tiers, shared by both paths: exact, then prefix (or pinyin prefix). */
function titleTier(whole: string): RawBuilder<number> {
  const w = likeEscape(whole)
  return sql<number>`CASE
    WHEN d.title = ${whole} THEN ${EXACT_TITLE}
    WHEN ${like(sql`d.title`, `${w}%`)} OR ${like(sql`d.keys`, `${w}%`)} OR ${like(sql`d.keys`, `% ${w}%`)} THEN ${PREFIX_TITLE}
    ELSE 0 END`
}

interface DocRow {
  kind: SearchKind
  refId: string
  title: string
  body: string
  score: number
}

/** The best `limit` documents of each kind, in one pass over the index (or the table). */
async function findDocs(ctx: Ctx, kinds: SearchKind[], terms: string[], limit: number): Promise<DocRow[]> {
  const long = terms.filter((t) => charCount(t) >= 3)
  const short = terms.filter((t) => charCount(t) < 3)
  const whole = terms.join(' ')
  const shortConditions = short.map(shortTermMatches)
  const ofKinds = sql`d.kind IN (${sql.join(kinds)})`
  let scored: RawBuilder<unknown>
  if (long.length > 0) {
    const match = long.map(ftsPhrase).join(' ')
    const extra = shortConditions.length > 0 ? sql` AND ${sql.join(shortConditions, sql` AND `)}` : sql``
    scored = sql`
      SELECT d.docid, d.kind, d.ref_id, d.title, d.body, (bm25(search_fts, 10.0, 1.0, 8.0) + ${titleTier(whole)}) AS score
      FROM search_fts JOIN search_doc d ON d.docid = search_fts.rowid
      WHERE search_fts MATCH ${match} AND ${ofKinds}${extra}`
  } else {
    // Only short terms: no index can help. Candidates are capped so a one-character query over a
    // large ledger stays fast; title matches get their own share so they are not crowded out.
    const inTitle = sql.join(short.map((t) => contains(sql`d.title`, t)), sql` AND `)
    const cap = SHORT_CANDIDATES
    scored = sql`
      SELECT d.docid, d.kind, d.ref_id, d.title, d.body, (${titleTier(whole)} + CASE WHEN ${inTitle} THEN ${IN_TITLE} ELSE 0 END) AS score
      FROM search_doc d
      WHERE d.docid IN (
        SELECT docid FROM (SELECT d.docid FROM search_doc d WHERE ${ofKinds} AND ${inTitle} LIMIT ${cap})
        UNION
        SELECT docid FROM (SELECT d.docid FROM search_doc d WHERE ${ofKinds} AND ${sql.join(shortConditions, sql` AND `)} LIMIT ${cap})
      )`
  }
  const { rows } = await sql<DocRow>`
    SELECT kind, ref_id, title, body, score FROM (
      SELECT s.*, row_number() OVER (PARTITION BY s.kind ORDER BY s.score, length(s.title), s.docid DESC) AS position
      FROM (${scored}) s
    ) WHERE position <= ${limit}
    ORDER BY kind, position`.execute(ctx.db)
  return rows
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Frames every occurrence of the terms (case-insensitive) with the markers. */
export function markTerms(text: string, terms: string[]): string {
  if (terms.length === 0 || text === '') return text
  const longestFirst = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp)
  return text.replace(new RegExp(longestFirst.join('|'), 'giu'), (found) => `${MARK_START}${found}${MARK_END}`)
}

/** A window of the body around its first match (or its start), with the matches marked. */
export function excerpt(body: string, terms: string[]): string {
  const text = body.replace(/\s+/g, ' ').trim()
  const lower = text.toLowerCase()
  const positions = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((p) => p >= 0)
  const first = positions.length > 0 ? Math.min(...positions) : 0
  const start = Math.max(0, first - 12)
  const piece = text.slice(start, start + SNIPPET_CHARS)
  const cut = `${start > 0 ? '…' : ''}${piece}${start + SNIPPET_CHARS < text.length ? '…' : ''}`
  return markTerms(cut, terms)
}

interface Owner {
  date: string | null
  investorId: string | null
  investorName: string | null
  projectId: string | null
  projectName: string | null
  /** False when the record it belongs to is in the recycle bin: the hit is hidden with it. */
  live: boolean
}

/** Where each hit belongs, by kind; one query per kind, never per hit. */
async function owners(ctx: Ctx, kind: SearchKind, ids: string[]): Promise<Map<string, Owner>> {
  const found = new Map<string, Owner>()
  if (ids.length === 0 || kind === 'investor') return found
  if (kind === 'contact') {
    const rows = await ctx.db
      .selectFrom('contact as c')
      .innerJoin('investor as i', 'i.id', 'c.investorId')
      .select(['c.id', 'i.id as investorId', 'i.name as investorName', 'i.deletedAt'])
      .where('c.id', 'in', ids)
      .execute()
    for (const r of rows) {
      found.set(r.id, { date: null, investorId: r.investorId, investorName: r.investorName, projectId: null, projectName: null, live: r.deletedAt === null })
    }
  } else if (kind === 'project') {
    const rows = await ctx.db
      .selectFrom('project as p')
      .leftJoin('investor as i', 'i.id', 'p.investorId')
      .select(['p.id', 'i.id as investorId', 'i.name as investorName'])
      .where('p.id', 'in', ids)
      .execute()
    for (const r of rows) {
      found.set(r.id, { date: null, investorId: r.investorId, investorName: r.investorName, projectId: null, projectName: null, live: true })
    }
  } else {
    const rows = await ctx.db
      .selectFrom('negotiation as n')
      .leftJoin('project as p', 'p.id', 'n.projectId')
      .leftJoin('investor as i', (join) => join.on((eb) => eb('i.id', '=', eb.fn.coalesce('n.investorId', 'p.investorId'))))
      .select(['n.id', 'n.happenedOn', 'p.id as projectId', 'p.name as projectName', 'p.deletedAt as projectDeletedAt'])
      .select(['i.id as investorId', 'i.name as investorName', 'i.deletedAt as investorDeletedAt'])
      .where('n.id', 'in', ids)
      .execute()
    for (const r of rows) {
      const live = r.projectId ? r.projectDeletedAt === null : r.investorDeletedAt === null
      found.set(r.id, { date: r.happenedOn, investorId: r.investorId, investorName: r.investorName, projectId: r.projectId, projectName: r.projectName, live })
    }
  }
  return found
}

const NO_OWNER: Owner = { date: null, investorId: null, investorName: null, projectId: null, projectName: null, live: true }

export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResult> {
  const terms = searchTerms(query.text)
  const text = terms.join(' ')
  if (terms.length === 0) return { text, groups: [], total: 0 }
  const wanted = new Set(query.kinds ?? SEARCH_KINDS)
  const kinds = SEARCH_KINDS.filter((kind) => wanted.has(kind))
  const found = await findDocs(ctx, kinds, terms, query.limit)
  const groups: SearchResult['groups'] = []
  for (const kind of kinds) {
    const docs = found.filter((d) => d.kind === kind)
    const belongs = await owners(ctx, kind, docs.map((d) => d.refId))
    const hits: SearchHit[] = []
    for (const doc of docs) {
      const owner = belongs.get(doc.refId) ?? NO_OWNER
      if (!owner.live) continue
      const { live: _live, ...where } = owner
      // A follow-up's title is its next step, often empty: then the start of what was said stands in.
      const title = doc.title.trim() || doc.body.replace(/\s+/g, ' ').trim().slice(0, 30)
      hits.push({ kind, id: doc.refId, title, titleMarked: markTerms(title, terms), snippet: excerpt(doc.body, terms), rank: doc.score, ...where })
    }
    if (hits.length > 0) groups.push({ kind, label: SEARCH_KIND_LABELS[kind], hits })
  }
  return { text, groups, total: groups.reduce((sum, g) => sum + g.hits.length, 0) }
}

/**
 * Rebuilds the index from the source tables (after a bulk import or a damaged index). The rows
 * are re-fed through the migration's own triggers (a no-op UPDATE fires them), so what is indexed
 * is defined in one place; missing pinyin keys are computed first.
 */
export async function reindex(ctx: Ctx): Promise<ReindexSummary> {
  return inTransaction(ctx, async (trx) => {
    for (const table of ['investor', 'project'] as const) {
      const missing = await trx.selectFrom(table).select(['id', 'name']).where('searchKeys', '=', '').execute()
      for (const row of missing) {
        const { full, initials } = searchKeys(row.name)
        await trx.updateTable(table).set({ searchKeys: `${full} ${initials}`.trim() }).where('id', '=', row.id).execute()
      }
    }
    await sql`DELETE FROM search_doc`.execute(trx)
    for (const table of ['investor', 'project', 'contact', 'negotiation']) {
      await sql`UPDATE ${sql.table(table)} SET deleted_at = deleted_at WHERE deleted_at IS NULL`.execute(trx)
    }
    // Whatever state the FTS index was in, make it match search_doc exactly.
    await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(trx)
    const { n } = await trx
      .selectFrom('searchDoc')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return { documents: Number(n) }
  })
}
