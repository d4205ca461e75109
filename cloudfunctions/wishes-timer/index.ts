import { createTimer } from '../shared/runtime/timer-entry'
import { tickWishes } from '../wishes/tick.use-case'

/**
 * The 微心愿 timer (config/functions.manifest.ts: trigger `wishes`, every 10 minutes): widening,
 * the lapse reminder, lapses, the 7-day check and expiry. Its own function because a timer carries no
 * caller, and the `wishes` function refuses any call without one.
 */
export const main = createTimer('wishes-timer', tickWishes)
