import type { Request, RequestEvent } from '../../types'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { recordChecksSent, refusePhotos, sendChecksAhead, sendPhotosToCheck, type CheckSent } from '../shared/runtime/photos'
import { eventPhotos } from './photo-views'

/** The photos a write kept: the filing's own, a note's or a reply's (in the event's details). */
export function photosOf(events: readonly RequestEvent[], request: Pick<Request, 'photos'>): string[] {
  return events.flatMap((event) => (event.action === 'file' ? request.photos : eventPhotos(event)))
}

const checksKey = (photos: readonly string[]) => `mediaChecks/${[...photos].sort().join(',')}`
const clearKey = (photos: readonly string[]) => `mediaChecks/cleared/${[...photos].sort().join(',')}`
type Clear = (go: boolean) => void

/**
 * The media checks of the photos an action's input names, made ready beside the caller's record and
 * sent beside the write once the use case clears them (clearPhotoChecks: runtime/photos.ts
 * sendChecksAhead): only the caller's own uploads, as the action will refuse any other before it
 * keeps them. A call refused before that — by its use case or by the entry — sends none: the
 * invocation, ending with the clearance untaken, closes it.
 */
export function preloadPhotoChecks(photos: readonly string[] | undefined, openid: string): void {
  if (!photos || photos.length === 0 || refusePhotos(photos, { userId: openid })) return
  let clear: Clear = () => undefined
  const cleared = new Promise<boolean>((resolve) => {
    clear = resolve
  })
  preload(clearKey(photos), async () => clear, async (close) => close(false))
  preload(checksKey(photos), () => sendChecksAhead(photos, openid, cleared))
}

/** The caller may keep these photos (the machine agreed, the allowance holds): their checks made ready go out now, beside the write. */
export async function clearPhotoChecks(photos: readonly string[]): Promise<void> {
  if (photos.length === 0) return
  const clear = takePreloaded<Clear>(clearKey(photos))
  if (clear) (await clear)(true)
}

/** Every photo a stored write kept goes to WeChat's media check, once (runtime/photos.ts): sent ahead, or now. */
export async function checkPhotos(events: readonly RequestEvent[], request: Pick<Request, '_id' | 'photos'>, author: string, now: number): Promise<void> {
  const photos = photosOf(events, request)
  if (photos.length === 0) return
  // Kept: cleared, should the step not have done so before its write.
  await clearPhotoChecks(photos)
  const sent = takePreloaded<CheckSent[]>(checksKey(photos))
  await (sent ? recordChecksSent(sent, 'request', request._id, author, now) : sendPhotosToCheck(photos, 'request', request._id, author, now))
}
