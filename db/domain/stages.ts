// The stages a project goes through (DOMAIN.md). Pure: shared by the renderer and the backend.

export const MAIN_STAGES = [
  'lead',
  'contacted',
  'negotiating',
  'signed',
  'registered',
  'started',
  'completed',
  'operating',
  'evaluated',
] as const

export const SIDE_STAGES = ['on_hold', 'lost', 'terminated'] as const

export const STAGES = [...MAIN_STAGES, ...SIDE_STAGES] as const

export type MainStage = (typeof MAIN_STAGES)[number]
export type SideStage = (typeof SIDE_STAGES)[number]
export type Stage = (typeof STAGES)[number]

export const STAGE_LABELS: Record<Stage, string> = {
  lead: '线索',
  contacted: '接洽',
  negotiating: '在谈',
  signed: '签约',
  registered: '注册落地',
  started: '开工',
  completed: '竣工',
  operating: '投产',
  evaluated: '后评价',
  on_hold: '暂缓',
  lost: '流失',
  terminated: '解约',
}

/** The "四库" of DOMAIN.md: views over ranges of the main path. */
export const LIBRARIES = {
  reserve: ['lead', 'contacted', 'negotiating'],
  implementing: ['signed', 'registered'],
  construction: ['started', 'completed'],
  evaluation: ['operating', 'evaluated'],
} as const satisfies Record<string, readonly MainStage[]>

export type Library = keyof typeof LIBRARIES

export const LIBRARY_LABELS: Record<Library, string> = {
  reserve: '谋划储备库',
  implementing: '落地实施库',
  construction: '在建项目库',
  evaluation: '后评价项目库',
}

export function isMainStage(stage: Stage): stage is MainStage {
  return (MAIN_STAGES as readonly string[]).includes(stage)
}

/** Position on the main path; side stages have none. */
export function stageRank(stage: Stage): number {
  return (MAIN_STAGES as readonly string[]).indexOf(stage)
}
