import { describe, expect, it } from 'vitest'
import { routeOf } from './route'

describe('the route a window opens on', () => {
  it('reads the path and the filters of a hash address', () => {
    const route = routeOf('#/projects?stage=signed&park=p1')
    expect(route.path).toBe('/projects')
    expect(Object.fromEntries(route.search)).toEqual({ stage: 'signed', park: 'p1' })
    expect(routeOf('#/projects/').path).toBe('/projects')
    expect(routeOf('').path).toBe('/')
    expect(routeOf('#/').path).toBe('/')
    expect(routeOf('#/projects?text=%E9%87%91%E7%9F%B3').search.get('text')).toBe('金石')
  })
})
