import type { DecisionRule, FollowStage, ProposalStatus, SpeakerRole, TopicOptions, TopicStatus, Verdict, VotingUnit } from '@/types'
import { GATHERING_DAYS } from '@/types/vocabulary'

/** How each status of a topic reads. Words only: which follows which is the server's (topic.machine.ts). */
export const topicStatusLabels: Record<TopicStatus, string> = {
  deliberating: '讨论中，还没开始投票',
  voting: '正在投票',
  closed: '投票结束',
  following: '正在落实',
  done: '已经办完',
  cancelled: '已取消',
}

export const verdictLabels: Record<Verdict, string> = { decided: '通过', notDecided: '没有通过', noQuorum: '参加的人不够，不算数' }

export const followStageLabels: Record<FollowStage, string> = { planned: '已列入计划', inProgress: '正在办', done: '办完了' }

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  gathering: '正在征集联署',
  awaitingDecision: '联署够了，等居委会决定',
  accepted: '居委会同意，已成为议题',
  declined: '居委会没有采纳',
  expired: `${GATHERING_DAYS} 天内联署不够，已结束`,
  withdrawn: '发起人已撤回',
}

export const unitLabels: Record<VotingUnit, string> = { person: '每位认证居民一票', household: '每户一票' }

export const speakerRoleLabels: Record<SpeakerRole, string> = {
  committee: '居委会',
  property: '物业',
  ownersCommittee: '业委会',
  residentRep: '居民代表',
  resident: '居民',
}

/**
 * The decision rule in plain words, for the topic page (issue 8: "the rule in plain words"); the
 * thresholds are 民法典 art. 278's and the rules' own (core/council/decision-rules.ts).
 */
export const ruleWords: Record<DecisionRule, string> = {
  majority: '赞成票多于反对票就通过（弃权不算赞成也不算反对）。',
  twoThirds: '赞成票达到赞成和反对总数的三分之二就通过。',
  art278:
    '业主共同决定（民法典第278条）：专有面积占三分之二以上、人数占三分之二以上的业主参加表决，并且参加表决的业主中面积过半、人数过半同意才通过。只有业主能投票，每户一票。',
  art278Special:
    '业主共同决定的重大事项（民法典第278条，维修资金、改建重建、改变共有部分用途）：专有面积和人数都占三分之二以上的业主参加，并且参加的业主中面积和人数都达到四分之三以上同意才通过。只有业主能投票，每户一票。',
}

/** The words of each option key: yes / no / abstain, or the topic's own choices. */
export function optionLabel(options: TopicOptions, key: string): string {
  if (options.kind === 'choices') return options.choices[Number(key.slice(1))] ?? key
  return ({ yes: '赞成', no: '反对', abstain: '弃权' } as Record<string, string>)[key] ?? key
}
