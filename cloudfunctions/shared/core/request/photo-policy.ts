import type { PhotoState } from '../../../../types/request.actions'
import type { RequestRelation } from '../../../../types/request.schema'
import { photoSight as sightFor, type PhotoSight } from '../photo-sight'
import { isReviewer } from './request-policy'
import { seesStaffNotes } from './staff-notes'

/**
 * A request's photo, to one viewer (core/photo-sight.ts): before the verdict its handlers see it, not
 * the resident for a worker's photo nor the other way round; a hidden one, the reviewers (committee
 * and street).
 */
export function photoSight(state: PhotoState, relations: readonly RequestRelation[], isUploader: boolean): PhotoSight {
  return sightFor(state, { isUploader, handlesItem: seesStaffNotes(relations), reviewsContent: isReviewer(relations) })
}
