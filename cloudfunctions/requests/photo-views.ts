import type { PhotoView, RequestEvent, RequestRelation } from '../../types'
import { uploaderOf } from '../shared/core/photo-id'
import { photoSight } from '../shared/core/request/photo-policy'
import { photoStates, temporaryUrls, VIEW_URL_SECONDS } from '../shared/runtime/photos'

export type ViewPhotos = (fileIds: readonly string[]) => PhotoView[]

/**
 * The photos of one item as one viewer may see them, for a caller that has already checked the viewer
 * may see the item in full: one read of their states, then one getTempFileURL for exactly the photos
 * this viewer may be shown (core/request/photo-policy.ts). No photos, no reads.
 */
export async function photoViewer(fileIds: readonly string[], relations: readonly RequestRelation[], viewerId: string): Promise<ViewPhotos> {
  if (fileIds.length === 0) return () => []
  const states = await photoStates(fileIds)
  const sight = (fileId: string) => photoSight(states.get(fileId) ?? 'pending', relations, uploaderOf(fileId) === viewerId)
  const urls = await temporaryUrls([...states.keys()].filter((fileId) => sight(fileId) === 'url'), VIEW_URL_SECONDS)
  return (ids) =>
    ids.flatMap((fileId): PhotoView[] => {
      const state = states.get(fileId) ?? 'pending'
      switch (sight(fileId)) {
        case 'url':
          return [{ fileId, url: urls.get(fileId) ?? null, state }]
        case 'marked':
          return [{ fileId, url: null, state }]
        case 'none':
          return []
      }
    })
}

/** A note's or a reply's photos, as kept in its event's details. */
export function eventPhotos(event: Pick<RequestEvent, 'details'>): string[] {
  const photos = event.details?.photos
  return Array.isArray(photos) ? photos.filter((p): p is string => typeof p === 'string') : []
}

/** A timeline line with its photos as views, taken out of `details` (which keeps the rest, if any). */
export function withPhotoViews<E extends RequestEvent>(event: E, view: ViewPhotos): E & { photos?: PhotoView[] } {
  if (event.details === undefined || !('photos' in event.details)) return event
  const { photos: _ids, ...rest } = event.details
  const { details: _details, ...line } = event
  return { ...line, ...(Object.keys(rest).length > 0 && { details: rest }), photos: view(eventPhotos(event)) } as E & { photos?: PhotoView[] }
}
