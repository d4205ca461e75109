import { failure, type Failure } from '../../types'
import { ratingRefusal } from '../shared/core/request/rater-policy'
import { timelineOf, type StoredRequest } from './request-store'

/** rater-policy ratingRefusal over the stored timeline: nobody who handled or filed the item rates it or records its 回访. */
export const refuseOwnRating = (userId: string) => async (request: StoredRequest): Promise<Failure | null> => {
  const why = ratingRefusal(request, await timelineOf(request), userId)
  return why === null ? null : failure('FORBIDDEN', why)
}
