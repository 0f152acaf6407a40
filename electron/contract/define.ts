// How a contract entry is written: a zod schema for the input, a type for the output.
import type { z } from 'zod'

export interface MethodSpec<I extends z.ZodType, O> {
  input: I
  /** Type-only: never read at run time. */
  output: O
}

export const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): MethodSpec<I, O> => ({ input, output: undefined as O }),
})
