import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { database } from './cloudbase'
import type { CollectionName } from './collections'
import { isDuplicateWrite } from './database-errors'
import { findMany } from './documents'
import { insertIgnoringDuplicates } from './insert-once'

type Event = { _id: string; seq: number }
type Versioned = { _id: string; version: number }
/** As stored: the latest write's events kept on the document. */
type Stored = Versioned & { recentEvents: readonly Event[] }

/**
 * The storage every lifecycle shares (a request, a wish): one document per item written only if
 * nobody wrote since it was read, and an append-only event log beside it whose ids the machine
 * makes. The document keeps its latest write's events (`recentEvents`); once a write has gone in,
 * its events are appended with those of the previous write the log still lacks, and a failed append
 * is logged and left to the next write — never answered as a failure the caller would retry into a
 * CONFLICT.
 */
export function versionedStore<S extends z.ZodType<Stored>, E extends z.ZodType<Event>>(options: {
  documents: CollectionName
  events: CollectionName
  schema: S
  eventSchema: E
  /** The event's field naming its item: `requestId`, `wishId`. */
  eventKey: string
  name: string
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

  return {
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

    /** The item's whole timeline: the log, and the latest write's events in case their append was lost. */
    async timeline(item: z.output<S>): Promise<z.output<E>[]> {
      const stored = await findMany(options.events, { [options.eventKey]: item._id }, options.eventSchema, { orderBy: ['seq', 'asc'] })
      const bySeq = new Map<number, z.output<E>>(stored.map((e) => [e.seq, e]))
      for (const e of item.recentEvents as z.output<E>[]) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e)
      return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
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
     * work to send alongside it. The timeline reads the document's recentEvents as well, so a detail
     * read meanwhile already shows this write's events.
     */
    async write(before: z.output<S>, after: z.output<S>): Promise<{ saved: z.output<S>; appended: Promise<void> } | null> {
      // The log's check for the previous write's events goes out with the update: one round trip,
      // and a read wasted only on a lost race.
      const [result, missing] = await Promise.all([
        documents().where({ _id: before._id, version: before.version }).update(changedFields(before, after)),
        missingOf(before.recentEvents).catch((error: unknown) => {
          console.error(`[${options.name}] could not check the log of ${before._id}; appending the previous events again`, error)
          return before.recentEvents
        }),
      ])
      if ((result as { updated?: number }).updated !== 1) return null
      const appended = appendEvents([...missing, ...after.recentEvents]).catch((error: unknown) => {
        console.error(`[${options.name}] events of ${after._id} v${after.version} not appended; the next write appends them`, error)
      })
      // After a lost append (rare), the earlier events are in no document's recentEvents: they land
      // before anyone reads the timeline.
      if (missing.length > 0) await appended
      return { saved: after, appended }
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
