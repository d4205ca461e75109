import { Text } from '@tarojs/components'
import { useState } from 'react'
import { Form } from '@/components/form'
import { Failed, Loading, Notice } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { WishSettings } from '@/types'

const MIN = 1
const MAX = 10

/** One community's limit as the server keeps it; FORBIDDEN means it is not this person's to set. */
export function LimitForm({ communityId, name }: { communityId: string; name?: string }) {
  const settings = useResult(() => call('wishes', 'settings', { communityId }), communityId)
  if (settings.state === 'loading') return <Loading />
  if (settings.state === 'failed') return settings.code === 'FORBIDDEN' ? null : <Failed code={settings.code} onRetry={settings.reload} />
  return <LimitEditor settings={settings.data} name={name} />
}

function LimitEditor({ settings, name }: { settings: WishSettings; name?: string }) {
  const [saved, setSaved] = useState(settings.openPerHousehold)
  const [value, setValue] = useState(String(settings.openPerHousehold))
  const [done, setDone] = useState(false)
  const limit = Number(value.trim())
  const form = useForm({
    values: { openPerHousehold: value },
    check: () => ({ openPerHousehold: Number.isInteger(limit) && limit >= MIN && limit <= MAX ? null : `请填写 ${MIN} 到 ${MAX} 之间的整数。` }),
  })

  const save = () => {
    setDone(false)
    // What the server kept is shown, not what was typed.
    form.submit(
      () => call('wishes', 'updateSettings', { communityId: settings.communityId, openPerHousehold: limit }),
      (kept) => {
        setSaved(kept.openPerHousehold)
        setValue(String(kept.openPerHousehold))
        setDone(true)
      },
    )
  }

  return (
    <Form form={form} className="form wish-limit" button="保存" onSubmit={save}>
      {name && <Text className="form__title">{name}</Text>}
      <Text className="wish-limit__now">{`现在：每户最多同时 ${saved} 个心愿`}</Text>
      <TextField
        label="每户同时进行的心愿数"
        type="number"
        value={value}
        maxlength={2}
        placeholder={`${MIN} 到 ${MAX}`}
        hint="核实中、已发布、已认领和等待确认的都算在内；到了上限，居民要等一个心愿办完才能再说新的。"
        onChange={(next) => {
          setValue(next)
          setDone(false)
        }}
        {...form.field('openPerHousehold')}
      />
      {done && <Notice tone="ok" title={`已保存：每户最多同时 ${saved} 个心愿`} />}
    </Form>
  )
}
