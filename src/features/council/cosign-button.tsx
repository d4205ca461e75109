import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { askAtTap } from '@/services/subscribe'
import type { ProposalView } from '@/types'

/** 联署: one signature per household, the server's to count; the tap also asks to hear what comes of it. */
export function CosignButton({ proposalId, onSigned }: { proposalId: string; onSigned: (proposal: ProposalView) => void }) {
  const { busy, problem, send } = useSend()
  const sign = () => {
    void askAtTap(['progress'])
    void send(
      () => call('council', 'cosign', { proposalId }),
      (proposal) => {
        onSigned(proposal)
        void Taro.showToast({ title: '联署成功', icon: 'none' })
      },
    )
  }
  return (
    <View className="section">
      <Text className="section__note">赞成把这件事拿出来大家商量，就点联署。每户联署一次。</Text>
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={sign}>
        {busy ? '正在联署…' : '联署'}
      </ActionButton>
    </View>
  )
}
