// The rules of reading an amount as offices write it in a ledger (ledger-amounts.ts), each stated
// in a test's title: the mutation run of issue 17 showed which of them no test held.
import { describe, expect, it } from 'vitest'
import { readLedgerAmount } from './ledger-amounts'

const yuan = (text: string | number, unit: 'yi' | 'wan' | 'yuan' = 'wan') => {
  const r = readLedgerAmount(text, unit)
  return r.ok ? r.yuan : `refused: ${r.reason}`
}
const approximate = (text: string) => {
  const r = readLedgerAmount(text, 'wan')
  return r.ok ? r.approximate : null
}

describe('a number cell', () => {
  it('is in the column unit and never approximate', () => {
    expect(readLedgerAmount(5, 'wan')).toEqual({ ok: true, yuan: 50_000, approximate: false })
    expect(readLedgerAmount(1.5, 'yi')).toEqual({ ok: true, yuan: 150_000_000, approximate: false })
  })
})

describe('words said instead of an amount', () => {
  it('待定, 暂无, 无 and a dash import as no amount, not approximate and not refused', () => {
    for (const word of ['待定', '未定', '暂无', '暂定', '无', '不详', '未知', '待核实', '待确定', '-', '——', '/', ' 待 定 ']) {
      expect(readLedgerAmount(word, 'wan'), word).toEqual({ ok: true, yuan: null, approximate: false })
    }
  })
  it('only the whole cell: 待定5亿 or 5亿待定 is not silently dropped as no amount', () => {
    expect(yuan('待定5亿')).toMatch(/^refused/)
    expect(yuan('5亿待定')).toMatch(/^refused/)
  })
})

describe('approximate amounts', () => {
  it('约5亿, 5亿左右 and 约5亿左右 read as 5亿 and are marked approximate', () => {
    for (const text of ['约5亿', '大约5亿', '近5亿', '超5亿', '逾5亿', '预计5亿', '5亿左右', '5亿以上', '5亿多', '5亿余', '约5亿左右', '5亿元以上']) {
      expect(readLedgerAmount(text, 'wan'), text).toEqual({ ok: true, yuan: 500_000_000, approximate: true })
    }
  })
  it('an exact amount is not marked approximate', () => {
    expect(approximate('5亿')).toBe(false)
    expect(approximate('5000')).toBe(false)
  })
  it('the words count only at the start or the end: 5约亿 is refused', () => {
    expect(yuan('5约亿')).toMatch(/^refused/)
    expect(yuan('5左右亿')).toMatch(/^refused/)
  })
  it('a cell that is only such a word (左右, 约) is refused as no amount, not as an empty cell', () => {
    expect(yuan('左右')).toBe('refused: 不是有效金额')
    expect(yuan('约')).toBe('refused: 不是有效金额')
    expect(yuan('以上')).toBe('refused: 不是有效金额')
  })
  it('spaces and full-width digits do not hide the words: 约 ５ 亿 左右', () => {
    expect(readLedgerAmount('约 ５ 亿 左右', 'wan')).toEqual({ ok: true, yuan: 500_000_000, approximate: true })
  })
})

describe('千万 and 百万', () => {
  it('5千万 is 5000万 and 3百万 is 300万, with or without 元', () => {
    expect(yuan('5千万', 'yi')).toBe(50_000_000)
    expect(yuan('1.5千万元', 'yi')).toBe(15_000_000)
    expect(yuan('3百万', 'yi')).toBe(3_000_000)
    expect(yuan('2百万元', 'yi')).toBe(2_000_000)
  })
  it('only a number before the unit: 约 and 以上 around it still count', () => {
    expect(readLedgerAmount('约5千万', 'yi')).toEqual({ ok: true, yuan: 50_000_000, approximate: true })
    expect(yuan('5千万美元', 'yi')).toMatch(/^refused/)
  })
  it('千万 only after a whole-cell number: 美元5千万 is refused as a foreign currency', () => {
    expect(yuan('美元5千万', 'yi')).toBe('refused: 仅支持人民币金额')
  })
})

describe('Chinese numerals', () => {
  it('五亿, 两亿, 一点五亿元 read as 5亿, 2亿, 1.5亿', () => {
    expect(yuan('五亿', 'yuan')).toBe(500_000_000)
    expect(yuan('两亿', 'yuan')).toBe(200_000_000)
    expect(yuan('一点五亿元', 'yuan')).toBe(150_000_000)
    expect(yuan('零点五亿', 'yuan')).toBe(50_000_000)
    expect(yuan('〇点二五亿', 'yuan')).toBe(25_000_000)
  })
  it('三千万 is 3000万: 千 belongs to the unit after a single digit', () => {
    expect(yuan('三千万', 'yuan')).toBe(30_000_000)
    expect(yuan('三千万元', 'yuan')).toBe(30_000_000)
  })
  it('places add up: 十万, 二十万, 一百零五万, 一千二百万, 三千亿', () => {
    expect(yuan('十万', 'yuan')).toBe(100_000)
    expect(yuan('二十万', 'yuan')).toBe(200_000)
    expect(yuan('十五万', 'yuan')).toBe(150_000)
    expect(yuan('一百零五万', 'yuan')).toBe(1_050_000)
    expect(yuan('一千二百万', 'yuan')).toBe(12_000_000)
    expect(yuan('三千亿', 'yuan')).toBe(300_000_000_000)
    expect(yuan('八百元', 'yuan')).toBe(800)
    expect(yuan('五万元', 'yuan')).toBe(50_000)
  })
  it('a place with no digit before it counts one of it: 一百十万 is 110万', () => {
    expect(yuan('一百十万', 'yuan')).toBe(1_100_000)
    expect(yuan('一千百万', 'yuan')).toBe(11_000_000)
  })
  it('the unit is written with them: 五 alone or 五亿美元 is refused', () => {
    expect(yuan('五', 'yuan')).toMatch(/^refused/)
    expect(yuan('五亿美元', 'yuan')).toMatch(/^refused/)
    expect(yuan('约五亿', 'yuan')).toBe(500_000_000)
  })
  it('only a whole cell of numerals: 5五亿 is refused', () => {
    expect(yuan('5五亿', 'yuan')).toMatch(/^refused/)
    expect(yuan('五亿5', 'yuan')).toMatch(/^refused/)
  })
})
