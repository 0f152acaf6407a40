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
  type StageChangeResult,
} from '../../db/domain/project'
import { method } from './define'

export const projectsContract = {
  'project-create': method(ProjectCreate).returns<ProjectDetail>(),
  'project-update': method(ProjectUpdate).returns<ProjectDetail>(),
  'project-get': method(ProjectRef).returns<ProjectDetail>(),
  'project-delete': method(ProjectRef).returns<null>(),
  'project-restore': method(ProjectRef).returns<ProjectDetail>(),
  /**
   * Moves the project to another stage; dates that run backwards come back as warnings. A change
   * to 签约 may carry the agreement, written in the same transaction.
   */
  'project-stage-change': method(ProjectStageChange).returns<StageChangeResult>(),
  'project-list': method(ProjectListQuery).returns<ProjectListResult>(),
  'project-board': method(ProjectBoardQuery).returns<ProjectBoard>(),
}
