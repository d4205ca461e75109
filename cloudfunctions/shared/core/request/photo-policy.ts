import type { PhotoState } from '../../../../types/request.actions'
import type { RequestRelation } from '../../../../types/request.schema'
import { isReviewer } from './request-policy'

/**
 * How a viewer who may see the item in full may see one of its photos:
 * - `url`: shown (a temporary URL is made for them);
 * - `marked`: listed without a URL, so they know it is there and why it is not shown;
 * - `none`: left out, as if never attached.
 */
export type PhotoSight = 'url' | 'marked' | 'none'

/** Those who work on the item: its owner and co-handlers, and the staff of its grid, community and street. */
const handlerRelations: readonly RequestRelation[] = ['owner', 'coHandler', 'gridStaff', 'committee', 'streetAdmin']

/**
 * Until WeChat's media check answers, a photo is seen by its uploader and the item's handlers only:
 * not by the resident for a worker's photo, nor the other way round. A risky verdict hides it from
 * everyone but the reviewers (committee and street), who see it to judge it; its uploader is told it
 * did not pass. A passed photo is for everyone who may see the item.
 */
export function photoSight(state: PhotoState, relations: readonly RequestRelation[], isUploader: boolean): PhotoSight {
  switch (state) {
    case 'pass':
      return 'url'
    case 'pending':
      return isUploader || relations.some((r) => handlerRelations.includes(r)) ? 'url' : 'none'
    case 'hidden':
      if (isReviewer(relations)) return 'url'
      return isUploader ? 'marked' : 'none'
    default: {
      const unreachable: never = state
      return unreachable
    }
  }
}
