import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { GATHERING_DAYS, type ProposalView } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { proposalUrl } from './council-urls'

/**
 * Right after proposing: how many co-signers it needs, by when, and what happens then. A small scope
 * (a building of a dozen homes) may need no more than the proposer's own household: it goes before
 * the committee at once, and saying "请邻居联署" then would send her after signatures nobody needs.
 */
export function ProposalPosted({ proposal }: { proposal: ProposalView }) {
  const before = proposal.status === 'awaitingDecision'
  return (
    <>
      {before ? (
        <Notice tone="ok" title="提议发起好了，已交给居委会">
          <Text>{`这个范围需要 ${proposal.threshold} 户联署，您家发起就算够了。居委会会决定要不要请大家投票，不同意也会写明原因。`}</Text>
          <Text>有进展会在“消息”里告诉您。</Text>
        </Notice>
      ) : (
        <Notice tone="ok" title="提议发起好了">
          <Text>{`需要 ${proposal.threshold} 户邻居联署，现在有 ${proposal.signatures} 户。`}</Text>
          <Text>{`${GATHERING_DAYS} 天内，也就是 ${dateTimeLine(proposal.expiresAt)} 前凑够，就交给居委会决定要不要请大家投票；凑不够，提议就结束了。`}</Text>
          <Text>可以把提议分享给邻居，请他们来联署。有进展会在“消息”里告诉您。</Text>
        </Notice>
      )}
      <BigEntry tone="brand" title="看这个提议" note={before ? '提议写了什么、居委会怎么决定' : '联署了多少户、还差多少'} onClick={() => void Taro.redirectTo({ url: proposalUrl(proposal._id) })} />
    </>
  )
}
