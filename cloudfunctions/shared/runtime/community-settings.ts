import { z } from 'zod'
import { database } from './cloudbase'
import { Collections } from './collections'
import { findById } from './documents'

/**
 * What a committee sets for its own community (issue 7 Post: "Limits a committee can set"): one
 * document per community, `_id` the community's. A community that never set anything has the
 * defaults. A warm instance keeps a read a minute; a change through this instance is seen at once.
 */
export const CommunitySettings = z.object({
  _id: z.string(),
  wishes: z.object({ openPerHousehold: z.number().int().min(1).max(10) }).partial().default({}),
  /** Issue 8 Proposals: "a threshold (default: 10 households or 5% of units, the committee's setting)". */
  council: z.object({ proposalHouseholds: z.number().int().min(1).max(1000), proposalPercent: z.number().min(0.1).max(100) }).partial().default({}),
  updatedBy: z.string().optional(),
  updatedAt: z.number().optional(),
})
export type CommunitySettings = z.infer<typeof CommunitySettings>

/** Issue 7: "open wishes per household (default 2)". */
export const DEFAULT_OPEN_WISHES_PER_HOUSEHOLD = 2

export type WishLimits = { openPerHousehold: number }

const TTL_MS = 60_000
const cache = new Map<string, { at: number; settings: Promise<CommunitySettings | null> }>()

function read(communityId: string, now: number): Promise<CommunitySettings | null> {
  const hit = cache.get(communityId)
  if (hit && now - hit.at <= TTL_MS) return hit.settings
  const settings = findById(Collections.communitySettings, communityId, CommunitySettings)
  settings.catch(() => cache.delete(communityId))
  cache.set(communityId, { at: now, settings })
  return settings
}

export async function wishLimitsOf(communityId: string, now: number): Promise<WishLimits> {
  const settings = await read(communityId, now)
  return { openPerHousehold: settings?.wishes.openPerHousehold ?? DEFAULT_OPEN_WISHES_PER_HOUSEHOLD }
}

/**
 * Only the fields given change (a dotted update), so what the committee set for another job stays;
 * a community's first setting creates its document.
 */
export async function setWishLimits(communityId: string, limits: WishLimits, by: string, now: number): Promise<void> {
  const documents = database().collection(Collections.communitySettings)
  const changes = { 'wishes.openPerHousehold': limits.openPerHousehold, updatedBy: by, updatedAt: now }
  const result = (await documents.doc(communityId).update(changes)) as { updated?: number }
  if (result.updated === 0) await documents.doc(communityId).set({ wishes: { ...limits }, updatedBy: by, updatedAt: now })
  cache.delete(communityId)
}

/** The committee's proposal threshold, each part unset where it never set it (core/council/proposal.machine.ts defaultThreshold fills in). */
export async function proposalThresholdSetting(communityId: string, now: number): Promise<{ households?: number; percent?: number }> {
  const council = (await read(communityId, now))?.council ?? {}
  return { ...(council.proposalHouseholds !== undefined && { households: council.proposalHouseholds }), ...(council.proposalPercent !== undefined && { percent: council.proposalPercent }) }
}
