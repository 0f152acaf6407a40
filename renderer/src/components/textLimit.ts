// The length limit of a text field, read from the zod schema the API validates with (one place),
// for antd's character count. Never maxLength: antd's maxLength cuts typed and pasted text
// silently; with count the text stays whole, the counter turns red and the zod rule says why.
import type { z } from 'zod'

type Def = { type: string; in?: z.ZodType; innerType?: z.ZodType; left?: z.ZodType }

/** The string's max length, through optional/nullable/pipe (transform) wrappers; null if none. */
export function maxLengthOf(schema: z.ZodType): number | null {
  let current: z.ZodType | undefined = schema
  while (current) {
    const def = current._zod.def as unknown as Def
    if (def.type === 'string') return (current as z.ZodString).maxLength ?? null
    current = def.in ?? def.innerType ?? def.left
  }
  return null
}

/** Props for an antd Input or TextArea: `<Input {...textLimit(shape.name)} />`. */
export function textLimit(schema: z.ZodType): { count?: { show: true; max: number } } {
  const max = maxLengthOf(schema)
  return max === null ? {} : { count: { show: true, max } }
}
