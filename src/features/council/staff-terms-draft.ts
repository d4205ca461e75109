import type { Problems } from '@/hooks/use-form'
import { ownersOnly, type ActionInput, type DecisionRule, type VotingUnit } from '@/types'
import { noonOfDay, startOfNextShanghaiDay, startOfShanghaiDay } from '@/types/calendar'

const DAY_MS = 24 * 3_600_000

/** What the committee gives for a topic, opened directly or accepted from a proposal (the contract's TopicTerms). */
export type TopicTerms = Omit<ActionInput<'council', 'openTopic'>, 'idempotencyKey' | 'scope'>

/** The form as typed: texts as typed, the window as two Beijing days (noon of each, as the date pickers give them). */
export type TermsDraft = {
  title: string
  background: string
  unit: VotingUnit
  rule: DecisionRule
  optionsKind: 'yesNo' | 'choices'
  choices: string[]
  maxPicks: number
  quorumPercent: string
  opensDay: number
  closesDay: number
}

export const MIN_CHOICES = 2
export const MAX_CHOICES = 8

/** A week of voting from today: time for residents who open the app once a week. */
export const emptyDraft = (now: number, over: Partial<TermsDraft> = {}): TermsDraft => ({
  title: '',
  background: '',
  unit: 'household',
  rule: 'majority',
  optionsKind: 'yesNo',
  choices: ['', ''],
  maxPicks: 1,
  quorumPercent: '50',
  opensDay: noonOfDay(now),
  closesDay: noonOfDay(now) + 7 * DAY_MS,
  ...over,
})

/** Choosing an art. 278 rule sets what it forces, so the form never shows a combination the server refuses. */
export function withRule(draft: TermsDraft, rule: DecisionRule): TermsDraft {
  return ownersOnly(rule) ? { ...draft, rule, unit: 'household', optionsKind: 'yesNo' } : { ...draft, rule }
}

const chars = (text: string) => [...text.trim()].length

/** The fields of the terms, named as the contract names them, so the functions' refusals find them too. */
export type TermsField = 'title' | 'background' | 'options' | 'quorumPercent' | 'closesAt'

/** What is wrong with the draft, field by field, in the words the form shows. */
export function termsProblems(draft: TermsDraft): Problems<TermsField> {
  return {
    title: !draft.title.trim() ? '请写议题的标题。' : chars(draft.title) > 60 ? '标题最多 60 个字。' : null,
    background: !draft.background.trim() ? '请写一下背景：为什么要议、现在是什么情况。' : chars(draft.background) > 3000 ? '背景最多 3000 个字。' : null,
    options: draft.optionsKind === 'choices' ? choicesProblem(draft.choices.map((choice) => choice.trim())) : null,
    quorumPercent: ownersOnly(draft.rule) || validQuorum(draft.quorumPercent.trim()) ? null : '最低参与比例请填 0 到 100 的整数。',
    closesAt: draft.closesDay < draft.opensDay ? '结束投票的日子不能早于开始的日子。' : null,
  }
}

function choicesProblem(choices: string[]): string | null {
  if (choices.some((choice) => !choice)) return '每个选项都要写上内容，用不着的请删掉。'
  if (choices.some((choice) => chars(choice) > 40)) return '每个选项最多 40 个字。'
  if (new Set(choices).size !== choices.length) return '有两个选项写得一样，请改一下。'
  return null
}

function validQuorum(typed: string): boolean {
  const quorum = Number(typed)
  return typed !== '' && Number.isInteger(quorum) && quorum >= 0 && quorum <= 100
}

/**
 * The terms the contract takes. Voting opens at the start of the first Beijing day (now, if that day
 * is today) and closes when the last day ends (24:00 Beijing). Under art. 278 the law's own two-thirds
 * participation is the quorum, so the field is not asked and 0 is sent.
 */
export function termsOf(draft: TermsDraft, photos: string[], now: number, fromRequestIds?: string[]): TopicTerms {
  return {
    title: draft.title.trim(),
    background: draft.background.trim(),
    photos,
    unit: draft.unit,
    options:
      draft.optionsKind === 'yesNo'
        ? { kind: 'yesNo' }
        : { kind: 'choices', choices: draft.choices.map((choice) => choice.trim()), maxPicks: Math.min(draft.maxPicks, draft.choices.length) },
    rule: draft.rule,
    quorumPercent: ownersOnly(draft.rule) ? 0 : Number(draft.quorumPercent.trim()),
    opensAt: Math.max(startOfShanghaiDay(draft.opensDay), now),
    closesAt: startOfNextShanghaiDay(draft.closesDay),
    ...(fromRequestIds && fromRequestIds.length > 0 ? { fromRequestIds } : {}),
  }
}
