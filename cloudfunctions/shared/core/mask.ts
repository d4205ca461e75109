/** 138****5678: lists never show a full phone number (docs/DOMAIN.md, privacy). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

/*
 * No maskRoom: a room masked to its first and last character (3*2) named one door for 157 of 157
 * rooms tried against the building's room list, which any resident reads to bind (issue 10, 3). A
 * room not shown in full is left out.
 */

/** 王*: the surname only, and one star whatever the length, so the mask does not tell how long the name is. */
export const maskName = (name: string): string => `${[...name][0] ?? ''}*`
