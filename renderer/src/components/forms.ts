// Form helpers: the same zod schemas that guard the API validate the fields as the user types.
import type { FormInstance, Rule } from 'antd/es/form'
import type { z } from 'zod'
import { ApiCallError } from '../api/client'

export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_, value) => {
      const result = schema.safeParse(value === '' ? undefined : value)
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入不正确')
    },
  }
}

/** Puts an API error on the field it names (conflicts and validation), or returns it for a toast. */
export function applyApiError(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiCallError)) return String(error)
  const details = error.details as { field?: string; issues?: { path: string; message: string }[] } | undefined
  if (details?.field) form.setFields([{ name: details.field, errors: [error.message] }])
  for (const issue of details?.issues ?? []) {
    if (issue.path) form.setFields([{ name: issue.path.split('.'), errors: [issue.message] }])
  }
  return error.message
}
