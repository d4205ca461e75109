import { tick } from '../requests/tick.use-case'
import { createTimer } from '../shared/runtime/timer-entry'

/**
 * The deadlines timer (config/functions.manifest.ts: trigger `deadlines`, every 10 minutes): 催办, 督办 and closing
 * unrated replies. Its own function because a timer carries no caller, and the `requests` function
 * refuses any call without one.
 */
export const main = createTimer('requests-timer', tick)
