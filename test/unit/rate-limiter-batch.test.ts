import { spendAllowance } from '../../cloudfunctions/shared/runtime/rate-limiter'

// A deployment whose photo allowance is below what one item may carry (9 photos).
process.env.RATE_LIMITS = JSON.stringify({ photo: { perHour: 4, perDay: 6 } })

test('more photos at once than a whole hour allows: send fewer (beside the photos field), not a time to try again', async () => {
  expect(await spendAllowance('u-batch', 'photo', Date.now(), { amount: 5, itemKey: 'k-batch' })).toEqual({
    ok: false, code: 'INVALID_INPUT', message: 'photos: 一次最多 4 张照片，请少选几张', fields: ['photos'],
  })
})
