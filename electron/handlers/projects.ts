import type { projectsContract } from '../contract/projects'
import * as list from '../../db/services/project-list'
import * as stages from '../../db/services/project-stages'
import * as projects from '../../db/services/projects'
import type { HandlerSlice } from './types'

export const projectsHandlers: HandlerSlice<keyof typeof projectsContract> = {
  'project-create': (input, { ctx }) => projects.createProject(ctx, input),
  'project-update': (input, { ctx }) => projects.updateProject(ctx, input),
  'project-get': ({ id }, { ctx }) => projects.getProject(ctx, id),
  'project-delete': async ({ id }, { ctx }) => (await projects.deleteProject(ctx, id), null),
  'project-restore': ({ id }, { ctx }) => projects.restoreProject(ctx, id),
  'project-stage-change': (input, { ctx }) => stages.changeStage(ctx, input),
  'project-list': (input, { ctx }) => list.listProjects(ctx, input),
  'project-board': (input, { ctx }) => list.projectBoard(ctx, input),
}
