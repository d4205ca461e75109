import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { deliveryLabels, wishStatusLabels } from '@/services/wish-labels'
import type { WishDetail } from '@/types'
import { neededByLine } from './needed-by'
import { wishUrl } from './open-wish'

/** Right after posting: what happens next and who will see what, so nobody wonders where it went. */
export function WishPosted({ wish }: { wish: WishDetail }) {
  const seen = wish.delivery === 'home' ? '姓名、电话和地址' : '姓名和电话'
  return (
    <>
      <Notice tone="ok" title="心愿提交好了">
        <Text>{`现在：${wishStatusLabels[wish.status]}`}</Text>
        <Text>居委会会先核实一下，核实后把心愿发给您家附近党支部的党员；一段时间没人认领，会再发给社区里更多的党员。</Text>
        <Text>{`${neededByLine(wish.neededBy)} · ${deliveryLabels[wish.delivery]}`}</Text>
        <Text>{`党员只看到心愿的内容。认领的那一位党员才能看到您的${seen}。`}</Text>
        <Text>有人认领、完成了，会在“消息”里告诉您。</Text>
      </Notice>
      <BigEntry tone="brand" title="看这个心愿" note="现在到哪一步了" onClick={() => void Taro.redirectTo({ url: wishUrl(wish._id) })} />
    </>
  )
}
