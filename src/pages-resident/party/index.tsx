import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { Notice } from '@/components/status-views'
import { PartyForm } from '@/features/party/party-form'

export default function PartyPage() {
  const done = async () => {
    await Taro.showToast({ title: '已提交，请等支部书记确认', icon: 'none', duration: 2500 })
    await Taro.navigateBack()
  }
  return (
    <PageShell>
      <Notice tone="info" title="党员报到">
        <Text>报到后，您可以认领本支部的微心愿，参加网格里的志愿服务。</Text>
      </Notice>
      <PartyForm onDone={done} />
    </PageShell>
  )
}
