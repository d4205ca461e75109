import { call } from './call'

let mine: Promise<string> | null = null

/**
 * The signed-in person's user id — their OPENID (directory.whoami's userId) — asked once per launch:
 * a person's photos go to their own folder of cloud storage, and the functions keep only photos from
 * the caller's folder. A failed ask is asked again next time.
 */
export function myUserId(): Promise<string> {
  mine ??= call('directory', 'whoami', {}).then((answer) => {
    if (!answer.ok) {
      mine = null
      throw new Error(`whoami: ${answer.code}`)
    }
    return answer.data.userId
  })
  return mine
}
