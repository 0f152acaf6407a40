import { describe, expect, it } from 'vitest'
import { contract, type MethodName } from '../contract'
import { methodRunner, warmSlices } from './slices'

describe('API slices', () => {
  it('warm-up loads every slice, and each method finds its schema and handler in the slice the table names', async () => {
    // The backend behind a window runs this once ready; a slice that failed to load would reject here.
    await warmSlices()
    for (const method of Object.keys(contract) as MethodName[]) {
      const { spec, handler } = await methodRunner(method)
      expect(spec, method).toBe(contract[method])
      expect(typeof handler, method).toBe('function')
    }
  })
})
