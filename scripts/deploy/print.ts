import { collectionAcl, declaredKeys, storageAcl, type DeployPlan } from './plan'
import type { IndexSpec } from '../../cloudfunctions/shared/runtime/collections'

/**
 * The plan as a person reads it before saying yes: every collection, index, permission, function and
 * trigger, and what each step will do. Variable values are never printed, only whether they are set
 * (the fixed ones come from the manifest, not `.env`, and are shown).
 */
export type PlanHeading = { envId: string | null; region: string; envFile: string; unreadReason?: string }

const indexText = (index: IndexSpec) =>
  `${index.name} (${declaredKeys(index).map(([field, direction]) => `${field} ${direction}`).join(', ')})${index.unique ? ' UNIQUE' : ''}`

export function printPlan(plan: DeployPlan, heading: PlanHeading): string[] {
  const lines: string[] = []
  lines.push(`Deploy plan for CloudBase environment ${heading.envId ?? '(ENV_ID not set)'} in ${heading.region}, settings from ${heading.envFile}`)
  if (!plan.environmentKnown) {
    lines.push(`The environment was not read (${heading.unreadReason ?? 'no credentials'}): it is taken as empty, so every step is listed.`)
  }

  const unique = plan.collections.flatMap((c) => [...c.createIndexes, ...c.replaceIndexes]).filter((i) => i.unique).length
  const indexCount = plan.collections.reduce((n, c) => n + c.createIndexes.length + c.replaceIndexes.length, 0)
  const triggerCount = plan.functions.reduce((n, f) => n + f.triggers.create.length + f.triggers.replace.length, 0)
  lines.push(
    `Summary: collections to create ${plan.collections.filter((c) => c.create).length}, indexes to create or replace ${indexCount} (unique ${unique}), ` +
      `permissions to set ${plan.collections.filter((c) => c.acl.set).length + (plan.storage.acl.set ? 1 : 0)}, functions to create ${plan.functions.filter((f) => f.create).length} ` +
      `and to update ${plan.functions.filter((f) => !f.create).length}, triggers to add or replace ${triggerCount}.`,
  )

  lines.push('', `1. Collections (${plan.collections.length}), indexes and permissions (${collectionAcl}, 仅管理端可读写):`)
  lines.push('   All of it before any function: the functions rely on the UNIQUE indexes to refuse duplicate writes.')
  for (const c of plan.collections) {
    lines.push(`  ${c.name}: ${c.create ? 'create' : 'present'}`)
    for (const index of c.createIndexes) lines.push(`    + index ${indexText(index)}`)
    for (const index of c.replaceIndexes) lines.push(`    ~ index ${indexText(index)}: present with other keys or uniqueness; dropped and created as declared`)
    for (const { declared, present } of c.presentIndexes) lines.push(`    = index ${declared}${declared === present ? '' : ` (present as ${present})`}`)
    for (const name of c.undeclaredIndexes) {
      lines.push(c.dropIndexes.includes(name) ? `    - index ${name}: not declared; dropped (--prune)` : `    ? index ${name}: not declared; kept (--prune drops it)`)
    }
    if (c.createIndexes.length + c.replaceIndexes.length + c.presentIndexes.length === 0) lines.push('    (only the _id index)')
    lines.push(c.acl.set ? `    permission → ${collectionAcl}${c.acl.current ? ` (now ${c.acl.current})` : ''}` : `    permission ${collectionAcl}`)
  }

  const { current } = plan.storage.acl
  lines.push(
    plan.storage.acl.set
      ? `  file storage: permission → ${storageAcl} (仅创建者可读写)${current ? ` (now ${current})` : ''}`
      : `  file storage: permission ${storageAcl}`,
  )

  lines.push('', `2. Build: npm run build:functions → dist/functions/<name>`)
  lines.push('', `3. Functions (${plan.functions.length}), code, configuration and variables:`)
  for (const f of plan.functions) {
    const { runtime, handler, timeout, memorySize, installDependency } = f.spec
    lines.push(
      `  ${f.name}: ${f.create ? 'create' : 'update code and configuration'} — ${runtime}, ${handler}, timeout ${timeout} s, ${memorySize} MB` +
        `${installDependency ? ', dependencies installed by CloudBase' : ''}`,
    )
    const fixed = f.variables.filter((v) => v.fixed).map((v) => `${v.name}=${f.envVariables[v.name]}`)
    const set = f.variables.filter((v) => !v.fixed && v.set).map((v) => v.name)
    const unset = f.variables.filter((v) => !v.set).map((v) => v.name)
    if (fixed.length) lines.push(`    fixed: ${fixed.join(', ')}`)
    lines.push(`    from .env, set: ${set.length ? set.join(', ') : '(none)'}`)
    if (unset.length) lines.push(`    from .env, not set (not sent): ${unset.join(', ')}`)
    if (f.droppedVariables.length) lines.push(`    removed (not in .env any more): ${f.droppedVariables.join(', ')}`)
  }

  lines.push('', '4. Triggers:')
  const triggerLines = plan.functions.flatMap((f) => [
    ...f.triggers.create.map((t) => `  ${f.name}: + ${t.type} trigger ${t.name} (${t.cron})`),
    ...f.triggers.replace.map((t) => `  ${f.name}: ~ ${t.type} trigger ${t.name} (${t.cron}): present with another schedule; replaced`),
    ...f.triggers.unchanged.map((name) => `  ${f.name}: = trigger ${name}`),
    ...f.triggers.undeclared.map((name) =>
      f.triggers.drop.includes(name) ? `  ${f.name}: - trigger ${name}: not declared; deleted (--prune)` : `  ${f.name}: ? trigger ${name}: not declared; kept (--prune deletes it)`,
    ),
  ])
  lines.push(...(triggerLines.length ? triggerLines : ['  (none)']))
  return lines
}
