// The words ledgers write in their 项目状态 column, mapped to stage keys. Pure.
//
// Choices worth knowing:
// - 签约落地 → registered: the ledger claims the project has landed (落地), the later of the two.
// - 落地 alone → registered, as in 注册落地; 供地 (land supplied) too (DOMAIN.md).
// - 在建 / 建设中 → started: construction is under way but not finished.
// - 运营 / 达产 → operating.
// - 终止 → terminated, like 解约, because ledgers use it for signed projects. If the project was
//   never signed, the caller may prefer lost.
// - 考察 / 意向 / 协议起草 → negotiating (DOMAIN.md lists them as its sub-steps).
// - Office words: 推进中 / 跟踪在谈 / 拟签约 → negotiating; 对接中 → contacted; 前期 / 签约未开工 →
//   signed; 新建 / 续建 / 开工建设 → started (works-ledger words); 试生产 / 完工 → completed;
//   部分投产 / 建成投产 → operating.
// A leading 已 and a trailing 中 / 阶段 / 项目 are dropped before lookup, so 已签约项目 is 签约; inside
// a phrase they stay (签约已落地, 中试生产 are asked of the user, not guessed).

import { STAGES, STAGE_LABELS, type Stage } from './stages'

const WORDS: Record<string, Stage> = {
  线索: 'lead',
  储备: 'lead',
  谋划: 'lead',
  谋划储备: 'lead',
  策划: 'lead',
  接洽: 'contacted',
  初步接洽: 'contacted',
  在谈: 'negotiating',
  洽谈: 'negotiating',
  考察: 'negotiating',
  意向: 'negotiating',
  协议起草: 'negotiating',
  签约: 'signed',
  签约落地: 'registered',
  注册: 'registered',
  注册落地: 'registered',
  落地: 'registered',
  供地: 'registered',
  开工: 'started',
  在建: 'started',
  建设: 'started',
  竣工: 'completed',
  投产: 'operating',
  运营: 'operating',
  达产: 'operating',
  后评价: 'evaluated',
  暂缓: 'on_hold',
  搁置: 'on_hold',
  流失: 'lost',
  终止: 'terminated',
  解约: 'terminated',
  // words of district offices' ledgers (#11)
  推进: 'negotiating', // 推进中: being pursued, not signed
  对接: 'contacted', // 对接中
  跟踪在谈: 'negotiating',
  拟签约: 'negotiating', // about to sign: not signed yet
  正式签约: 'signed',
  签约未开工: 'signed',
  前期: 'signed', // 前期工作 (approvals, land) after signing
  开工建设: 'started',
  新建: 'started', // 新建项目 in a works ledger: construction starts this year
  续建: 'started', // construction carried over from last year
  试生产: 'completed', // built, trial runs before regular operation
  完工: 'completed',
  部分投产: 'operating',
  建成投产: 'operating',
}

// English keys, so that 'on_hold', 'On hold' and 'on-hold' all match.
const latinKey = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '')

const LOOKUP = new Map<string, Stage>(Object.entries(WORDS))
for (const stage of STAGES) {
  LOOKUP.set(STAGE_LABELS[stage], stage)
  LOOKUP.set(latinKey(stage), stage)
}

export function stageFromWord(text: string): Stage | null {
  const s = latinKey(text.normalize('NFKC')).replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')
  const core = s.replace(/^已/, '').replace(/(?:中|阶段|项目)$/, '')
  // the word as written first, should a listed word ever end in 中 (none does yet); an empty
  // text is no key, so it gives null too
  return LOOKUP.get(s) ?? LOOKUP.get(core) ?? null
}
