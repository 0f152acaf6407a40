import type { Backend } from '../../db/backend'
import type { Ctx } from '../../db/context'
import type { AppInfo } from '../contract/system'
import type { MethodName, Output, ParsedInput } from '../contract'
import type { EventBus } from './events-bus'

/** What a handler gets besides its input. */
export interface HandlerEnv {
  ctx: Ctx
  backend: Backend
  shell: AppInfo['shell']
  /** The event channel to the open windows (data changed, job progress); absent: nobody listens. */
  events?: EventBus
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, env: HandlerEnv) => Promise<Output<M>>

export type Handlers = { [M in MethodName]: Handler<M> }

/** A domain file's slice of the handler map, checked against the contract. */
export type HandlerSlice<K extends MethodName> = { [M in K]: Handler<M> }
