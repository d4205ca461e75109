import { isOwnUpload, parseFileId, uploaderOf } from '../../cloudfunctions/shared/core/photo-id'
import { photoSight } from '../../cloudfunctions/shared/core/request/photo-policy'
import type { RequestRelation } from '../../types'

const env = 'jucun-prod-7g3x'
const mine = `cloud://${env}.6a75-${env}-1300000000/requests/oAbc_123-x/20250303/1741000000000-k3j2.jpg`

describe('a CloudBase fileID', () => {
  test('names its env up to the first dot and its path after the first slash', () => {
    expect(parseFileId(mine)).toEqual({ envId: env, bucket: `6a75-${env}-1300000000`, path: 'requests/oAbc_123-x/20250303/1741000000000-k3j2.jpg' })
    expect(uploaderOf(mine)).toBe('oAbc_123-x')
  })

  test.each([
    ['local://requests/x.jpg'],
    ['https://example.com/requests/oAbc/20250303/x.jpg'],
    [`cloud://${env}/requests/oAbc/20250303/x.jpg`], // no bucket
    [`cloud://${env}.bucket`], // no path
    ['cloud://.bucket/requests/oAbc/20250303/x.jpg'],
  ])('%s is not one', (id) => {
    expect(parseFileId(id) === null || uploaderOf(id) === null).toBe(true)
    expect(isOwnUpload(id, { envId: env, uploaderId: 'oAbc' })).toBe(false)
  })
})

describe('isOwnUpload: this environment and the caller’s own folder only', () => {
  const caller = { envId: env, uploaderId: 'oAbc_123-x' }

  test('the caller’s photo of this environment', () => {
    expect(isOwnUpload(mine, caller)).toBe(true)
  })

  test.each([
    ['another environment', mine.replace(`cloud://${env}.`, 'cloud://jucun-other.')],
    ['an env id that only starts the same', mine.replace(`cloud://${env}.`, `cloud://${env}x.`)],
    ['another person’s folder', mine.replace('/oAbc_123-x/', '/oOther/')],
    ['a folder whose name only starts like the caller’s', mine.replace('/oAbc_123-x/', '/oAbc_123-xy/')],
    ['climbing out of the folder', mine.replace('/oAbc_123-x/', '/oAbc_123-x/../oOther/')],
    ['a dot segment', mine.replace('/20250303/', '/./')],
    ['an encoded slash', mine.replace('/20250303/', '/..%2F/')],
    ['another top folder', mine.replace('/requests/', '/avatars/')],
    ['the folder itself', `cloud://${env}.b/requests/oAbc_123-x`],
    ['an empty segment', mine.replace('/20250303/', '//')],
  ])('%s is refused', (_what, id) => {
    expect(isOwnUpload(id, caller)).toBe(false)
  })

  test('without a known environment nothing is accepted', () => {
    expect(isOwnUpload(mine, { envId: '', uploaderId: 'oAbc_123-x' })).toBe(false)
  })
})

describe('photoSight: who sees a photo, by its media check state', () => {
  const cases: [RequestRelation[], boolean, Record<'pending' | 'pass' | 'hidden', string>][] = [
    [['requester'], true, { pending: 'url', pass: 'url', hidden: 'marked' }],
    [['requester'], false, { pending: 'none', pass: 'url', hidden: 'none' }],
    [['owner', 'gridStaff'], false, { pending: 'url', pass: 'url', hidden: 'none' }],
    [['owner'], true, { pending: 'url', pass: 'url', hidden: 'marked' }],
    [['coHandler'], false, { pending: 'url', pass: 'url', hidden: 'none' }],
    [['committee'], false, { pending: 'url', pass: 'url', hidden: 'url' }],
    [['streetAdmin'], false, { pending: 'url', pass: 'url', hidden: 'url' }],
  ]
  test.each(cases)('%j, uploader %s', (relations, isUploader, expected) => {
    for (const state of ['pending', 'pass', 'hidden'] as const) expect(photoSight(state, relations, isUploader)).toBe(expected[state])
  })
})
