import type { Request, RequestEvent } from '../../types'
import { sendPhotosToCheck } from '../shared/runtime/photos'
import { eventPhotos } from './photo-views'

/** The photos a write kept: the filing's own, a note's or a reply's (in the event's details). */
export function photosOf(events: readonly RequestEvent[], request: Pick<Request, 'photos'>): string[] {
  return events.flatMap((event) => (event.action === 'file' ? request.photos : eventPhotos(event)))
}

/** Every photo a stored write kept goes to WeChat's media check, once (runtime/photos.ts). */
export async function checkPhotos(events: readonly RequestEvent[], request: Pick<Request, '_id' | 'photos'>, author: string, now: number): Promise<void> {
  const photos = photosOf(events, request)
  if (photos.length > 0) await sendPhotosToCheck(photos, 'request', request._id, author, now)
}
