import { councilActions } from '../../types/council.actions'
import { createFunction } from '../shared/runtime/function-entry'
import { decideAssistedBallot, enterAssistedBallot, listAssistedBallots, preloadAssisted, preloadAssistedEntry } from './assisted.use-cases'
import { comment, comments, hideComment, preloadComment, preloadHiddenComment } from './comments.use-cases'
import { adoptMonthlyQuestion, monthlyClusters } from './monthly.use-cases'
import { cosign, decideProposal, listProposals, preloadDecided, preloadProposed, proposal, propose, withdrawProposal } from './proposals.use-cases'
import { addMinutes, cancelTopic, closeTopic, countElectorate, listTopics, openTopic, postUpdate, preloadOpenedTopic, proof, topic, votedUnits } from './topics.use-cases'
import { preloadTopic } from './topic-store'
import { preloadProposal } from './proposal-store'
import { vote } from './vote.use-case'

/**
 * 邻里议事厅 and 每月一题 (issue 8): topics the committee opens, or residents propose and gather
 * co-signers for; deliberation; one sealed ballot per unit; a close that stores a result with its
 * proof; follow-through. Every text someone else reads is screened here before the use case runs.
 */
export const main = createFunction('council', councilActions, {
  countElectorate, openTopic, listTopics, topic, vote, cancelTopic, closeTopic, postUpdate, addMinutes, proof, votedUnits,
  comments, comment, hideComment,
  propose, listProposals, proposal, cosign, withdrawProposal, decideProposal,
  enterAssistedBallot, listAssistedBallots, decideAssistedBallot,
  monthlyClusters, adoptMonthlyQuestion,
}, {
  screened: {
    openTopic: (input) => [
      { text: input.title, field: 'title', label: '议题', scene: 'forum' },
      { text: input.background, field: 'background', label: '议题背景', scene: 'forum' },
      ...(input.options.kind === 'choices' ? [{ text: input.options.choices.join('\n'), field: 'options', label: '选项', scene: 'forum' as const }] : []),
    ],
    cancelTopic: (input) => [{ text: input.reason, field: 'reason', label: '取消原因', scene: 'comment' }],
    postUpdate: (input) => [{ text: input.text, field: 'text', label: '进展', scene: 'forum' }],
    addMinutes: (input) => [{ text: input.text, field: 'text', label: '议事会纪要', scene: 'forum' }],
    comment: (input) => [{ text: input.text, field: 'text', label: '留言', scene: 'comment' }],
    hideComment: (input) => [{ text: input.reason, field: 'reason', label: '隐藏原因', scene: 'comment' }],
    propose: (input) => [{ text: input.title, field: 'title', label: '提议', scene: 'forum' }, { text: input.background, field: 'background', label: '提议说明', scene: 'forum' }],
    decideProposal: (input) => (input.decision === 'decline'
      ? [{ text: input.reason, field: 'reason', label: '不采纳的原因', scene: 'comment' }]
      : [{ text: input.topic.title, field: 'topic.title', label: '议题', scene: 'forum' }, { text: input.topic.background, field: 'topic.background', label: '议题背景', scene: 'forum' }]),
    enterAssistedBallot: (input) => (input.note ? [{ text: input.note, field: 'note', label: '说明', scene: 'comment' }] : []),
    decideAssistedBallot: (input) => (input.decision === 'refuse' ? [{ text: input.reason, field: 'reason', label: '退回原因', scene: 'comment' }] : []),
    adoptMonthlyQuestion: (input) => [{ text: input.text, field: 'text', label: '每月一题', scene: 'forum' }],
  },
  // A vote reads its topic's terms from the warm instance (topic-store topicTermsOf), not here.
  preloads: {
    openTopic: preloadOpenedTopic,
    topic: preloadTopic,
    cancelTopic: preloadTopic,
    closeTopic: preloadTopic,
    postUpdate: preloadTopic,
    addMinutes: preloadTopic,
    proof: preloadTopic,
    votedUnits: preloadTopic,
    comment: preloadComment,
    hideComment: preloadHiddenComment,
    enterAssistedBallot: preloadAssisted,
    decideAssistedBallot: preloadAssistedEntry,
    proposal: preloadProposal,
    cosign: preloadProposal,
    withdrawProposal: preloadProposal,
    decideProposal: preloadDecided,
    propose: preloadProposed,
  },
})
