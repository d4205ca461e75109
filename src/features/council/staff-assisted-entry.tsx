import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FieldError, fieldBox, Form } from '@/components/form'
import { PhotoField } from '@/components/photo-field'
import { PickOne } from '@/components/pick-one'
import { Empty, Failed, Loading } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { failure, maxPicksOf, tenureMayVote, type AssistedBallotView, type TopicDetail } from '@/types'
import { deadlineLine } from './topic-words'
import { BallotOptionsField } from './staff-ballot-options'
import { ResidentPick, type PickedResident } from './staff-resident-pick'

type Via = AssistedBallotView['via']
const vias: { id: Via; title: string }[] = [
  { id: 'inPerson', title: '居民当面说的（或交来纸质选票）' },
  { id: 'phone', title: '居民打电话说的' },
]

/**
 * 代录: a staff member enters the ballot of a verified resident who asked in person or by phone (issue
 * 8 "Assisted and paper votes"). Only topics now voting are offered; a second member of staff confirms
 * it before it counts.
 */
export function AssistedEntry({ onEntered }: { onEntered: (entry: AssistedBallotView) => void }) {
  const topics = useResult(() => call('council', 'listTopics', { view: 'open', limit: 50 }), 'open')
  const [topicId, setTopicId] = useState<string | null>(null)
  if (topics.state === 'loading') return <Loading />
  if (topics.state === 'failed') return <Failed code={topics.code} onRetry={topics.reload} />
  const voting = topics.data.items.filter((topic) => topic.status === 'voting')
  if (voting.length === 0) return <Empty>现在没有正在投票的议题。</Empty>
  return (
    <View className="form council-form">
      <PickOne
        label="哪个议题"
        options={voting.map((topic) => ({ id: topic._id, title: `${topic.title}（${deadlineLine(topic.closesAt)} 截止）` }))}
        value={topicId}
        onChange={setTopicId}
      />
      {topicId && <TopicBallot key={topicId} topicId={topicId} onEntered={onEntered} />}
    </View>
  )
}

function TopicBallot({ topicId, onEntered }: { topicId: string; onEntered: (entry: AssistedBallotView) => void }) {
  const topic = useResult(() => call('council', 'topic', { topicId }), topicId)
  if (topic.state === 'loading') return <Loading />
  if (topic.state === 'failed') return <Failed code={topic.code} onRetry={topic.reload} />
  return <BallotForm topic={topic.data} onEntered={onEntered} />
}

function BallotForm({ topic, onEntered }: { topic: TopicDetail; onEntered: (entry: AssistedBallotView) => void }) {
  const [resident, setResident] = useState<PickedResident | null>(null)
  const [options, setOptions] = useState<string[]>([])
  const [via, setVia] = useState<Via | null>(null)
  const [note, setNote] = useState('')
  const photos = usePhotos(9)
  const said = note.trim()
  const maxPicks = maxPicksOf(topic.options)
  const form = useForm({
    values: { residentId: resident?.residentId ?? null, options, via, note, photos: photos.fileIds },
    check: () => ({
      residentId: !resident ? '请选是哪一户的哪一位居民。' : tenureMayVote(topic.rule, resident.tenure) ? null : `${resident.name}不是业主，业主共同决定的事只有业主能投票。`,
      options: options.length === 0 ? '请选居民投的是哪一项。' : options.length > maxPicks ? `这个议题每张票最多选 ${maxPicks} 个。` : null,
      via: via ? null : '请选居民是当面还是打电话说的。',
      note: !said && photos.fileIds.length === 0 ? '请拍下纸质选票，或写一句说明（例如谁打来的电话、什么时候）。' : null,
      photos: photos.notReady,
    }),
  })
  const submit = () =>
    form.submit(async () => {
      if (!resident || !via) return failure('INVALID_INPUT', 'residentId: 请选是哪一户的哪一位居民。')
      return call('council', 'enterAssistedBallot', { topicId: topic._id, residentId: resident.residentId, options, via, ...(said ? { note: said } : {}), photos: photos.fileIds })
    }, onEntered)
  const residentField = form.field('residentId')
  const optionsField = form.field('options')

  return (
    <Form form={form} className="council-fields" button="录入，等另一位工作人员确认" busyButton="正在录入…" onSubmit={submit}>
      <Text className="form__intro">{`范围：${topic.scopeLabel}。录入后要另一位工作人员确认才计入；这一户已经投过的，不会重复计算。`}</Text>
      <View {...fieldBox(residentField.id, null, 'council-fields')}>
        <ResidentPick topic={topic} value={resident} onChange={setResident} />
        <FieldError error={residentField.error} />
      </View>
      <View {...fieldBox(optionsField.id, null, 'council-fields')}>
        <BallotOptionsField options={topic.options} value={options} onChange={setOptions} />
        <FieldError error={optionsField.error} />
      </View>
      <PickOne label="居民怎么告诉您的" options={vias} value={via} onChange={setVia} {...form.field('via')} />
      <TextField label="说明（可不填）" value={note} onChange={setNote} placeholder="例如：3月5日上午王阿姨本人到居委会投的" multiline maxlength={200} counter {...form.field('note')} />
      <PhotoField label="纸质选票的照片（可不拍，不拍就写说明）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}
