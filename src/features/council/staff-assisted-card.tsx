import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { InfoRow } from '@/components/info-row'
import { PhotoStrip } from '@/components/photo-strip'
import { FormError } from '@/components/status-views'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { optionLabel } from '@/services/council-labels'
import type { AssistedBallotView } from '@/types'
import { dateTimeLine } from '@/types/calendar'
import { StaffReasonForm } from './staff-reason-form'

type Status = AssistedBallotView['status']

/** Each status in words; a conflict says plainly that nothing was counted twice. */
export const assistedStatusLabels: Record<Status, string> = {
  pending: '等确认',
  counted: '已确认，已计入',
  refused: '没有计入（确认的工作人员退回了）',
  conflict: '这一户已经投过票了，这张没有计入，不会重复计算',
}

const viaLabels: Record<AssistedBallotView['via'], string> = { inPerson: '当面', phone: '电话' }

type Props = { ballot: AssistedBallotView; onDecided: (ballot: AssistedBallotView) => void }

/**
 * One staff-entered ballot. Another member of staff confirms or refuses it (four eyes); the one who
 * entered it reads that it waits for someone else, with no buttons (the server refuses them anyway).
 */
export function AssistedCard({ ballot, onDecided }: Props) {
  const [refusing, setRefusing] = useState(false)
  const { busy, problem, send } = useSend()
  const confirm = () => void send(() => call('council', 'decideAssistedBallot', { assistedId: ballot._id, decision: 'confirm' }), onDecided)
  return (
    <View className={`card council-assisted council-assisted--${ballot.status}`}>
      <Text className="card__title">{ballot.topicTitle}</Text>
      <Text className="council-assisted__status">{assistedStatusLabels[ballot.status]}</Text>
      <InfoRow name="居民">{`${ballot.residentName} · ${ballot.placeLabel}`}</InfoRow>
      <InfoRow name="投的是">{ballot.options.map((key) => optionLabel(ballot.topicOptions, key)).join('、')}</InfoRow>
      <InfoRow name="怎么说的">{`${viaLabels[ballot.via]} · ${ballot.enteredBy} 录入 · ${dateTimeLine(ballot.at)}`}</InfoRow>
      {ballot.note && <InfoRow name="说明">{ballot.note}</InfoRow>}
      <PhotoStrip photos={ballot.photos} what="纸质选票" />
      {ballot.status === 'pending' && ballot.mine && <Text className="council-assisted__mine">等另一位工作人员确认</Text>}
      {ballot.status === 'pending' && !ballot.mine && (
        <>
          <Text className="form__intro">请核对纸质选票或说明，确认无误才计入。</Text>
          {problem && <FormError>{problem}</FormError>}
          <View className="review__actions">
            <ActionButton tone="ok" busy={busy} onClick={confirm}>
              确认计入
            </ActionButton>
            <ActionButton tone={refusing ? 'primary' : 'plain'} onClick={() => setRefusing(!refusing)}>
              {refusing ? '不计入（收起）' : '不计入…'}
            </ActionButton>
          </View>
          {refusing && (
            <StaffReasonForm
              label="不计入的原因（录入的工作人员会看到）"
              placeholder="例如：照片上的签名和居民姓名对不上"
              button="确认不计入"
              run={(reason) => call('council', 'decideAssistedBallot', { assistedId: ballot._id, decision: 'refuse', reason })}
              onDone={onDecided}
            />
          )}
        </>
      )}
    </View>
  )
}

