/**
 * The collections and indexes a CloudBase environment needs, from the one declaration the local
 * database also applies (cloudfunctions/shared/runtime/collections.ts).
 *   npx tsx scripts/print-indexes.ts          a Markdown checklist for the console (数据库 → 索引管理)
 *   npx tsx scripts/print-indexes.ts --json   the `collections` input of the CloudBase Framework
 *                                             database plugin (@cloudbase/framework-plugin-database)
 * Unique indexes matter for correctness, not only speed: the functions rely on the
 * DATABASE_DUPLICATE_WRITE they raise. Create them before the first write.
 */
import { collectionIndexes, type IndexSpec } from '../cloudfunctions/shared/runtime/collections'

const collections = Object.entries(collectionIndexes) as Array<[string, IndexSpec[]]>

function markdown(): string {
  const lines = ['# CloudBase collections and indexes', '']
  lines.push('Create each collection, then each index (字段顺序与升降序须一致；唯一索引勾选“唯一”).', '')
  // The mini-program never reads the database directly: every read goes through a function that
  // checks rights and masks phones and rooms. A client-readable collection would bypass all of it.
  lines.push('Set every collection\'s permission to 仅管理端可读写 (custom rule `{ "read": false, "write": false }`).', '')
  lines.push('| collection | index | fields | unique |', '| --- | --- | --- | --- |')
  for (const [collection, indexes] of collections) {
    if (indexes.length === 0) lines.push(`| ${collection} | (only the default _id index) | | |`)
    for (const index of indexes) {
      const fields = Object.entries(index.keys).map(([field, direction]) => `${field} ${direction === 1 ? '升序' : '降序'}`)
      lines.push(`| ${collection} | ${index.name} | ${fields.join(', ')} | ${index.unique ? 'yes' : ''} |`)
    }
  }
  return lines.join('\n')
}

function frameworkPlugin(): string {
  return JSON.stringify(
    collections.map(([collectionName, indexes]) => ({
      collectionName,
      ...(indexes.length > 0
        ? {
            createIndexes: indexes.map((index) => ({
              name: index.name,
              unique: index.unique === true,
              keys: Object.entries(index.keys).map(([name, direction]) => ({ name, direction: String(direction) })),
            })),
          }
        : {}),
    })),
    null,
    2,
  )
}

console.log(process.argv.includes('--json') ? frameworkPlugin() : markdown())
