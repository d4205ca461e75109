import { useDetail } from '@/hooks/use-detail'
import { call } from '@/services/call'

/**
 * One topic as the server answers this caller. `refresh` reads it again without the loading state,
 * for what an action's answer does not carry (a vote answers the ballot, not the turnout it moved).
 */
export function useTopic(topicId: string) {
  const { current, ...detail } = useDetail(() => call('council', 'topic', { topicId }), topicId)
  const refresh = () => {
    void call('council', 'topic', { topicId }).then((answer) => {
      if (answer.ok) detail.replace(answer.data)
    })
  }
  return { ...detail, topic: current, refresh }
}
