import type { NoticeKind } from '../../../../types/notice.schema'
import { GATHERING_DAYS, type ProposalEvent, type TopicEvent } from '../../../../types/council.schema'

/**
 * Who hears of a step of a topic or a proposal; the runtime turns each into people.
 * `voters`: whoever cast a ballot that counted; `supporters`: the proposal's proposer and co-signers;
 * `filers`: the residents of the month's requests a topic answers (每月一题); `committee`: the staff
 * of the community.
 */
export type CouncilAudience = 'voters' | 'supporters' | 'proposer' | 'filers' | 'committee'
export type CouncilNotice = { audience: CouncilAudience; kind: NoticeKind; title: string }

/**
 * Issue 8: "voters, co-signers and followers are told" of the follow-through, and the result once
 * published; a proposal's supporters of its fate; the committee of a proposal that reached its
 * threshold; 每月一题's filers of the topic answering their requests and of what became of it.
 */
const topicRules: Partial<Record<TopicEvent['action'], CouncilNotice[]>> = {
  // Issue 9: whoever brought the topic about hears that it will not go ahead, with the committee's reason (the note).
  cancel: [
    { audience: 'supporters', kind: 'progress', title: '您联署的议题已取消' },
    { audience: 'filers', kind: 'progress', title: '与您反映的事相关的议题已取消' },
  ],
  open: [{ audience: 'filers', kind: 'progress', title: '您反映的事已列为议题，请参与讨论' }],
  close: [
    { audience: 'voters', kind: 'progress', title: '您参与投票的议题结果已公布' },
    { audience: 'supporters', kind: 'progress', title: '您联署的议题结果已公布' },
    { audience: 'filers', kind: 'progress', title: '与您反映的事相关的议题有结果了' },
  ],
  postUpdate: [
    { audience: 'voters', kind: 'progress', title: '议题有新进展' },
    { audience: 'supporters', kind: 'progress', title: '议题有新进展' },
    { audience: 'filers', kind: 'progress', title: '议题有新进展' },
  ],
  finish: [
    { audience: 'voters', kind: 'progress', title: '议题已经办完' },
    { audience: 'supporters', kind: 'progress', title: '议题已经办完' },
    { audience: 'filers', kind: 'progress', title: '议题已经办完' },
  ],
}

const proposalRules: Partial<Record<ProposalEvent['action'], CouncilNotice[]>> = {
  reachThreshold: [{ audience: 'committee', kind: 'review', title: '居民提议联署已够，请决定' }, { audience: 'proposer', kind: 'progress', title: '您的提议联署已够，等居委会决定' }],
  accept: [{ audience: 'supporters', kind: 'progress', title: '您支持的提议已成为议题' }],
  decline: [{ audience: 'supporters', kind: 'progress', title: '您支持的提议没有被采纳' }],
  expire: [{ audience: 'proposer', kind: 'progress', title: `提议${GATHERING_DAYS}天内联署不够，已结束` }],
  // The proposer withdrew it: those who co-signed it would otherwise wait for it.
  withdraw: [{ audience: 'supporters', kind: 'progress', title: '您联署的提议已被提议人撤回' }],
}

export const topicNoticesFor = (event: TopicEvent): CouncilNotice[] => topicRules[event.action] ?? []
export const proposalNoticesFor = (event: ProposalEvent): CouncilNotice[] => proposalRules[event.action] ?? []
