import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Failed, Loading } from '@/components/status-views'
import type { Loaded } from '@/hooks/use-result'
import type { ActionOutput } from '@/types'

type Overdue = ActionOutput<'requests', 'inbox'>

const go = (url: string) => () => void Taro.navigateTo({ url })

/** The ways into request work, with what is already late said on the first one. */
export function RequestEntries({ overdue, reload }: { overdue: Loaded<Overdue>; reload: () => void }) {
  const late = overdue.state === 'ready' ? overdue.data.items.length : 0
  const more = overdue.state === 'ready' && overdue.data.nextCursor !== null
  return (
    <View className="section">
      <Text className="section__title">居民诉求</Text>
      {overdue.state === 'loading' && <Loading />}
      {overdue.state === 'failed' && <Failed code={overdue.code} onRetry={reload} />}
      <BigEntry
        tone="brand"
        title="诉求收件箱"
        badge={late > 0 ? `${late}${more ? '+' : ''} 件已超时` : undefined}
        note="待接单、办理中、待评价，超时的排在最前"
        onClick={go('/pages-staff/inbox/index')}
      />
      <BigEntry title="代居民登记（代办）" note="居民不会用手机，替他把事情登记上" onClick={go('/pages-staff/file/index?kind=onBehalf')} />
      <BigEntry title="巡查发现（主动治理）" note="走访中发现的问题，未诉先办" onClick={go('/pages-staff/file/index?kind=proactive')} />
      <BigEntry title="网格看板" note="响应率、解决率、满意率和超时清单" onClick={go('/pages-staff/dashboard/index')} />
    </View>
  )
}
