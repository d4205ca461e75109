import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useRef, type PropsWithChildren } from 'react'
import { ActionButton } from '@/components/action-button'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult, type Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { WhoAmI } from '@/types'

/** Whether the caller may use this page, as the server said it: true, or FORBIDDEN (or false). */
export type StaffAccess = Loaded<boolean> & { reload: () => void }

/** What every staff page says to someone it is not for, before they start anything on it. */
export function StaffOnly() {
  return (
    <Notice tone="info" title="这里是工作人员的页面">
      <Text>您现在的身份用不了这一页，不用在这里填写。如果您是社区工作人员，请联系社区开通权限。</Text>
      <ActionButton onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>回到首页</ActionButton>
    </Notice>
  )
}

/**
 * The one gate of the staff pages: the page shows once the server has said this caller may use it,
 * and a resident who opened it (a shared link, an old bookmark) is told so at once instead of being
 * refused after filling in a form. The server still checks every action: this only says it early.
 */
export function StaffGate({ access, children }: PropsWithChildren<{ access: StaffAccess }>) {
  // Asked again on every show and pull: once allowed, the page stays while the answer comes back.
  const allowed = useRef(false)
  if (access.state !== 'loading') allowed.current = access.state === 'ready' && access.data
  if (access.state === 'loading') return allowed.current ? <>{children}</> : <Loading what="正在确认您的身份" />
  if (access.state === 'failed' && access.code !== 'FORBIDDEN') return <Failed code={access.code} onRetry={access.reload} />
  if (access.state === 'failed' || !access.data) return <StaffOnly />
  return <>{children}</>
}

/** A page answered by one staff call (the inbox's counts): its FORBIDDEN is the gate's answer. */
export function accessOf<T>(loaded: Loaded<T> & { reload: () => void }): StaffAccess {
  return loaded.state === 'ready' ? { state: 'ready', data: true, reload: loaded.reload } : loaded
}

/**
 * For pages of work within a territory (代办, 巡查发现): the caller holds a grid, a community or a
 * street, as the server's `fileForOthers` right asks (request-policy holds()).
 */
export function useTerritoryAccess(): StaffAccess {
  const me = useResult(() => call('directory', 'whoami', {}), 'whoami')
  return me.state === 'ready' ? { state: 'ready', data: holdsTerritory(me.data), reload: me.reload } : me
}

export const holdsTerritory = ({ scopes }: Pick<WhoAmI, 'scopes'>): boolean => scopes.gridIds.length + scopes.communityIds.length + scopes.streetIds.length > 0
