import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import type { Choice } from '@/components/choice-list'
import type { BindingRequestView, GeoPoint } from '@/types'
import { ChosenPointMap } from '@/features/map/community-map-view'
import { BindingDetails } from './binding-details'
import { BuildingStep, CommunityStep, NearbyStep, RoomStep } from './place-steps'
import { PointPicker } from './point-picker'

type Step =
  | { at: 'community' }
  | { at: 'building'; community: Choice }
  | { at: 'locate' }
  | { at: 'nearby'; point: GeoPoint }
  | { at: 'room'; trail: string[]; building: Choice }
  | { at: 'details'; trail: string[]; household: Choice }

const questions: Record<Step['at'], string> = {
  community: '第一步：您住在哪个社区（村）？',
  building: '第二步：哪一栋楼（院落）？',
  locate: '第一步：在地图上找到您家',
  nearby: '第二步：是下面哪一栋楼？',
  room: '第三步：哪一户？',
  details: '最后一步：留下您的姓名',
}

/** Community → building → room (or a point on the map → nearby building → room), then who is asking. */
export function BindingForm({ onDone }: { onDone: (request: BindingRequestView) => void }) {
  const [step, setStep] = useState<Step>({ at: 'community' })
  const trail = step.at === 'building' ? [step.community.title] : step.at === 'room' || step.at === 'details' ? step.trail : []
  const choosingStart = step.at === 'community' || step.at === 'locate'

  return (
    <View className="binding-form">
      {choosingStart && (
        <View className="switch">
          <ActionButton tone={step.at === 'community' ? 'primary' : 'plain'} onClick={() => setStep({ at: 'community' })}>
            按小区楼栋选
          </ActionButton>
          <ActionButton tone={step.at === 'locate' ? 'primary' : 'plain'} onClick={() => setStep({ at: 'locate' })}>
            在地图上找
          </ActionButton>
        </View>
      )}
      {trail.length > 0 && (
        <View className="trail">
          <Text className="trail__text">已选：{trail.join(' › ')}</Text>
          <ActionButton small onClick={() => setStep({ at: 'community' })}>
            重新选
          </ActionButton>
        </View>
      )}
      <Text className="step-question">{questions[step.at]}</Text>
      {step.at === 'community' && <CommunityStep onPick={(community) => setStep({ at: 'building', community })} />}
      {step.at === 'building' && (
        <BuildingStep communityId={step.community.id} onPick={(building) => setStep({ at: 'room', trail: [step.community.title, building.title], building })} />
      )}
      {step.at === 'locate' && (
        <PointPicker withoutMap="点上面的“按小区楼栋选”，一步一步选到您家就行。" onPoint={(point) => setStep({ at: 'nearby', point })} />
      )}
      {step.at === 'nearby' && (
        <>
          <ChosenPointMap point={step.point} />
          <ActionButton small onClick={() => setStep({ at: 'locate' })}>
            重新选位置
          </ActionButton>
          <NearbyStep point={step.point} onPick={(building) => setStep({ at: 'room', trail: [building.title], building })} />
        </>
      )}
      {step.at === 'room' && <RoomStep buildingId={step.building.id} onPick={(household) => setStep({ at: 'details', trail: [...step.trail, household.title], household })} />}
      {step.at === 'details' && <BindingDetails householdId={step.household.id} onDone={onDone} />}
    </View>
  )
}
