// Projects (招商项目): their facts, stages, the list and the kanban board.
import {
  type ProjectBoard,
  ProjectBoardQuery,
  ProjectCreate,
  type ProjectDetail,
  ProjectListQuery,
  type ProjectListResult,
  ProjectRef,
  ProjectStageChange,
  ProjectUpdate,
} from '../../db/domain/project'
import { method } from './define'

export const projectsContract = {
  'project-create': method(ProjectCreate).returns<ProjectDetail>(),
  'project-update': method(ProjectUpdate).returns<ProjectDetail>(),
  'project-get': method(ProjectRef).returns<ProjectDetail>(),
  'project-delete': method(ProjectRef).returns<null>(),
  'project-restore': method(ProjectRef).returns<ProjectDetail>(),
  /** Moves the project to another stage; dates that run backwards come back as warnings. */
  'project-stage-change': method(ProjectStageChange).returns<ProjectDetail>(),
  'project-list': method(ProjectListQuery).returns<ProjectListResult>(),
  'project-board': method(ProjectBoardQuery).returns<ProjectBoard>(),
}
