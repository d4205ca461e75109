import Taro, { useDidShow } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { TabBarSpace } from '@/components/tab-bar-space'
import { BigEntry } from '@/components/big-entry'
import { Failed, Loading } from '@/components/status-views'
import { BindingStatus } from '@/features/mine/binding-status'
import { ElderModeSwitch } from '@/features/mine/elder-mode-switch'
import { WhoAmICard } from '@/features/mine/whoami-card'
import { SignInEntry } from '@/features/sign-in/sign-in-entry'
import { useResult } from '@/hooks/use-result'
import { useSelectedTab } from '@/hooks/use-selected-tab'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { callUnchecked } from '@/services/call-unchecked'
import { staffRoles } from '@/services/labels'
import type { WhoAmI } from '@/types'

const go = (url: string) => () => void Taro.navigateTo({ url })

function Entries({ me }: { me: WhoAmI }) {
  const canBind = !me.household && !me.pendingBinding
  const canRegister = !me.party && !me.pendingRegistration
  const isStaff = me.roles.some((role) => staffRoles.has(role))
  return (
    <>
      <BigEntry title="我提交过的事" note="看办理进度、评价办理结果" onClick={go('/pages/requests/index')} />
      <BigEntry title="我的心愿" note="看有没有人认领，确认心愿实现" onClick={go('/pages-wish/mine/index')} />
      {me.roles.includes('partyMember') && <BigEntry title="认领微心愿" note="本支部的心愿、我的认领、服务记录" onClick={go('/pages-wish/member/index')} />}
      {canBind && <BigEntry tone="brand" title="绑定我家" note="选小区、楼栋和房号，居委会确认后就能参加议事投票" onClick={go('/pages-resident/bind/index')} />}
      {canRegister && <BigEntry title="党员报到" note="在职党员双报到也在这里登记" onClick={go('/pages-resident/party/index')} />}
      {isStaff && <BigEntry title="工作台" note="诉求收件箱、代办登记、看板，审核绑定和报到" onClick={go('/pages-staff/workbench/index')} />}
    </>
  )
}

export default function MinePage() {
  const me = useResult(() => callUnchecked('directory', 'whoami', {}), null)
  // Coming back from the binding or registration page must show the new pending request.
  useDidShow(() => me.reload())
  useSelectedTab()
  useUnreadBadge()

  return (
    <PageShell>
      <SignInEntry />
      {me.state === 'loading' && <Loading />}
      {me.state === 'failed' && <Failed code={me.code} onRetry={me.reload} />}
      {me.state === 'ready' && (
        <>
          <WhoAmICard me={me.data} />
          <BindingStatus me={me.data} />
        </>
      )}
      {/* On this phone, whoever is signed in: so it is there even when the rest cannot load. */}
      <ElderModeSwitch />
      {me.state === 'ready' && <Entries me={me.data} />}
      <TabBarSpace />
    </PageShell>
  )
}
