// The stage vocabulary as DOMAIN.md defines it (issue 17: emptying the 四库's labels changed no test).
import { describe, expect, it } from 'vitest'
import { LIBRARIES, LIBRARY_LABELS, MAIN_STAGES, SIDE_STAGES, STAGES, isMainStage, stageRank } from './stages'

describe('the 四库', () => {
  it('are named as the offices name them', () => {
    expect(LIBRARY_LABELS).toEqual({ reserve: '谋划储备库', implementing: '落地实施库', construction: '在建项目库', evaluation: '后评价项目库' })
  })

  it('cover the main path once, in order, and no side stage', () => {
    expect(Object.values(LIBRARIES).flat()).toEqual([...MAIN_STAGES])
  })
})

describe('the main path', () => {
  it('ranks main stages in order and gives side stages none', () => {
    expect(MAIN_STAGES.map(stageRank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(SIDE_STAGES.map(stageRank)).toEqual([-1, -1, -1])
    expect(STAGES.filter(isMainStage)).toEqual([...MAIN_STAGES])
  })
})
