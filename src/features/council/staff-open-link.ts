import { Category, categoryLabels } from '@/types'

/** 每月一题 → 发起议题: the month's requests the topic answers, their kind, and a first title. */
export type OpenPrefill = { requestIds: string[]; category: Category | null; title: string }

export const openTopicUrl = ({ requestIds, category, title }: OpenPrefill): string =>
  `/pages-council/open/index?requestIds=${encodeURIComponent(requestIds.join(','))}${category ? `&category=${category}` : ''}&title=${encodeURIComponent(title)}`

/**
 * WeChat hands a page its query as written in the URL, still percent-encoded; Taro's H5 router hands
 * it decoded. Decoding what is already decoded fails only on a stray '%', which is then kept as is.
 */
function decoded(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function readPrefill(params: Partial<Record<string, string>>): OpenPrefill {
  const category = Category.safeParse(decoded(params.category))
  return {
    requestIds: decoded(params.requestIds).split(',').map((id) => id.trim()).filter(Boolean).slice(0, 50),
    category: category.success ? category.data : null,
    title: [...decoded(params.title)].slice(0, 60).join(''),
  }
}

/** The background's first lines for a topic that answers the month's requests: the committee edits on from here. */
export const prefillBackground = ({ requestIds, category }: OpenPrefill): string =>
  requestIds.length === 0 ? '' : `这个月居民反映${category ? `“${categoryLabels[category]}”方面的` : ''}问题 ${requestIds.length} 件，想请大家一起议一议怎么解决。`
