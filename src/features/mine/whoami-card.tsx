import { Text, View } from '@tarojs/components'
import type { WhoAmI } from '@/types'
import { householdLine, roleLabels } from '@/services/labels'

function partyLine(me: WhoAmI): string {
  if (me.party?.status === 'verified') return `已报到 · ${me.party.branchName}`
  if (me.party || me.pendingRegistration) return '报到申请已提交，等待支部书记确认'
  return '没有登记'
}

/** Who the server says I am: the resident can check every line and see what is still missing. */
export function WhoAmICard({ me }: { me: WhoAmI }) {
  return (
    <View className="card">
      <Text className="card__title">{me.name ?? '您好'}</Text>
      <View className="card__row">
        <Text className="card__key">身份</Text>
        <Text>{me.roles.map((role) => roleLabels[role]).join('、')}</Text>
      </View>
      <View className="card__row">
        <Text className="card__key">我家</Text>
        <Text>{me.household ? householdLine(me.household) : '还没有绑定'}</Text>
      </View>
      <View className="card__row">
        <Text className="card__key">党员</Text>
        <Text>{partyLine(me)}</Text>
      </View>
    </View>
  )
}
