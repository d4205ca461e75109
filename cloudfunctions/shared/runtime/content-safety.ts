import { readFileSync } from 'node:fs'
import { cloudbaseApp } from './cloudbase'
import { wechatContentSafety } from './content-safety.wechat'
import { wordlistContentSafety } from './content-safety.wordlist'
import { localWordlist } from './local-wordlist'
import { settings } from './settings'

/**
 * Content safety before anyone else sees a resident's words. `ok: false` never drops the item: the use
 * case sends it to the committee's review queue with the reason.
 */
export type ContentVerdict = { ok: true } | { ok: false; reason: string }
export type ContentSafety = { checkText(text: string, author: { openid: string }): Promise<ContentVerdict> }

let chosen: ContentSafety | undefined

/** The adapter the settings name, made once per function instance. */
export function contentSafety(): ContentSafety {
  chosen ??= make()
  return chosen
}

function make(): ContentSafety {
  const config = settings()
  if (config.contentSafety === 'wechat') return wechatContentSafety(cloudbaseApp())
  const extra = config.wordlistFile ? readFileSync(config.wordlistFile, 'utf8').split('\n') : []
  return wordlistContentSafety([...localWordlist, ...extra])
}
