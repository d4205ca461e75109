import type { TopicScope } from '@/types'

export type ScopeKind = TopicScope['kind']

/** The scope as picked so far: which kind, and the ids ticked under each kind (kept while switching kinds). */
export type ScopeDraft = { kind: ScopeKind; communityIds: string[]; communityId: string | null; gridIds: string[]; buildingIds: string[] }

export const emptyScope = (communityIds: string[]): ScopeDraft => ({
  kind: 'community',
  // One community is the usual case: it is ticked from the start.
  communityIds: communityIds.length === 1 ? communityIds : [],
  communityId: communityIds.length === 1 ? communityIds[0] : null,
  gridIds: [],
  buildingIds: [],
})

/** The contract's scope, or null while nothing is ticked. */
export function scopeOf(draft: ScopeDraft): TopicScope | null {
  if (draft.kind === 'community') return draft.communityIds.length ? { kind: 'community', communityIds: draft.communityIds } : null
  if (draft.kind === 'grids') return draft.gridIds.length ? { kind: 'grids', gridIds: draft.gridIds } : null
  return draft.buildingIds.length ? { kind: 'buildings', buildingIds: draft.buildingIds } : null
}

export const toggle = (ids: string[], id: string): string[] => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])
