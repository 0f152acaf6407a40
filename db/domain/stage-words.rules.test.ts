// Rules of reading a 项目状态 word, found untested by a Stryker run of stage-words.ts
// (docs/mutation.md): punctuation around a word goes, punctuation inside it stays.
import { describe, expect, it } from 'vitest'
import { stageFromWord } from './stage-words'

describe('stageFromWord: punctuation', () => {
  it('drops any run of quotes and brackets around the word', () => {
    expect(stageFromWord('“【在谈】”')).toBe('negotiating')
    expect(stageFromWord('((签约))')).toBe('signed')
  })

  it('does not join two words listed with punctuation: the user is asked which stage is meant', () => {
    expect(stageFromWord('签约、落地')).toBeNull()
    expect(stageFromWord('签约/落地')).toBeNull()
  })
})
