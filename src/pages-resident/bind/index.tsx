import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { Notice } from '@/components/status-views'
import { BindingForm } from '@/features/bind/binding-form'

export default function BindPage() {
  const done = async () => {
    await Taro.showToast({ title: '已提交，请等居委会确认', icon: 'none', duration: 2500 })
    await Taro.navigateBack()
  }
  return (
    <PageShell>
      <Notice tone="info" title="为什么要绑定">
        <Text>绑定后，您反映的问题会直接交给您家所在网格的工作人员，也能参加本小区的议事投票。</Text>
      </Notice>
      <BindingForm onDone={done} />
    </PageShell>
  )
}
