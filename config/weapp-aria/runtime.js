// The runtime half of ./index.ts: Taro's runtime renames each prop a template knows to its short
// alias (hydrate → componentsAlias), so it must know the same View attributes as the build's
// templates, or aria-label would reach setData under a name the template never reads.
import { mergeInternalComponents } from '@tarojs/shared'

mergeInternalComponents({ View: { 'aria-label': '' } })
