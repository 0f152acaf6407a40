// LIKE patterns from user text. SQLite has no default escape character, so every pattern built
// here escapes % _ and \ and every comparison says ESCAPE '\'.
import { type RawBuilder, type SqlBool, sql } from 'kysely'

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** `%text%`: contains the text, wildcards taken literally. */
export const likeContains = (text: string): string => `%${escapeLike(text)}%`

/** `column LIKE pattern ESCAPE '\'` for a column reference such as 'p.name', or an expression. */
export const likeColumn = (column: string | RawBuilder<unknown>, pattern: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${typeof column === 'string' ? sql.ref(column) : column} LIKE ${pattern} ESCAPE '\\'`

/** The column contains the text. */
export const containsText = (column: string, text: string): RawBuilder<SqlBool> => likeColumn(column, likeContains(text))

/** Any of these columns matches the pattern. */
export function likeAny(columns: Array<string | RawBuilder<unknown>>, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(columns.map((column) => likeColumn(column, pattern)), sql` OR `)})`
}
