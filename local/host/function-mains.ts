import type { FunctionName, PushFunctionName, TimerFunctionName } from '../../types'
import { main as council } from '../../cloudfunctions/council/index'
import { main as councilTimer } from '../../cloudfunctions/council-timer/index'
import { main as directory } from '../../cloudfunctions/directory/index'
import { main as requests } from '../../cloudfunctions/requests/index'
import { main as requestsTimer } from '../../cloudfunctions/requests-timer/index'
import { main as wechatEvents } from '../../cloudfunctions/wechat-events/index'
import { main as wishes } from '../../cloudfunctions/wishes/index'
import { main as wishesTimer } from '../../cloudfunctions/wishes-timer/index'
import type { FunctionMain } from './function-host'

/** Every deployable function's entry, as CloudBase would load it from its bundle. */
export const functionMains: Record<FunctionName, FunctionMain> = { directory, requests, wishes, council }

/** The timer-triggered ones, run on a schedule by timer-runner.ts instead of being called. */
export const timerMains: Record<TimerFunctionName, FunctionMain> = { 'requests-timer': requestsTimer, 'wishes-timer': wishesTimer, 'council-timer': councilTimer }

/** The ones WeChat's message push starts: the local WeChat delivers its pushes to these (local-cloudbase.ts). */
export const pushMains: Record<PushFunctionName, FunctionMain> = { 'wechat-events': wechatEvents }
