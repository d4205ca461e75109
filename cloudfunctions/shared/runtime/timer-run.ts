/** Items a timer run writes side by side: enough to finish well inside its timeout, few enough not to flood. */
const PARALLEL = 8

/**
 * A timer's run over the items now due (deadlines, wishes): each one's step, a few at a time, every
 * outcome counted in the report. A step answers its outcome; one item failing must not stop the run
 * for every other, so a step catches what it can and answers 'failed'.
 */
export async function stepEach<T, O extends string>(due: readonly T[], step: (item: T) => Promise<O>, report: Record<O, number>): Promise<void> {
  for (let i = 0; i < due.length; i += PARALLEL) {
    const outcomes = await Promise.all(due.slice(i, i + PARALLEL).map(step))
    for (const outcome of outcomes) report[outcome]++
  }
}
