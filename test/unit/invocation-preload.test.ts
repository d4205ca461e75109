import { preload, takePreloaded, withinInvocation } from '../../cloudfunctions/shared/runtime/invocation'

/** function-entry's preloads: a read started beside the caller's record, handed to one reader of one invocation. */
test('a preloaded read is handed out once; the next read of the same item (a retry after a lost race) reads fresh', async () => {
  await withinInvocation(async () => {
    let reads = 0
    preload('requests/r1', async () => ++reads)
    await expect(takePreloaded('requests/r1')).resolves.toBe(1)
    expect(takePreloaded('requests/r1')).toBeUndefined()
    expect(reads).toBe(1)
  })
})

test('two invocations interleaved on one warm instance never see each other’s reads', async () => {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  const first = withinInvocation(async () => {
    preload('requests/r1', async () => 'first caller’s read')
    await held
    return takePreloaded('requests/r1')
  })
  const second = withinInvocation(async () => {
    const taken = takePreloaded('requests/r1')
    release()
    return taken
  })
  expect(await second).toBeUndefined()
  expect(await first).toBe('first caller’s read')
})

test('outside an invocation nothing is started or kept; a failed read left untaken is no unhandled rejection', async () => {
  const read = jest.fn(async () => 'x')
  preload('requests/r1', read)
  expect(read).not.toHaveBeenCalled()
  expect(takePreloaded('requests/r1')).toBeUndefined()
  await withinInvocation(async () => {
    preload('requests/r2', () => Promise.reject(new Error('network')))
    await new Promise((resolve) => setTimeout(resolve, 10))
  })
})
