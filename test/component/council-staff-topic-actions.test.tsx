import { render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { HideCommentButton } from '@/features/council/hide-comment'
import { MinutesList } from '@/features/council/minutes-list'
import { TopicStaffActions } from '@/features/council/topic-staff-actions'
import { success, type TopicDetail } from '@/types'
import { at, closedTopic, commentView, DAY, topicDetail } from './support/council-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { toasts } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const committeeTopic = (over: Partial<TopicDetail>) => topicDetail({ relations: ['committee'], ...over })

/** The topic page's part: it keeps the topic an action answers, as the page does. */
function Page({ initial }: { initial: TopicDetail }) {
  const [topic, setTopic] = useState(initial)
  return (
    <>
      <TopicStaffActions topic={topic} onChange={setTopic} />
      <span>{`status:${topic.status}`}</span>
    </>
  )
}

describe('the committee’s actions on a topic page', () => {
  test('nothing offered, nothing shown', () => {
    answer({})
    render(<Page initial={topicDetail()} />)
    expect(screen.queryByText('居委会操作')).not.toBeInTheDocument()
  })

  test('only what the server offers: a closable window offers 结束投票, which stores the result', async () => {
    const calls = answer({ 'council.closeTopic': () => success(closedTopic({ relations: ['committee'] })) })
    render(<Page initial={committeeTopic({ availableActions: ['close'] })} />)
    expect(screen.getByText('结束投票')).toBeInTheDocument()
    for (const other of ['取消议题', '发布进展', '标记办完', '查看哪些户投了票']) expect(screen.queryByText(other)).not.toBeInTheDocument()
    await tap('结束投票')
    await tap('确认结束投票并计票')
    expect(await screen.findByText('status:closed')).toBeInTheDocument()
    expect(inputsOf(calls, 'closeTopic')).toEqual([{ topicId: 'tp-1' }])
    expect(toasts).toEqual(['投票已结束，已计票'])
  })

  test('取消议题 asks the reason everyone will read', async () => {
    const calls = answer({ 'council.cancelTopic': () => success(committeeTopic({ status: 'cancelled' })) })
    render(<Page initial={committeeTopic({ status: 'deliberating', availableActions: ['cancel'] })} />)
    await tap('取消议题')
    await tap('确认取消议题')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下原因。')
    await typeInto('例如：物业已经答应直接解决，不用再投票', '物业已经答应直接解决')
    await tap('确认取消议题')
    expect(await screen.findByText('status:cancelled')).toBeInTheDocument()
    expect(inputsOf(calls, 'cancelTopic')).toEqual([{ topicId: 'tp-1', reason: '物业已经答应直接解决' }])
  })

  test('添加议事会纪要 while voting sends the minutes, and the topic page lists them for everyone', async () => {
    const minutes = [{ at: at + 2 * DAY, text: '议事会商定：充电棚由物业出资，居民按次付费。', photos: [] }]
    const calls = answer({ 'council.addMinutes': () => success(committeeTopic({ availableActions: ['addMinutes', 'close'], minutes })) })
    render(<Page initial={committeeTopic({ availableActions: ['addMinutes'] })} />)
    await tap('添加议事会纪要')
    await tap('添加纪要')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下议事会商量了什么。')
    await typeInto('例如：3月6日议事会，居委会、物业、业委会和8位居民代表参加，商定…', ' 议事会商定：充电棚由物业出资，居民按次付费。 ')
    await tap('添加纪要')
    await waitFor(() => expect(toasts).toEqual(['纪要已添加']))
    expect(inputsOf(calls, 'addMinutes')).toEqual([{ topicId: 'tp-1', text: '议事会商定：充电棚由物业出资，居民按次付费。', photos: [] }])

    render(<MinutesList minutes={minutes} />)
    expect(screen.getByText('议事会纪要')).toBeInTheDocument()
    expect(screen.getByText('议事会商定：充电棚由物业出资，居民按次付费。')).toBeInTheDocument()
    expect(screen.getByText('3月5日 09:00')).toBeInTheDocument()
  })

  test('发布进展 posts the stage picked and the text', async () => {
    const calls = answer({ 'council.postUpdate': () => success(closedTopic({ status: 'following', followStage: 'planned' })) })
    render(<Page initial={closedTopic({ relations: ['committee'], availableActions: ['postUpdate', 'finish'] })} />)
    await tap('发布进展')
    expect(screen.getByRole('radio', { checked: true })).toHaveTextContent('已列入计划')
    await tap('正在办')
    await typeInto('例如：已和物业签了施工合同，下周一开工', '已和物业签了施工合同')
    // The opened form's own button: the one that opened it now reads 发布进展（收起）.
    await tap('发布进展')
    await waitFor(() => expect(inputsOf(calls, 'postUpdate')).toEqual([{ topicId: 'tp-1', stage: 'inProgress', text: '已和物业签了施工合同', photos: [] }]))
    expect(await screen.findByText('status:following')).toBeInTheDocument()
  })

  test('once in progress, an update cannot go back to 已列入计划', async () => {
    answer({})
    render(<Page initial={closedTopic({ status: 'following', followStage: 'inProgress', relations: ['committee'], availableActions: ['postUpdate'] })} />)
    await tap('发布进展')
    expect(screen.getByText('正在办')).toBeInTheDocument()
    expect(screen.queryByText('已列入计划')).not.toBeInTheDocument()
  })

  test('标记办完 is the last update, stage done', async () => {
    const calls = answer({ 'council.postUpdate': () => success(closedTopic({ status: 'done', followStage: 'done' })) })
    render(<Page initial={closedTopic({ status: 'following', followStage: 'inProgress', relations: ['committee'], availableActions: ['postUpdate', 'finish'] })} />)
    await tap('标记办完')
    await typeInto('例如：充电棚已建好，3月20日起可以用', '充电棚已建好')
    await tap('确认已经办完')
    expect(await screen.findByText('status:done')).toBeInTheDocument()
    expect(inputsOf(calls, 'postUpdate')).toEqual([{ topicId: 'tp-1', stage: 'done', text: '充电棚已建好', photos: [] }])
  })

  test('after close the committee may see which units voted, and how, never what they chose', async () => {
    const calls = answer({
      'council.votedUnits': () => success([{ placeLabel: '康乐小区 1号楼 101室', via: 'app' as const }, { placeLabel: '康乐小区 2号楼 302室', via: 'assisted' as const }]),
    })
    render(<Page initial={closedTopic({ relations: ['committee'] })} />)
    expect(inputsOf(calls, 'votedUnits')).toEqual([])
    await tap('查看哪些户投了票')
    expect(await screen.findByText('康乐小区 1号楼 101室')).toBeInTheDocument()
    expect(screen.getByText('工作人员代录')).toBeInTheDocument()
    expect(screen.getByText('共 2 个投了票，其中代录 1 个。只列出谁投了，不显示投了什么。')).toBeInTheDocument()
    expect(inputsOf(calls, 'votedUnits')).toEqual([{ topicId: 'tp-1' }])
  })

  test('no list of voters while there is no result, nor for anyone but the committee', () => {
    answer({})
    const { unmount } = render(<Page initial={committeeTopic({ availableActions: ['close'] })} />)
    expect(screen.queryByText('查看哪些户投了票')).not.toBeInTheDocument()
    unmount()
    render(<Page initial={closedTopic()} />)
    expect(screen.queryByText('查看哪些户投了票')).not.toBeInTheDocument()
  })
})

describe('隐藏 a comment', () => {
  test('asks the reason, hides it, and hands back the comment as now shown', async () => {
    const hidden = commentView({ text: null, hidden: { reason: '含有人身攻击', at: 0 } })
    const calls = answer({ 'council.hideComment': () => success(hidden) })
    const onHidden = jest.fn()
    render(<HideCommentButton commentId="cm-1" onHidden={onHidden} />)
    await tap('隐藏')
    await tap('确认隐藏')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下原因。')
    await typeInto('例如：含有对邻居的人身攻击', '含有人身攻击')
    await tap('确认隐藏')
    await waitFor(() => expect(onHidden).toHaveBeenCalledWith(hidden))
    expect(inputsOf(calls, 'hideComment')).toEqual([{ commentId: 'cm-1', reason: '含有人身攻击' }])
  })
})
