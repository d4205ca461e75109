import { useState } from 'react'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { GeoPoint } from '@/types'

/** The map of the community around `near` (else the caller's own), and a way to look at another one. */
export function useCommunityMap(near?: GeoPoint | null) {
  const [communityId, setCommunityId] = useState<string | null>(null)
  const input = communityId ? { communityId } : near ? { near } : {}
  const map = useResult(() => call('directory', 'communityMap', input), JSON.stringify(input))
  return { map, showCommunity: setCommunityId }
}
