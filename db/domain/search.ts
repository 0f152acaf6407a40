// Global search: one box that finds investors, projects, contacts and follow-ups by Chinese
// substring or pinyin. Pure: the renderer imports the markers and splitMarks to draw <mark>.
import { z } from 'zod'

export const SEARCH_KINDS = ['investor', 'project', 'contact', 'negotiation'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  investor: '客商',
  project: '项目',
  contact: '联系人',
  negotiation: '洽谈记录',
}

/** Control characters that never occur in typed text: safe to frame a match. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

export const SearchQuery = z.object({
  // Long and strange input is not an error: it simply finds nothing.
  text: z.string({ error: '搜索词应为文字' }).max(2000, '搜索词过长').default(''),
  kinds: z.array(z.enum(SEARCH_KINDS, { error: '搜索类别不正确' })).max(SEARCH_KINDS.length).optional(),
  /** Hits per kind. */
  limit: z.number().int().min(1).max(100).default(10),
})
export type SearchQuery = z.output<typeof SearchQuery>

export interface SearchHit {
  kind: SearchKind
  id: string
  title: string
  /** The title with matches framed by MARK_START … MARK_END. */
  titleMarked: string
  /** A short excerpt of the rest of the record, matches framed the same way ('' when nothing to show). */
  snippet: string
  /** Ordering key, lowest first: exact and prefix title hits, then bm25 (title weighted above body). */
  rank: number
  /** The date of a follow-up (洽谈日期); null for other kinds. */
  date: string | null
  /** Where a contact or follow-up belongs. */
  investorId: string | null
  investorName: string | null
  projectId: string | null
  projectName: string | null
}

export interface SearchGroup {
  kind: SearchKind
  label: string
  hits: SearchHit[]
}

export interface SearchResult {
  /** The text as searched (normalised). */
  text: string
  /** Non-empty groups, in SEARCH_KINDS order. */
  groups: SearchGroup[]
  total: number
}

export interface ReindexSummary {
  documents: number
}

/** Splits marked text into pieces for rendering: { text, mark } where mark means highlighted. */
export function splitMarks(marked: string): { text: string; mark: boolean }[] {
  const pieces: { text: string; mark: boolean }[] = []
  let mark = false
  let text = ''
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      if (text) pieces.push({ text, mark })
      text = ''
      mark = char === MARK_START
    } else {
      text += char
    }
  }
  if (text) pieces.push({ text, mark })
  return pieces
}
