import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhotoField } from '@/components/photo-field'
import { PickOne } from '@/components/pick-one'
import { Form } from '@/components/form'
import { FormError } from '@/components/status-views'
import { TextField } from '@/components/text-field'
import { useForm } from '@/hooks/use-form'
import { usePhotos } from '@/hooks/use-photos'
import { useSend } from '@/hooks/use-send'
import { call } from '@/services/call'
import { followStageLabels } from '@/services/council-labels'
import { updateStagesAfter, type FollowStage, type TopicDetail } from '@/types'
import { StaffReasonForm } from './staff-reason-form'

/** Every staff form on a topic: the topic as it stands, and what to do with the topic its action answers. */
export type TopicFormProps = { topic: TopicDetail; onDone: (topic: TopicDetail) => void }

export function CancelTopicForm({ topic, onDone }: TopicFormProps) {
  return (
    <StaffReasonForm
      intro="取消后不再投票，议题页上会写明原因，关注这个议题的居民会收到通知。"
      label="取消的原因（所有人都能看到）"
      placeholder="例如：物业已经答应直接解决，不用再投票"
      button="确认取消议题"
      run={(reason) => call('council', 'cancelTopic', { topicId: topic._id, reason })}
      onDone={onDone}
    />
  )
}

/** Offered by the server once the window is over and the timer has not closed it yet: the close stores the result once. */
export function CloseTopicForm({ topic, onDone }: TopicFormProps) {
  const { busy, problem, send } = useSend()
  return (
    <View className="form council-subform">
      <Text className="form__intro">投票时间已经到了。现在结束就会计票，结果只算这一次，之后不能再改。</Text>
      {problem && <FormError>{problem}</FormError>}
      <ActionButton tone="primary" busy={busy} onClick={() => void send(() => call('council', 'closeTopic', { topicId: topic._id }), onDone)}>
        确认结束投票并计票
      </ActionButton>
    </View>
  )
}

/** 议事会 minutes (issue 8 Deliberation: "议事会 minutes can be added as updates"), while the topic is discussed or voted on. */
export function MinutesForm({ topic, onDone }: TopicFormProps) {
  const [text, setText] = useState('')
  const photos = usePhotos(9)
  const form = useForm({
    values: { text, photos: photos.fileIds },
    check: () => ({ text: text.trim() ? null : '请写一下议事会商量了什么。', photos: photos.notReady }),
  })
  const submit = () => form.submit(() => call('council', 'addMinutes', { topicId: topic._id, text: text.trim(), photos: photos.fileIds }), onDone)
  return (
    <Form form={form} className="form council-subform" intro="纪要会写在议题页上，所有人都能看到。" button="添加纪要" onSubmit={submit}>
      <TextField label="议事会纪要" value={text} onChange={setText} placeholder="例如：3月6日议事会，居委会、物业、业委会和8位居民代表参加，商定…" multiline maxlength={2000} counter {...form.field('text')} />
      <PhotoField label="签字的纪要或现场照片（最多 9 张，可不加）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}

type Ongoing = Exclude<FollowStage, 'done'>

/** 发布进展 (issue 8 Follow-through: planned → in progress, with photos); voters, co-signers and followers are told. */
export function PostUpdateForm({ topic, onDone }: TopicFormProps) {
  const stages = updateStagesAfter(topic.followStage)
  // The next step is the likely one: planned first, then in progress.
  const [stage, setStage] = useState<Ongoing>(topic.followStage === null ? 'planned' : 'inProgress')
  return (
    <UpdateForm topic={topic} onDone={onDone} stage={stage} button="发布进展" placeholder="例如：已和物业签了施工合同，下周一开工">
      <PickOne label="办到哪一步了" options={stages.map((id) => ({ id, title: followStageLabels[id] }))} value={stage} onChange={setStage} />
    </UpdateForm>
  )
}

/** 标记办完: the last update, stage done, which the server takes as the topic's finish step. */
export function FinishForm({ topic, onDone }: TopicFormProps) {
  return (
    <UpdateForm topic={topic} onDone={onDone} stage="done" button="确认已经办完" placeholder="例如：充电棚已建好，3月20日起可以用">
      <Text className="form__intro">标记办完后，议题就结束了。请写清楚办成了什么，最好附上照片。</Text>
    </UpdateForm>
  )
}

type UpdateProps = TopicFormProps & { stage: FollowStage; button: string; placeholder: string; children: ReactNode }

function UpdateForm({ topic, onDone, stage, button, placeholder, children }: UpdateProps) {
  const [text, setText] = useState('')
  const photos = usePhotos(9)
  const form = useForm({
    values: { text, photos: photos.fileIds },
    check: () => ({ text: text.trim() ? null : '请写一下现在的进展。', photos: photos.notReady }),
  })
  const submit = () => form.submit(() => call('council', 'postUpdate', { topicId: topic._id, stage, text: text.trim(), photos: photos.fileIds }), onDone)
  return (
    <Form form={form} className="form council-subform" tone={stage === 'done' ? 'ok' : 'primary'} button={button} onSubmit={submit}>
      {children}
      <TextField label="进展" value={text} onChange={setText} placeholder={placeholder} multiline maxlength={1000} counter {...form.field('text')} />
      <PhotoField label="照片（最多 9 张，可不加）" photos={photos} {...form.field('photos')} />
    </Form>
  )
}
