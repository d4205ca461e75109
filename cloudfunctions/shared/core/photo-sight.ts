import type { PhotoState } from '../../../types/request.actions'

/**
 * How a viewer who may see an item (a request, a wish) in full may see one of its photos:
 * - `url`: shown (a temporary URL is made for them);
 * - `marked`: listed without a URL, so they know it is there and why it is not shown;
 * - `none`: left out, as if never attached.
 */
export type PhotoSight = 'url' | 'marked' | 'none'

/** How the viewer stands to the item's photos: each item's policy says who handles it and who judges content. */
export type PhotoViewer = { isUploader: boolean; handlesItem: boolean; reviewsContent: boolean }

/**
 * Until WeChat's media check answers, a photo is seen by its uploader and the item's handlers only.
 * A risky verdict hides it from everyone but the reviewers, who see it to judge it; its uploader is
 * told it did not pass. A passed photo is for everyone who may see the item.
 */
export function photoSight(state: PhotoState, viewer: PhotoViewer): PhotoSight {
  switch (state) {
    case 'pass':
      return 'url'
    case 'pending':
      return viewer.isUploader || viewer.handlesItem ? 'url' : 'none'
    case 'hidden':
      if (viewer.reviewsContent) return 'url'
      return viewer.isUploader ? 'marked' : 'none'
    default: {
      const unreachable: never = state
      return unreachable
    }
  }
}
