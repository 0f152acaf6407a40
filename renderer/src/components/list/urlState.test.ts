// The list kit's URL state: what a list writes is what it reads back, defaults stay out of the
// URL, and a hand-edited or old link never breaks the page.
import { describe, expect, it } from 'vitest'
import { type FilterShape, type ListDefaults, decodeListState, encodeListState, hasFilters, listLink } from './urlState'

interface Filters {
  text?: string
  parkIds?: string[]
  stage?: string
}
const SHAPE: FilterShape<Filters> = { text: 'text', parkIds: 'list', stage: 'text' }
const DEFAULTS: ListDefaults = { pageSize: 50, sort: 'updatedAt', order: 'desc' }

describe('list state in the URL', () => {
  it('reads back what it wrote: text, lists, sort, page and page size', () => {
    const state = { filters: { text: '济南 新材料&', parkIds: ['01H1', '01H2'], stage: 'signed' }, sort: 'name', order: 'asc' as const, page: 3, pageSize: 20 }
    const params = encodeListState(state, SHAPE, DEFAULTS)
    expect(decodeListState(new URLSearchParams(params.toString()), SHAPE, DEFAULTS)).toEqual(state)
  })

  it('leaves defaults out, so a plain list has a plain URL', () => {
    expect(encodeListState({ filters: {}, sort: 'updatedAt', order: 'desc', page: 1, pageSize: 50 }, SHAPE, DEFAULTS).toString()).toBe('')
    expect(decodeListState(new URLSearchParams(''), SHAPE, DEFAULTS)).toEqual({ filters: {}, sort: 'updatedAt', order: 'desc', page: 1, pageSize: 50 })
  })

  it('writes a list filter as a repeated parameter and drops empty values', () => {
    const params = encodeListState({ filters: { text: '', parkIds: ['a', 'b'] }, page: 1, pageSize: 50, sort: 'updatedAt', order: 'desc' }, SHAPE, DEFAULTS)
    expect(params.toString()).toBe('parkIds=a&parkIds=b')
    expect(decodeListState(new URLSearchParams('parkIds=&text='), SHAPE, DEFAULTS).filters).toEqual({})
  })

  it('falls back to defaults for malformed page, size and order, and ignores unknown parameters', () => {
    const state = decodeListState(new URLSearchParams('page=-2&size=abc&sort=name&order=sideways&color=red'), SHAPE, DEFAULTS)
    expect(state).toEqual({ filters: {}, sort: 'name', order: 'asc', page: 1, pageSize: 50 })
    expect(decodeListState(new URLSearchParams('page=9999999'), SHAPE, DEFAULTS).page).toBe(1)
  })

  it('writes the sort when only its order differs from the default', () => {
    const params = encodeListState({ filters: {}, sort: 'updatedAt', order: 'asc', page: 1, pageSize: 50 }, SHAPE, DEFAULTS)
    expect(params.toString()).toBe('sort=updatedAt&order=asc')
  })

  it('links to a list opened with filters', () => {
    expect(listLink('/projects', { stage: 'signed', parkIds: ['p1'] }, SHAPE, DEFAULTS)).toBe('/projects?parkIds=p1&stage=signed')
    expect(listLink('/projects', {}, SHAPE, DEFAULTS)).toBe('/projects')
  })

  it('tells whether any filter is set', () => {
    expect(hasFilters({})).toBe(false)
    expect(hasFilters({ text: '', parkIds: [], stage: undefined })).toBe(false)
    expect(hasFilters({ parkIds: ['x'] })).toBe(true)
    expect(hasFilters({ text: '济南' })).toBe(true)
  })
})
