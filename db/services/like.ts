// LIKE patterns from user text: % and _ are escaped so they match themselves.
import { type Expression, type SqlBool, sql } from 'kysely'

export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** `column LIKE '%text%' ESCAPE '\'` for a column reference such as 'p.name'. */
export const containsText = (column: string, text: string): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} LIKE ${likeContains(text)} ESCAPE '\\'`
