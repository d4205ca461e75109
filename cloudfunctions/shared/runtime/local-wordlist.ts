/**
 * The local CloudBase's content-safety list: a handful of words msgSecCheck would certainly flag, so
 * the review queue can be tried in the demo and the tests. Not a moderation policy; production uses
 * msgSecCheck (CONTENT_SAFETY=wechat). CONTENT_WORDLIST_FILE adds a deployment's own words.
 */
export const localWordlist: readonly string[] = ['代开发票', '办假证', '赌博网站', '裸聊', '枪支弹药', '冰毒']
