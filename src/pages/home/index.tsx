import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { useUnreadBadge } from '@/hooks/use-unread-badge'

export default function HomePage() {
  useUnreadBadge()
  return (
    <PageShell>
      <View className="greeting">
        <Text className="greeting__title">居村通</Text>
        <Text className="greeting__note">有事找居委，不用跑腿</Text>
      </View>
      <BigEntry tone="brand" title="有困难找居村" note="家门口的难事，告诉我们，网格员来帮您" onClick={() => void Taro.navigateTo({ url: '/pages/help/index' })} />
      <BigEntry title="微心愿" note="说出一个小心愿，党员志愿者帮您实现" onClick={() => void Taro.navigateTo({ url: '/pages-wish/home/index' })} />
      <BigEntry title="邻里议事厅" note="小区里的事，大家商量着办" onClick={() => void Taro.navigateTo({ url: '/pages-council/home/index' })} />
    </PageShell>
  )
}
