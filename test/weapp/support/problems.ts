/**
 * What the harness saw go wrong that the app itself may swallow: a page calling a function the test
 * gave no answer for, an answer or input outside the contract, a console.error, an uncaught error.
 * The console guard fails the test that was running when any of them happened.
 */
const seen: string[] = []

export const reportProblem = (problem: string): void => {
  seen.push(problem)
}

export const takeProblems = (): string[] => seen.splice(0, seen.length)

export function expectNoProblems(): void {
  const problems = takeProblems()
  if (problems.length) throw new Error(`the mini-program had ${problems.length} problem(s):\n${problems.join('\n\n')}`)
}
