// Each feature keeps its strings in one file under parts/, Chinese and English side by side;
// the type makes the English shape match the Chinese one key for key.
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export function defineMessages<T extends Record<string, unknown>>(messages: { zh: T; en: Shape<T> }) {
  return messages
}
