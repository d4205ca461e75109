import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { ChoiceList } from '@/components/choice-list'
import { Empty, Loading, Notice } from '@/components/status-views'
import { isAppPath, isTabPath } from '@/services/current-page'
import { listPersonas, signInAs, type Persona } from '@/services/demo-personas'
import { readDemoPersona, signOut } from '@/services/demo-session'

type State = { state: 'loading' } | { state: 'ready'; personas: Persona[] } | { state: 'failed' }

/** Back to the page that sent the resident here (signed out there), else to 我的. */
function goOn(back: string | undefined) {
  const url = back ? decodeURIComponent(back) : ''
  if (!isAppPath(url)) return Taro.switchTab({ url: '/pages/mine/index' })
  return isTabPath(url) ? Taro.switchTab({ url: url.split('?')[0] }) : Taro.redirectTo({ url })
}

/** H5 only (app.config leaves it out of the mini-program): pick one of the local host's demo personas. */
export default function SignInPage() {
  const [loaded, setLoaded] = useState<State>({ state: 'loading' })
  const [busy, setBusy] = useState(false)
  const current = readDemoPersona()
  const { back } = useRouter().params

  useEffect(() => {
    listPersonas().then(
      (personas) => setLoaded({ state: 'ready', personas }),
      () => setLoaded({ state: 'failed' }),
    )
  }, [])

  const pick = async (persona: Persona) => {
    if (busy) return
    setBusy(true)
    try {
      await signInAs(persona)
      await Taro.showToast({ title: `已登录：${persona.label}`, icon: 'none' })
      await goOn(back)
    } catch {
      await Taro.showToast({ title: '登录没有成功，请再试一次', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const leave = () => {
    signOut()
    void Taro.switchTab({ url: '/pages/mine/index' })
  }

  return (
    <PageShell>
      <Notice tone="info" title="这是本地演示登录，不是微信登录">
        <Text>在电脑上试用居村通时，请选一个演示身份。正式的小程序由微信确认您的身份，不需要这一步。</Text>
      </Notice>
      {loaded.state === 'loading' && <Loading what="正在读取演示身份" />}
      {loaded.state === 'failed' && <Notice tone="bad" title="没有连上本地演示服务">请确认已经用 npm start 启动。</Notice>}
      {loaded.state === 'ready' && loaded.personas.length === 0 && <Empty>本地演示服务里没有演示身份。</Empty>}
      {loaded.state === 'ready' && (
        <ChoiceList
          choices={loaded.personas.map((p) => ({ id: p.openid, title: p.label, note: p.description }))}
          onPick={(choice) => {
            const persona = loaded.personas.find((p) => p.openid === choice.id)
            if (persona) void pick(persona)
          }}
        />
      )}
      {current && (
        <View className="actions">
          <ActionButton onClick={leave}>
            退出演示身份（{current.label}）
          </ActionButton>
        </View>
      )}
    </PageShell>
  )
}
