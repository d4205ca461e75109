import { createHash, randomUUID } from 'node:crypto'
import tcb from '@cloudbase/node-sdk'
import { z } from 'zod'
import { failure, FileId, PhotoState, type Failure } from '../../../types'
import { isOwnUpload, uploaderOf } from '../core/photo-id'
import { cloudbaseApp, database } from './cloudbase'
import { Collections } from './collections'
import { insertIgnoringDuplicates } from './insert-once'
import { mediaCheckAsync } from './wechat'

/**
 * Photos in private cloud storage (仅创建者可读写): nobody reads a file by its fileID; a function
 * hands out a temporary URL (getTempFileURL) once the caller's rights to the item are checked. Every
 * photo kept goes to WeChat's media check (mediaCheckAsync); its verdict arrives later as a message
 * push (cloudfunctions/wechat-events) and is recorded here, one `photo_checks` document per photo.
 */

/**
 * The env id `tcb.init({ env: SYMBOL_CURRENT_ENV })` resolves to, read the way the SDK reads it
 * (@cloudbase/node-sdk utils/tcbapirequester getEnvIdFromContext): TCB_ENV from the cloudbase
 * context, else SCF_NAMESPACE, which CloudBase's runtime sets to the environment the function runs
 * in (locally local/db/sdk-env.ts).
 */
export function currentEnvId(): string {
  const context = tcb.getCloudbaseContext() as unknown as Record<string, unknown>
  const env = context.TCB_ENV || context.SCF_NAMESPACE
  return typeof env === 'string' ? env : ''
}

/**
 * Refuses photos that are not the caller's own uploads to this environment (core/photo-id.ts
 * isOwnUpload), naming the first one by its place in the input: a fileID from another environment,
 * another person's folder, or a path that climbs out of one. Staff filing 代办 or on patrol upload
 * their own photos, so it is always the caller's folder.
 */
export function refusePhotos(photos: readonly string[] | undefined, caller: { userId: string }, field = 'photos'): Failure | null {
  const envId = currentEnvId()
  const index = (photos ?? []).findIndex((fileId) => !isOwnUpload(fileId, { envId, uploaderId: caller.userId }))
  return index < 0 ? null : failure('INVALID_INPUT', `${field}[${index}]: not a photo uploaded by you to this environment`)
}

/** How long a URL on a page lasts: long enough to look at the item and open the photos full screen. */
export const VIEW_URL_SECONDS = 2 * 3600
/** WeChat downloads the photo for its check some time later (errcode -1008 when the URL has gone). */
export const MEDIA_CHECK_URL_SECONDS = 24 * 3600
/** getTempFileURL takes at most 50 files a call. */
const TEMP_URL_BATCH = 50

/**
 * Temporary download URLs by fileID, in one getTempFileURL call per 50 files. A file storage cannot
 * give (STORAGE_FILE_NONEXIST, …) has none; storage failing altogether leaves every photo without a
 * URL rather than the page without its item.
 */
export async function temporaryUrls(fileIds: readonly string[], maxAge: number): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)]
  const urls = new Map<string, string>()
  for (let start = 0; start < unique.length; start += TEMP_URL_BATCH) {
    const batch = unique.slice(start, start + TEMP_URL_BATCH)
    try {
      const { fileList } = await cloudbaseApp().getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge })) })
      for (const entry of fileList ?? []) {
        if (entry.code === 'SUCCESS' && entry.tempFileURL) urls.set(entry.fileID, entry.tempFileURL)
        else console.warn(`[photos] no URL for ${entry.fileID}: ${entry.code}`)
      }
    } catch (error) {
      console.error('[photos] getTempFileURL', error)
    }
  }
  return urls
}

const Verdict = z.object({ suggest: z.string(), label: z.number(), errcode: z.number(), at: z.number() })

/** What a photo belongs to: a request (filing, note, reply), a wish (its own, or the claimer's evidence), a topic (its background, its follow-through). */
export const PhotoItem = z.enum(['request', 'wish', 'topic'])
export type PhotoItem = z.infer<typeof PhotoItem>

/**
 * One photo's media check. `traceId` is mediaCheckAsync's answer, the only thing the verdict push
 * names; until the call has answered it is `unsent:<random>` — unique like a real one (the index is
 * unique) and as unguessable, so no push can name a check that was never sent — and `sentAt` is null.
 */
export const PhotoCheck = z.object({
  _id: z.string(),
  fileId: FileId,
  item: PhotoItem,
  itemId: z.string(),
  uploaderId: z.string(),
  state: PhotoState,
  traceId: z.string(),
  sentAt: z.number().nullable(),
  verdict: Verdict.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type PhotoCheck = z.infer<typeof PhotoCheck>

/** From the fileID, so the same photo kept twice (a retried filing) has one check. */
export const photoCheckId = (fileId: string): string => `pc-${createHash('sha256').update(fileId).digest('hex').slice(0, 40)}`

const checks = () => database().collection(Collections.photoChecks)

/** Each photo's state; a photo without a check (sent before checks existed, or lost) counts as pending. */
export async function photoStates(fileIds: readonly string[]): Promise<Map<string, PhotoState>> {
  const unique = [...new Set(fileIds)]
  const states = new Map<string, PhotoState>(unique.map((fileId) => [fileId, 'pending']))
  if (unique.length === 0) return states
  const ids = unique.map(photoCheckId)
  const { data } = await checks().where({ _id: database().command.in(ids) }).limit(ids.length).get()
  for (const doc of data as unknown[]) {
    const check = PhotoCheck.parse(doc)
    states.set(check.fileId, check.state)
  }
  return states
}

/**
 * Sends the photos just kept with a request (a filing, a note, a reply) to the media check, each
 * once: a check already there (a retried write) is not sent again. Called after the request is
 * stored; nothing here refuses the write that kept them. A photo whose check could not be sent stays
 * pending — seen only by its uploader and the item's handlers — and keeps `sentAt: null`, so a later
 * pass (the timer, say) could find and send it again; that retry is not built.
 */
export async function sendPhotosToCheck(photos: readonly string[], item: PhotoItem, itemId: string, author: string, now: number): Promise<void> {
  try {
    const docs: PhotoCheck[] = [...new Set(photos)].map((fileId) => {
      const _id = photoCheckId(fileId)
      return {
        _id,
        fileId,
        item,
        itemId,
        uploaderId: uploaderOf(fileId) ?? author,
        state: 'pending',
        traceId: `unsent:${randomUUID()}`,
        sentAt: null,
        verdict: null,
        createdAt: now,
        updatedAt: now,
      }
    })
    const fresh = await insertIgnoringDuplicates(checks(), docs)
    if (fresh.length === 0) return
    const urls = await temporaryUrls(fresh.map((check) => check.fileId), MEDIA_CHECK_URL_SECONDS)
    await Promise.all(fresh.map((check) => send(check, urls.get(check.fileId), author, now)))
  } catch (error) {
    console.error(`[photos] media checks for ${item} ${itemId} not sent; the photos stay pending`, error)
  }
}

/** A media check sent ahead of the write that keeps its photo: `traceId` null when it could not be sent. */
export type CheckSent = { fileId: string; traceId: string | null }

/**
 * sendPhotosToCheck in two halves, for an action that knows its photos from its input: the URLs and
 * which photos have a check already are read beside the caller's record, the sends go out once
 * `cleared` says the caller may keep them (the rights check passed: beside the write), and
 * `recordChecksSent` keeps them once the write has kept the photos. A photo with a check already (a
 * retried write) is not sent again. Each check spends the mini-program's media-check quota, which the
 * photo allowance guards: a call refused sends none (`cleared` false), else refused calls, their
 * allowance given back, would spend it without limit (issue 10, 6). A write that loses its race has
 * sent checks nobody records: their verdicts name no check of ours and are ignored (recordVerdict's unknownTrace).
 */
export function sendChecksAhead(photos: readonly string[], author: string, cleared: Promise<boolean>): Promise<CheckSent[]> {
  const unique = [...new Set(photos)]
  if (unique.length === 0) return Promise.resolve([])
  const sent = Promise.all([temporaryUrls(unique, MEDIA_CHECK_URL_SECONDS), photoChecksOf(unique), cleared]).then(([urls, existing, go]) =>
    go ? Promise.all(unique.filter((fileId) => !existing.has(fileId)).map((fileId) => sendAhead(fileId, urls.get(fileId), author))) : [],
  )
  sent.catch(() => undefined)
  return sent
}

/** The checks sent ahead for photos a write has kept, recorded once each; a failure leaves them pending, as sendPhotosToCheck does. */
export async function recordChecksSent(sent: Promise<CheckSent[]>, item: PhotoItem, itemId: string, author: string, now: number): Promise<void> {
  try {
    const docs: PhotoCheck[] = (await sent).map(({ fileId, traceId }) => ({
      _id: photoCheckId(fileId),
      fileId,
      item,
      itemId,
      uploaderId: uploaderOf(fileId) ?? author,
      state: 'pending',
      traceId: traceId ?? `unsent:${randomUUID()}`,
      sentAt: traceId === null ? null : now,
      verdict: null,
      createdAt: now,
      updatedAt: now,
    }))
    await insertIgnoringDuplicates(checks(), docs)
  } catch (error) {
    console.error(`[photos] media checks for ${item} ${itemId} not recorded; the photos stay pending`, error)
  }
}

async function photoChecksOf(fileIds: readonly string[]): Promise<Set<string>> {
  const { data } = await checks().where({ _id: database().command.in(fileIds.map(photoCheckId)) }).field({ fileId: true }).limit(fileIds.length).get()
  return new Set((data as { fileId: string }[]).map((doc) => doc.fileId))
}

async function sendAhead(fileId: string, mediaUrl: string | undefined, author: string): Promise<CheckSent> {
  if (!mediaUrl) {
    console.error(`[photos] ${fileId}: no URL to send to the media check; it stays pending`)
    return { fileId, traceId: null }
  }
  try {
    // The openid of a user who used the mini-program in the last 2 hours: the one keeping it now.
    const { traceId } = await mediaCheckAsync({ mediaUrl, openid: author, scene: 'forum' })
    return { fileId, traceId }
  } catch (error) {
    console.error(`[photos] mediaCheckAsync for ${fileId} failed; it stays pending`, error)
    return { fileId, traceId: null }
  }
}

async function send(check: PhotoCheck, mediaUrl: string | undefined, author: string, now: number): Promise<void> {
  if (!mediaUrl) {
    console.error(`[photos] ${check.fileId}: no URL to send to the media check; it stays pending`)
    return
  }
  try {
    // The openid of a user who used the mini-program in the last 2 hours: the one who just kept it.
    const { traceId } = await mediaCheckAsync({ mediaUrl, openid: author, scene: 'forum' })
    await checks().doc(check._id).update({ traceId, sentAt: now, updatedAt: now })
  } catch (error) {
    console.error(`[photos] mediaCheckAsync for ${check.fileId} failed; it stays pending`, error)
  }
}

/** What WeChat's `wxa_media_check` push says (音视频内容安全识别 v2, 异步检测结果推送). */
export type MediaVerdict = { traceId: string; errcode: number; suggest: string; label: number }

export type RecordedVerdict =
  | { outcome: 'unknownTrace' }
  | { outcome: 'alreadyDecided' | 'recorded'; state: PhotoState; item: PhotoItem; itemId: string }

/**
 * pass → shown to everyone who may see the item; risky → hidden and the item marked for the
 * reviewers; review, or no verdict (errcode -1008: WeChat could not download it) → stays pending.
 * A photo once decided keeps its verdict: a repeated push (or a forged one) cannot flip hidden back
 * to shown. Only a hidden one's mark is written again, so a push retried after a failed mark lands it.
 */
export async function recordVerdict(verdict: MediaVerdict, now: number): Promise<RecordedVerdict> {
  const { data } = await checks().where({ traceId: verdict.traceId }).limit(1).get()
  const doc = (data as unknown[])[0]
  if (doc === undefined) return { outcome: 'unknownTrace' }
  const check = PhotoCheck.parse(doc)
  if (check.state !== 'pending') {
    if (check.state === 'hidden') await markForReview(check, check.verdict?.at ?? now)
    return { outcome: 'alreadyDecided', state: check.state, item: check.item, itemId: check.itemId }
  }
  const state: PhotoState = verdict.errcode !== 0 ? 'pending' : verdict.suggest === 'pass' ? 'pass' : verdict.suggest === 'risky' ? 'hidden' : 'pending'
  const recorded = { suggest: verdict.suggest, label: verdict.label, errcode: verdict.errcode, at: now }
  await checks().where({ _id: check._id, state: 'pending' }).update({ state, verdict: database().command.set(recorded), updatedAt: now })
  if (state === 'hidden') await markForReview(check, now)
  return { outcome: 'recorded', state, item: check.item, itemId: check.itemId }
}

/**
 * Puts a request on the reviewers' review tab (inbox.use-case): `photoReviewAt` on the request. The
 * request's lifecycle has no step for this — `flag` is only for a request just filed, and an item
 * already with its owner must stay there — so it is a mark beside the status, written outside the
 * versioned write like the +1 count (request-store raiseFollowers): a handler's accept racing it is
 * not made a CONFLICT, and a transition keeps the mark it read (request-store writeTransition).
 * A wish's hidden photo needs no queue of its own: its reviewers see it, marked, on the wish they
 * already review, and no one else sees it at all (core/photo-sight.ts).
 */
async function markForReview(check: Pick<PhotoCheck, 'item' | 'itemId'>, at: number): Promise<void> {
  if (check.item !== 'request') return
  await database().collection(Collections.requests).doc(check.itemId).update({ photoReviewAt: database().command.max(at) })
}
