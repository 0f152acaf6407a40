import { describe, it, expect } from 'vitest'
import { searchKeys } from './pinyin'

describe('searchKeys', () => {
  it('gives full pinyin and initials without tones', () => {
    expect(searchKeys('巨能液压')).toEqual({ full: 'junengyeya', initials: 'jnyy' })
    expect(searchKeys('济南市槐荫区')).toEqual({ full: 'jinanshihuaiyinqu', initials: 'jnshyq' })
  })

  it('reads polyphonic characters by their word', () => {
    expect(searchKeys('重庆')).toEqual({ full: 'chongqing', initials: 'cq' })
    expect(searchKeys('长清区').full).toBe('changqingqu')
    expect(searchKeys('银行').full).toBe('yinhang')
  })

  it('writes ü as v', () => {
    expect(searchKeys('绿色').full).toBe('lvse')
  })

  it('keeps Latin letters and digits whole, lower-cased', () => {
    expect(searchKeys('中国重汽ABC 123')).toEqual({ full: 'zhongguozhongqiabc123', initials: 'zgzqabc123' })
    expect(searchKeys('ACME Co., Ltd.')).toEqual({ full: 'acmecoltd', initials: 'acmecoltd' })
    expect(searchKeys('５Ｇ基站')).toEqual({ full: '5gjizhan', initials: '5gjz' })
  })

  it('drops whitespace and punctuation', () => {
    expect(searchKeys(' 巨能液压（济南）有限公司 ')).toEqual({
      full: 'junengyeyajinanyouxiangongsi',
      initials: 'jnyyjnyxgs',
    })
    expect(searchKeys('')).toEqual({ full: '', initials: '' })
    expect(searchKeys(' 。，!  ')).toEqual({ full: '', initials: '' })
  })
})
