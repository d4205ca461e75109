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

test('a write ahead that no use case took is undone when the invocation ends; one taken is the use case’s', async () => {
  const undone: string[] = []
  await withinInvocation(async () => {
    preload('spend/a', async () => 'a', async (value) => void undone.push(value))
    preload('spend/b', async () => 'b', async (value) => void undone.push(value))
    await takePreloaded('spend/b')
  })
  expect(undone).toEqual(['a'])
})

test('a later preload of the same key replaces an untaken read (a retry reads fresh), never an untaken write ahead', async () => {
  await withinInvocation(async () => {
    preload('topics/r1', async () => 'attempt 0')
    preload('topics/r1', async () => 'attempt 1')
    await expect(takePreloaded('topics/r1')).resolves.toBe('attempt 1')
    preload('spend/r1', async () => 'spent once', async () => undefined)
    preload('spend/r1', async () => 'spent twice', async () => undefined)
    await expect(takePreloaded('spend/r1')).resolves.toBe('spent once')
  })
})
