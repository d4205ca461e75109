import type { PhotoView, RequestEvent, RequestRelation } from '../../types'
import { photoSight } from '../shared/core/request/photo-policy'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { photoViewer as viewerOf, type ViewPhotos } from '../shared/runtime/photo-viewer'
import { photoStates } from '../shared/runtime/photos'

const statesKey = (fileIds: readonly string[]) => `photoStates/${[...fileIds].sort().join(',')}`

/** The states of the photos an answer will show, read beside the write (request-view prepareDetail); no photos, no read. */
export function preloadPhotoStates(fileIds: readonly string[]): void {
  if (fileIds.length > 0) preload(statesKey(fileIds), () => photoStates(fileIds))
}

/** A request's photos as one viewer may see them (core/request/photo-policy.ts). */
export const photoViewer = (fileIds: readonly string[], relations: readonly RequestRelation[], viewerId: string): Promise<ViewPhotos> =>
  viewerOf(fileIds, viewerId, (state, isUploader) => photoSight(state, relations, isUploader), fileIds.length > 0 ? takePreloaded(statesKey(fileIds)) : undefined)

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
