import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import type { ProposalView } from '@/types'

/** The proposer's way out while co-signers gather, asked twice: a withdrawn proposal cannot come back. */
export function WithdrawProposal({ proposalId, onWithdrawn }: { proposalId: string; onWithdrawn: (proposal: ProposalView) => void }) {
  const [asking, setAsking] = useState(false)
  const { busy, problem, send } = useSend()
  const withdraw = () =>
    void send(
      () => call('council', 'withdrawProposal', { proposalId }),
      (proposal) => {
        setAsking(false)
        onWithdrawn(proposal)
        void Taro.showToast({ title: '提议已撤回', icon: 'none' })
      },
    )
  return (
    <View className="section">
      <Text className="section__title">不需要了？</Text>
      {!asking && <ActionButton onClick={() => setAsking(true)}>撤回提议</ActionButton>}
      {asking && (
        <View className="form">
          <Text>撤回后，这个提议就结束了，已经联署的邻居也会看到它撤回了。确定撤回吗？</Text>
          {problem && <FormError>{problem}</FormError>}
          <ActionButton tone="danger" busy={busy} onClick={withdraw}>
            确认撤回
          </ActionButton>
          <ActionButton onClick={() => setAsking(false)}>不撤回</ActionButton>
        </View>
      )}
    </View>
  )
}
