import { residentNoticeKinds, staffNoticeKinds, success, type NoticeKind, type Role, type SubscriptionView } from '../../types'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { grant, subscriptionsOf } from '../shared/runtime/subscriptions'

/**
 * The notices each role receives (types/notice.schema.ts): everyone hears about their own requests;
 * staff also get work, deadline alerts and reviews; a branch secretary reviews party registrations.
 */
const kindsByRole: Partial<Record<Role, readonly NoticeKind[]>> = {
  resident: residentNoticeKinds,
  gridWorker: staffNoticeKinds,
  committee: staffNoticeKinds,
  streetAdmin: staffNoticeKinds,
  branchSecretary: ['review'],
}

async function viewsFor(userId: string, roles: readonly Role[]): Promise<SubscriptionView[]> {
  const { templates } = settings()
  const kinds = [...new Set(roles.flatMap((role) => kindsByRole[role] ?? []))]
  const held = new Map((await subscriptionsOf(userId)).map((subscription) => [subscription.templateId, subscription]))
  return kinds.flatMap((kind) => {
    const template = templates[kind]
    if (!template) return []
    const mine = held.get(template.templateId)
    return [{ kind, templateId: template.templateId, remaining: mine?.remaining ?? 0, always: mine?.always ?? false }]
  })
}

export const mySubscriptions: ActionHandler<'directory', 'mySubscriptions'> = async (_input, { actor }) =>
  success(await viewsFor(actor.userId, actor.roles))

/** Only templates this deployment sends with count; an id the app does not use is ignored. */
export const grantSubscriptions: ActionHandler<'directory', 'grantSubscriptions'> = async ({ answers, always }, { actor, now }) => {
  const configured = Object.values(settings().templates)
  await Promise.all(
    Object.entries(answers).flatMap(([templateId, answer]) => {
      const template = configured.find((candidate) => candidate?.templateId === templateId)
      return answer === 'accept' && template ? [grant(actor.userId, template, always, now)] : []
    }),
  )
  return success(await viewsFor(actor.userId, actor.roles))
}
