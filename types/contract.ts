import type { z } from 'zod'
import { directoryActions } from './directory.actions'
import { requestActions } from './request.actions'
import { wishActions } from './wish.actions'
import { councilActions } from './council.actions'

/** Deployable functions and their actions: the one list both the client and the functions are typed by. */
export const contract = {
  directory: directoryActions,
  requests: requestActions,
  wishes: wishActions,
  council: councilActions,
} as const

export type FunctionName = keyof typeof contract
export type ActionName<F extends FunctionName> = keyof (typeof contract)[F] & string
type Spec<F extends FunctionName, A extends ActionName<F>> = (typeof contract)[F][A] extends {
  input: z.ZodType
  output: z.ZodType
}
  ? (typeof contract)[F][A]
  : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>

/** What a function receives from `callFunction({ name, data })`: the caller is never in here. */
export type FunctionEvent = { action: string; input?: unknown }

export const functionNames = Object.keys(contract) as FunctionName[]

/**
 * Functions no client calls: started by a timer trigger (config/functions.manifest.ts `triggers`), with no caller
 * and no actions. Bundled and deployed like the others.
 */
export const timerFunctionNames = ['requests-timer', 'wishes-timer', 'council-timer'] as const
export type TimerFunctionName = (typeof timerFunctionNames)[number]

/**
 * Functions WeChat's message push starts (云开发 → 设置 → 其他设置 → 消息推送, push mode 云函数): no
 * caller, no actions, one handler per pushed event they know. `wechat-events` takes `wxa_media_check`,
 * the verdict of mediaCheckAsync on a photo. Bundled and deployed like the others.
 */
export const pushFunctionNames = ['wechat-events'] as const
export type PushFunctionName = (typeof pushFunctionNames)[number]
