import type { OptionKey, TopicOptions } from '@/types'

/** A topic's option keys in the order the ballot shows them: yes / no / abstain, or c0…c7 for its choices. */
export function optionKeys(options: TopicOptions): OptionKey[] {
  return options.kind === 'yesNo' ? ['yes', 'no', 'abstain'] : options.choices.map((_, index) => `c${index}`)
}

/** How many a ballot may pick: one for a yes/no question. */
export const maxPicksOf = (options: TopicOptions): number => (options.kind === 'yesNo' ? 1 : options.maxPicks)
