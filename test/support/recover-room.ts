import { expectOk, type TestCloudbase } from './test-cloudbase'

export type RoomList = { id: string; room: string }[]

/** A building's room list, as any resident reads it to bind their household (directory listHouseholds). */
export async function roomListOf(cloud: TestCloudbase, buildingId: string): Promise<RoomList> {
  return expectOk(await cloud.call('demo-resident-unbound', 'directory', 'listHouseholds', { buildingId }))
}

/**
 * The attack of issue 10 (3), run over an answer: every room it gives away, given the building's room
 * list — a household id the list names, a mask (3*2) that only one room of the list fits, or a room
 * in full. Masks of other things (a phone's 139****5678, a name's 王*) fit no room and give nothing.
 */
export function recoveredRooms(answer: unknown, rooms: RoomList): string[] {
  const found = new Set<string>()
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      for (const { id, room } of rooms) if (value.includes(id)) found.add(room)
      if (value.includes('*')) {
        const mask = new RegExp(`^${value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.')}$`)
        const fits = rooms.filter((r) => mask.test(r.room))
        if (fits.length === 1) found.add(fits[0].room)
      }
      if (key === 'room') found.add(value)
    } else if (Array.isArray(value)) value.forEach((item) => visit(item))
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
  }
  visit(answer)
  return [...found]
}
