import { Text, View } from '@tarojs/components'
import { CheckRow } from '@/components/check-row'
import { FieldError, fieldBox } from '@/components/form'
import { Failed, Loading } from '@/components/status-views'
import type { FieldState } from '@/hooks/use-form'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'

const postWords = {
  gridWorker: '网格员',
  committee: '居委会',
  streetAdmin: '街道',
  propertyContact: '物业',
  elderlyServices: '为老服务',
} as const

type Props = { label: string; communityId: string; chosen: string[]; onChange: (ids: string[]) => void; single?: boolean } & Partial<FieldState>

/** Colleagues by name and post, the item's own community first: nobody has to know an account id. */
export function ColleaguePicker({ label, communityId, chosen, onChange, single, id, error }: Props) {
  const colleagues = useResult(() => call('directory', 'listColleagues', { communityId }), communityId)
  const toggle = (id: string, on: boolean) => {
    if (single) return onChange(on ? [id] : [])
    onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id))
  }
  return (
    <View {...fieldBox(id, error)} role="group" aria-label={label}>
      <Text className="field__label">{label}</Text>
      <FieldError error={error} />
      {colleagues.state === 'loading' && <Loading what="正在读取同事名单" />}
      {colleagues.state === 'failed' && <Failed code={colleagues.code} onRetry={colleagues.reload} />}
      {colleagues.state === 'ready' &&
        colleagues.data.map((colleague) => (
          <CheckRow
            key={colleague.id}
            label={`${colleague.name}（${postWords[colleague.post]}${colleague.sameCommunity ? '' : '，外社区'}）`}
            checked={chosen.includes(colleague.id)}
            onChange={(on) => toggle(colleague.id, on)}
          />
        ))}
    </View>
  )
}
