/** 138****5678: lists never show a full phone number (docs/DOMAIN.md, privacy). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

/** 1**2 for room 1202: enough for a resident to recognise their own, not to find a neighbour's door. */
export function maskRoom(room: string): string {
  if (room.length <= 2) return '*'.repeat(room.length)
  return `${room[0]}${'*'.repeat(room.length - 2)}${room[room.length - 1]}`
}

/** 王*: the surname only, and one star whatever the length, so the mask does not tell how long the name is. */
export const maskName = (name: string): string => `${[...name][0] ?? ''}*`
