// The header words of a 项目台账, one rule per test (issue 17: mutation testing found each of these
// rules unpinned — an emptied synonym list or a loosened match changed no test's outcome).
import { describe, expect, it } from 'vitest'
import type { LedgerField } from '../domain/ledger'
import { LEDGER_SYNONYMS, isUnitOnly, matchHeader, normalizeHeader, unitFromNote } from './header-words'

describe('matchHeader: every synonym', () => {
  it('finds its own field exactly, with its place in the list as rank', () => {
    for (const [field, synonyms] of Object.entries(LEDGER_SYNONYMS) as [LedgerField, readonly string[]][]) {
      expect(synonyms.length, field).toBeGreaterThan(0)
      synonyms.forEach((synonym, rank) => {
        // 计划总投资 is a synonym the yearly-plan guard must let through
        expect(matchHeader(synonym), synonym).toEqual({ field, quality: 3, rank })
      })
    }
  })

  it('matches nothing for an empty header', () => {
    expect(matchHeader('')).toBeNull()
  })
})

describe('matchHeader: partial names', () => {
  it('reads a header that starts with a synonym of four or more characters (quality 2)', () => {
    expect(matchHeader('项目名称及建设内容')).toEqual({ field: 'name', quality: 2, rank: 0 })
  })

  it('does not read a header that only starts with a shorter synonym', () => {
    // 投资方 has three characters: 投资方式 is not the investor
    expect(matchHeader('投资方式')).toBeNull()
  })

  it('reads a header that ends with a synonym of three or more characters (quality 1)', () => {
    expect(matchHeader('项目负责人')).toEqual({ field: 'owner', quality: 1, rank: 1 })
  })

  it('does not read a header that only ends with a two-character synonym', () => {
    // 状态 alone is a synonym of 项目状态, but 审批状态 is not the project's stage
    expect(matchHeader('审批状态')).toBeNull()
  })

  it('prefers the earlier synonym when two match equally well', () => {
    // ends with both 项目进展情况 (rank 0) and 进展情况 (rank 1)
    expect(matchHeader('2023项目进展情况')).toEqual({ field: 'progress', quality: 1, rank: 0 })
  })

  it('prefers the better-ranked synonym of equal quality, whichever field the table lists first', () => {
    // starts with 所属产业 (产业类别, rank 6) and with 所属产业链 (产业链环节, rank 2)
    expect(matchHeader('所属产业链条环节')).toEqual({ field: 'chain', quality: 2, rank: 2 })
  })

  it('reads 其中：固定资产投资额 as fixed assets, never as the total (the longer synonym wins a tie)', () => {
    // ends with 固定资产投资额 (固定资产投资, rank 1) and with 投资额 (总投资, rank 1)
    expect(matchHeader(normalizeHeader('其中：固定资产投资额').text)?.field).toBe('fixedAsset')
  })

  it('never lets a weaker match replace a better one', () => {
    // starts with 项目全称 (quality 2); ends with 投资方 (quality 1, rank 0)
    expect(matchHeader('项目全称投资方')).toEqual({ field: 'name', quality: 2, rank: 3 })
  })

  it('prefers the better match over the earlier synonym', () => {
    // exactly 总投资额 (rank 3), and it also starts with nothing longer: the exact match wins
    expect(matchHeader('总投资额')).toEqual({ field: 'investment', quality: 3, rank: 3 })
    // starts with 项目名称 (quality 2) and ends with 项目 (too short): the start wins
    expect(matchHeader('项目名称所属项目')).toEqual({ field: 'name', quality: 2, rank: 0 })
  })
})

describe('matchHeader: a year\'s plan or progress is never the total', () => {
  it.each(['年度总投资', '2024年总投资', '当年总投资', '本年总投资', '今年总投资', '累计总投资', '完成总投资', '到位总投资', '年计划总投资', '计划投资额'])(
    '%s is not 总投资',
    (header) => {
      expect(matchHeader(header)?.field).not.toBe('investment')
    },
  )

  it('keeps fixed assets away from a yearly figure too', () => {
    expect(matchHeader('年度固定资产投资')?.field).not.toBe('fixedAsset')
    expect(matchHeader('其中固定资产投资额')).toEqual({ field: 'fixedAsset', quality: 2, rank: 3 })
  })

  it('still reads 计划总投资 and 总投资小计 as the total', () => {
    expect(matchHeader('计划总投资')?.field).toBe('investment')
    expect(matchHeader('项目总投资小计')?.field).toBe('investment')
  })

  it('takes a year only when written with four digits', () => {
    expect(matchHeader('建设期5年总投资')?.field).toBe('investment')
  })

  it('leaves other fields of a yearly header alone', () => {
    expect(matchHeader('2024年项目进展情况')).toEqual({ field: 'progress', quality: 1, rank: 0 })
  })
})

describe('normalizeHeader', () => {
  it('is empty for an empty cell or a date', () => {
    expect(normalizeHeader(null)).toEqual({ text: '', unit: null })
    expect(normalizeHeader(undefined)).toEqual({ text: '', unit: null })
    expect(normalizeHeader(new Date(0))).toEqual({ text: '', unit: null })
  })

  it('folds full-width letters, ideographic spaces and square brackets', () => {
    expect(normalizeHeader('ＮＯ．')).toEqual({ text: 'no.', unit: null })
    expect(normalizeHeader('总\u3000投资【万元】')).toEqual({ text: '总投资', unit: '万元' })
    expect(normalizeHeader('总投资[亿元]')).toEqual({ text: '总投资', unit: '亿元' })
  })

  it('drops the stars of required fields at either end only', () => {
    expect(normalizeHeader('※项目名称★')).toEqual({ text: '项目名称', unit: null })
    expect(normalizeHeader('**项目名称**')).toEqual({ text: '项目名称', unit: null })
    expect(normalizeHeader('项目*名称')).toEqual({ text: '项目*名称', unit: null })
  })

  it('drops every bracketed note, keeping the unit of the one that is a unit', () => {
    expect(normalizeHeader('总投资(亿元)(含税)')).toEqual({ text: '总投资', unit: '亿元' })
    expect(normalizeHeader('状态(在谈/签约)')).toEqual({ text: '状态', unit: null })
    expect(normalizeHeader('总投资(单位万元)')).toEqual({ text: '总投资', unit: '万元' })
    expect(normalizeHeader('总投资(约亿元)')).toEqual({ text: '总投资', unit: null })
    expect(normalizeHeader('总投资(亿元左右)')).toEqual({ text: '总投资', unit: null })
  })

  it('splits a trailing unit, with or without a separator, but never the whole text', () => {
    expect(normalizeHeader('总投资亿元')).toEqual({ text: '总投资', unit: '亿元' })
    expect(normalizeHeader('总投资:万元')).toEqual({ text: '总投资', unit: '万元' })
    expect(normalizeHeader('总投资单位:亿')).toEqual({ text: '总投资', unit: '亿元' })
    expect(normalizeHeader('总投资单位万')).toEqual({ text: '总投资', unit: '万元' })
    expect(normalizeHeader('万元')).toEqual({ text: '万元', unit: null })
    // a unit in the middle is not a unit
    expect(normalizeHeader('亿元以上项目数')).toEqual({ text: '亿元以上项目数', unit: null })
  })
})

describe('unitFromNote', () => {
  it('reads 单位：… anywhere in a text cell', () => {
    expect(unitFromNote('填报单位：槐荫区招商局 单位：万元')).toBe('万元')
    expect(unitFromNote('（单位:亿）')).toBe('亿元')
    expect(unitFromNote('单位：  元')).toBe('元')
    expect(unitFromNote('单位：\n万元')).toBe('万元')
  })

  it('reads nothing from a cell that is not text or names no unit', () => {
    expect(unitFromNote(10000)).toBeNull()
    expect(unitFromNote('单位：个')).toBeNull()
    expect(unitFromNote('万元')).toBeNull()
  })
})

describe('isUnitOnly', () => {
  it('reads a cell that holds only a unit, bracketed or spaced', () => {
    expect(isUnitOnly('亿元')).toBe('亿元')
    expect(isUnitOnly('（万元）')).toBe('万元')
    expect(isUnitOnly(' 单位：元 ')).toBe('元')
  })

  it('reads nothing else', () => {
    expect(isUnitOnly('总投资亿元')).toBeNull()
    expect(isUnitOnly('亿元以上')).toBeNull()
    expect(isUnitOnly(1)).toBeNull()
    expect(isUnitOnly(null)).toBeNull()
  })
})
