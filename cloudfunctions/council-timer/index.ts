import { tickCouncil } from '../council/tick.use-case'
import { createTimer } from '../shared/runtime/timer-entry'

/**
 * The council timer (config/functions.manifest.ts: trigger `council`, every 10 minutes): voting
 * windows opening and closing, proposals expiring. Its own function because a timer carries no
 * caller, and the `council` function refuses any call without one.
 */
export const main = createTimer('council-timer', tickCouncil)
