import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { PageShell } from '@/components/page-shell'
import { Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'

const go = (url: string) => () => void Taro.navigateTo({ url })

/**
 * 微心愿's front door: what a wish is, in a few plain words, and one way on for each thing a person
 * comes here to do. Party members also get the way to the wishes of their branch; who is one is the
 * server's word (whoami), and a failed look only leaves that entry out.
 */
export default function WishHomePage() {
  const me = useResult(() => call('directory', 'whoami', {}), null)
  // Back from 党员报到, a newly verified member finds their entry.
  useDidShow(() => me.reload())
  const member = me.state === 'ready' && me.data.roles.includes('partyMember')

  return (
    <PageShell>
      <Notice tone="info" title="什么是微心愿">
        <Text>生活里一件需要人帮的小事：买药、陪着去医院、修个门锁、孩子缺个书包。</Text>
        <Text>您说出来，居委会核实后，住在附近的党员会认领，帮您办到。办好了，您点个确认就行。</Text>
      </Notice>
      <BigEntry tone="brand" title="说个心愿" note="需要什么帮助，告诉我们" onClick={go('/pages-wish/post/index')} />
      <BigEntry title="我的心愿" note="看有没有人认领、办到哪一步了" onClick={go('/pages-wish/mine/index')} />
      <BigEntry title="心愿墙" note="社区里已经实现的心愿" onClick={go('/pages-wish/wall/index')} />
      {member && <BigEntry title="认领微心愿" note="党员：看本支部的心愿，认领并帮忙实现" onClick={go('/pages-wish/member/index')} />}
    </PageShell>
  )
}
