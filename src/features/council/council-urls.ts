export const topicPage = '/pages-council/topic/index'
export const proposalPage = '/pages-council/proposal/index'

export const topicUrl = (topicId: string): string => `${topicPage}?id=${encodeURIComponent(topicId)}`
export const proposalUrl = (proposalId: string): string => `${proposalPage}?id=${encodeURIComponent(proposalId)}`
