import { settings } from './settings'

/** The one place a function reads the time: use cases get `now` from it, never from Date.now(). */
export type Clock = { now(): number }

/**
 * Real time moved by an offset the tests set: days pass in a call, and everything — filing, the
 * timer, the rating window — sees the same moved time. Chosen only with JUCUN_CLOCK=controlled.
 */
export type ControlledClock = Clock & { advance(ms: number): void; reset(): void }

const systemClock: Clock = { now: () => Date.now() }

function controlled(): ControlledClock {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError('time only moves forward')
      offset += ms
    },
    reset() {
      offset = 0
    },
  }
}

let chosen: { clock: Clock; controlled: ControlledClock | null } | undefined

function choose() {
  if (settings().clock === 'system') return { clock: systemClock, controlled: null }
  const moved = controlled()
  return { clock: moved, controlled: moved }
}

export function clock(): Clock {
  chosen ??= choose()
  return chosen.clock
}

export function controlledClock(): ControlledClock {
  chosen ??= choose()
  if (!chosen.controlled) throw new Error('the clock is not controlled: set JUCUN_CLOCK=controlled before the first call')
  return chosen.controlled
}
