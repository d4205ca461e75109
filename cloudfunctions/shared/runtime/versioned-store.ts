import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { database } from './cloudbase'
import type { CollectionName } from './collections'
import { isDuplicateWrite } from './database-errors'
import { findMany } from './documents'
import { insertIgnoringDuplicates } from './insert-once'

type Event = { _id: string; seq: number }
type Versioned = { _id: string; version: number }
/**
 * As stored: the latest write's events kept on the document, and, in a store keeping its timeline on
 * the document, every event so far (`timeline`; absent on an item stored before the store kept it).
 */
type Stored = Versioned & { recentEvents: readonly Event[]; timeline?: readonly Event[] }

/**
 * The storage every lifecycle shares (a request, a wish): one document per item written only if
 * nobody wrote since it was read, and an append-only event log beside it whose ids the machine
 * makes. The document keeps its latest write's events (`recentEvents`); once a write has gone in,
 * its events are appended with those of the previous write the log still lacks, and a failed append
 * is logged and left to the next write — never answered as a failure the caller would retry into a
 * CONFLICT.
 *
 * Or, chosen per store (`timelineOnDocument`), the timeline is kept on the document itself: appended
 * by the same versioned update that changes the item, so a step's events are in exactly when its
 * change is, and nothing is read or inserted beside it. The log is then only what an item stored
 * before the store kept its timeline has (writeWithTimeline's `earlier`); its next write stores it whole.
 */
export function versionedStore<S extends z.ZodType<Stored>, E extends z.ZodType<Event>>(options: {
  documents: CollectionName
  events: CollectionName
  schema: S
  eventSchema: E
  /** The event's field naming its item: `requestId`, `wishId`. */
  eventKey: string
  name: string
  /** The timeline kept on the document (writeWithTimeline) rather than in the log alone. */
  timelineOnDocument?: boolean
}) {
  const documents = () => database().collection(options.documents)
  const log = () => database().collection(options.events)

  async function appendEvents(events: readonly Event[]): Promise<void> {
    await insertIgnoringDuplicates(log(), events.map(plain))
  }

  /**
   * The previous write's events not in the log yet. Nearly always none: one read says so, where a
   * batch insert meeting a duplicate would fall back to one insert per event on every transition.
   */
  async function missingOf<E extends Event>(previous: readonly E[]): Promise<E[]> {
    if (previous.length === 0) return []
    const ids = previous.map((e) => e._id)
    const { data } = await log().where({ _id: database().command.in(ids) }).field({ _id: true }).limit(ids.length).get()
    const present = new Set((data as { _id: string }[]).map((doc) => doc._id))
    return previous.filter((e) => !present.has(e._id))
  }

  /** The events of a write that has gone in (an insert, a versioned update), with the previous write's the log lacks. */
  async function appendCommitted(item: Versioned, events: readonly Event[], previous: readonly Event[] = []): Promise<void> {
    try {
      await appendEvents([...(await missingOf(previous)), ...events])
    } catch (error) {
      console.error(`[${options.name}] events of ${item._id} v${item.version} not appended; the next write appends them`, error)
    }
  }

  const readLog = (id: string) => findMany(options.events, { [options.eventKey]: id }, options.eventSchema, { orderBy: ['seq', 'asc'] })
  /** The log and events it may lack (kept on a document), one line per seq, in order. */
  function merged(log: z.output<E>[], recent: readonly z.output<E>[]): z.output<E>[] {
    const bySeq = new Map<number, z.output<E>>(log.map((e) => [e.seq, e]))
    for (const e of recent) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e)
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
  }

  /** The timeline of an item whose events are in the log: the log, and its latest write's events in case their append was lost. */
  const loggedTimeline = async (item: z.output<S>) => merged(await readLog(item._id), item.recentEvents as z.output<E>[])

  /**
   * The timeline a document holds, with its latest write's events: during a deploy, a function still
   * on the code before timelines moved onto documents writes a step into the log and `recentEvents`
   * only. Whole when it has one event per version (transition-table: an event's seq is the version it
   * made); else, after two such writes in a row, the log has what is missing.
   */
  async function documentTimeline(item: z.output<S>): Promise<z.output<E>[]> {
    const held = merged(item.timeline as z.output<E>[], item.recentEvents as z.output<E>[])
    return held.length === item.version + 1 ? held : merged(await readLog(item._id), held)
  }

  /**
   * A step's outcome with its events on the document's timeline, written only if the version is still
   * the one read (of racing writers exactly one wins; the others get null, a CONFLICT): the events are
   * pushed by that very update, so none is ever in the document's state without being on its timeline.
   * Events the stored timeline lacks (documentTimeline) go with them. An item stored before the store
   * kept its timeline (none on it) gets it whole: `earlier`, its log merged with its latest write's
   * events, and this write's; written only where none is stored yet, so a document read without its
   * timeline (a list's projection) can never overwrite one.
   */
  async function writeWithTimeline(before: z.output<S>, after: z.output<S>, earlier?: Promise<z.output<E>[]>): Promise<z.output<S> | null> {
    const _ = database().command
    const kept = before.timeline as z.output<E>[] | undefined
    const events = after.recentEvents as z.output<E>[]
    const held = kept ? await documentTimeline(before) : await (earlier ?? loggedTimeline(before))
    const timeline = [...held, ...events]
    const { timeline: _before, ...beforeFields } = before
    const { timeline: _after, ...afterFields } = after
    const fields = changedFields(beforeFields, afterFields)
    const keptSeqs = new Set((kept ?? []).map((e) => e.seq))
    const lacking = held.filter((e) => !keptSeqs.has(e.seq))
    // The array form of push: the SDK encodes its values (`{ each }` would skip that).
    fields.timeline = kept ? _.push(plain([...lacking, ...events])) : _.set(plain(timeline))
    const where = kept ? { _id: before._id, version: before.version } : { _id: before._id, version: before.version, timeline: _.exists(false) }
    const result = await documents().where(where).update(fields)
    if ((result as { updated?: number }).updated !== 1) return null
    return { ...after, timeline }
  }

  return {
    writeWithTimeline,

    async load(id: string): Promise<z.output<S> | null> {
      const { data } = await documents().doc(id).get()
      const doc = (data as unknown[])[0]
      return doc === undefined ? null : options.schema.parse(doc)
    },

    /** 'exists' when the `_id` is taken: the same submit, retried. */
    async insert(stored: z.output<S>): Promise<'inserted' | 'exists'> {
      try {
        await documents().add(plain(stored))
        return 'inserted'
      } catch (error) {
        if (isDuplicateWrite(error)) return 'exists'
        throw error
      }
    },

    appendEvents,

    appendCommitted,

    /**
     * The item's whole timeline: the one on the document where the store keeps it there; else the log,
     * and the latest write's events in case their append was lost.
     */
    async timeline(item: z.output<S>): Promise<z.output<E>[]> {
      if (options.timelineOnDocument && item.timeline) return documentTimeline(item)
      return loggedTimeline(item)
    },

    /**
     * A step's outcome, written only if the version is still the one read (of racing writers exactly
     * one wins; the others get null, a CONFLICT), then its events with the previous write's the log lacks.
     */
    async save(before: z.output<S>, after: z.output<S>): Promise<z.output<S> | null> {
      const written = await this.write(before, after)
      if (!written) return null
      await written.appended
      return written.saved
    },

    /**
     * save, answering once the document is written: `appended` is the events' append still under way
     * (it never fails; a lost append is logged and left to the next write), for a caller with other
     * work to send alongside it, and `timeline` the item's whole timeline after this write. The log is
     * read beside the update (one round trip, a read wasted only on a lost race): it tells which of the
     * previous write's events the log lacks, and with both writes' events it is the timeline, so an
     * answer after the write need not read the log again. `logRead`: the log this step already read
     * (its check read the timeline) at the version written over; an event it lacks that has landed
     * since is appended again, a duplicate the log ignores.
     */
    async write(before: z.output<S>, after: z.output<S>, logRead?: Promise<z.output<E>[]>): Promise<{ saved: z.output<S>; appended: Promise<void>; timeline: z.output<E>[] | null } | null> {
      const [result, log] = await Promise.all([
        documents().where({ _id: before._id, version: before.version }).update(changedFields(before, after)),
        (logRead ?? readLog(before._id)).catch((error: unknown) => {
          console.error(`[${options.name}] could not read the log of ${before._id}; appending the previous events again`, error)
          return null
        }),
      ])
      if ((result as { updated?: number }).updated !== 1) return null
      const logged = new Set((log ?? []).map((e) => e._id))
      const missing = before.recentEvents.filter((e) => !logged.has(e._id))
      const appended = appendEvents([...missing, ...after.recentEvents]).catch((error: unknown) => {
        console.error(`[${options.name}] events of ${after._id} v${after.version} not appended; the next write appends them`, error)
      })
      // After a lost append (rare), the earlier events are in no document's recentEvents: they land
      // before anyone reads the timeline.
      if (missing.length > 0) await appended
      const timeline = log && merged(log, [...(before.recentEvents as z.output<E>[]), ...(after.recentEvents as z.output<E>[])])
      return { saved: after, appended, timeline }
    },
  }
}

/** Idempotent submits: the same caller's same key always names the same item. */
export function idempotentId(prefix: string, callerId: string, idempotencyKey: string): string {
  return `${prefix}-${createHash('sha256').update(`${callerId}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`
}

/**
 * The top-level fields that changed between two versions of a stored document, for a versioned
 * update. Objects and arrays are replaced whole with `_.set`: a plain object given to update() is
 * merged key by key, which would keep a key the new value dropped. Fields gone from `after` are removed.
 */
function changedFields<D extends object>(before: D, after: D): Record<string, unknown> {
  const _ = database().command
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(plain(after))) {
    if (JSON.stringify(value) === JSON.stringify((before as Record<string, unknown>)[key])) continue
    out[key] = value !== null && typeof value === 'object' ? _.set(value) : value
  }
  for (const key of Object.keys(before)) if (!(key in after) || (after as Record<string, unknown>)[key] === undefined) out[key] = _.remove()
  return out
}

/** What the database stores: JSON data, with no `undefined` left for the SDK to serialise. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
