import type { Request, RequestEvent } from '../../types'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { recordChecksSent, refusePhotos, sendChecksAhead, sendPhotosToCheck, type CheckSent } from '../shared/runtime/photos'
import { eventPhotos } from './photo-views'

/** The photos a write kept: the filing's own, a note's or a reply's (in the event's details). */
export function photosOf(events: readonly RequestEvent[], request: Pick<Request, 'photos'>): string[] {
  return events.flatMap((event) => (event.action === 'file' ? request.photos : eventPhotos(event)))
}

const checksKey = (photos: readonly string[]) => `mediaChecks/${[...photos].sort().join(',')}`

/**
 * The media checks of the photos an action's input names, sent beside the caller's record and the
 * write (runtime/photos.ts sendChecksAhead): only the caller's own uploads, as the action will
 * refuse any other before it keeps them.
 */
export function preloadPhotoChecks(photos: readonly string[] | undefined, openid: string): void {
  if (!photos || photos.length === 0 || refusePhotos(photos, { userId: openid })) return
  preload(checksKey(photos), () => sendChecksAhead(photos, openid))
}

/** Every photo a stored write kept goes to WeChat's media check, once (runtime/photos.ts): sent ahead, or now. */
export async function checkPhotos(events: readonly RequestEvent[], request: Pick<Request, '_id' | 'photos'>, author: string, now: number): Promise<void> {
  const photos = photosOf(events, request)
  if (photos.length === 0) return
  const sent = takePreloaded<CheckSent[]>(checksKey(photos))
  await (sent ? recordChecksSent(sent, 'request', request._id, author, now) : sendPhotosToCheck(photos, 'request', request._id, author, now))
}
