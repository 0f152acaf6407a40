// A field's length limit comes from the contract's zod schema, through its wrappers.
import { describe, expect, it } from 'vitest'
import { phone } from '../../../db/domain/fields'
import { ProjectCreate } from '../../../db/domain/project'
import { maxLengthOf, textLimit } from './textLimit'

describe('textLimit', () => {
  it('reads the max of required, optional (transformed) and refined text', () => {
    expect(maxLengthOf(ProjectCreate.shape.name)).toBe(200)
    expect(maxLengthOf(ProjectCreate.shape.progress)).toBe(2000)
    expect(maxLengthOf(phone)).toBe(40)
    expect(textLimit(ProjectCreate.shape.name)).toEqual({ count: { show: true, max: 200 } })
  })

  it('gives no count for a field without a length limit', () => {
    expect(textLimit(ProjectCreate.shape.stage)).toEqual({})
  })
})
