import type { Plugin } from 'esbuild'
import { readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import ts from 'typescript'

/**
 * The contract (types/) is shared by the mini-program and every function, and its modules build zod
 * schemas at their top level. Building a schema is a call, which a bundler must keep in case it has
 * effects: so each function built every function's schemas at load — most of its cold start beyond
 * the SDK's (npm run bench:cold; zod builds each schema eagerly, methods and all). A module of types/
 * that only declares (imports, exports, functions, constants: no statement that runs for its effect)
 * is told to esbuild, in the functions' build only, for what it is:
 * - free of side effects, so a bundle takes in a module only when it uses something it exports (the
 *   barrel types/index.ts no longer drags in every function's actions);
 * - each top-level constant's value built by a pure expression, so a constant the bundle never uses
 *   is left out: the requests function builds a Topic's status, not the Topic.
 * A module with a statement run for its effect (calendar.ts sets up dayjs) is bundled as it is.
 */
const typesDir = resolve(__dirname, '../types') + sep

type Shakable = { shakable: false } | { shakable: true; contents: string }

function shakableForm(path: string): Shakable {
  const source = readFileSync(path, 'utf8')
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const declaresOnly = file.statements.every(
    (statement) =>
      (ts.isImportDeclaration(statement) && statement.importClause !== undefined) ||
      ts.isExportDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isVariableStatement(statement),
  )
  if (!declaresOnly) return { shakable: false }
  // Each initializer wrapped as `/* @__PURE__ */ (() => (value))()`: evaluated at the same place,
  // in the same order, to the same value; only droppable when unused. Edits go from the end backwards.
  const initializers = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations.map((declaration) => declaration.initializer))
    .filter((initializer): initializer is ts.Expression => initializer !== undefined && !ts.isLiteralExpression(initializer))
  let contents = source
  for (const initializer of initializers.reverse()) {
    const start = initializer.getStart(file)
    const end = initializer.getEnd()
    contents = `${contents.slice(0, start)}/* @__PURE__ */ (() => (${contents.slice(start, end)}))()${contents.slice(end)}`
  }
  return { shakable: true, contents }
}

export const contractTreeShaking: Plugin = {
  name: 'contract-tree-shaking',
  setup(build) {
    // Read once per build: resolving asks whether a module is shakable, loading takes its shakable form.
    const forms = new Map<string, Shakable>()
    const formOf = (path: string): Shakable => forms.get(path) ?? forms.set(path, shakableForm(path)).get(path)!
    build.onResolve({ filter: /^\./ }, async ({ path, importer, kind, resolveDir, pluginData }) => {
      if (pluginData === contractTreeShaking) return undefined
      const resolved = await build.resolve(path, { importer, kind, resolveDir, pluginData: contractTreeShaking })
      if (resolved.errors.length > 0 || !resolved.path.startsWith(typesDir) || !resolved.path.endsWith('.ts')) return resolved
      return formOf(resolved.path).shakable ? { ...resolved, sideEffects: false } : resolved
    })
    build.onLoad({ filter: /\.ts$/ }, ({ path }) => {
      if (!path.startsWith(typesDir)) return undefined
      const form = formOf(path)
      return form.shakable ? { contents: form.contents, loader: 'ts', resolveDir: join(path, '..') } : undefined
    })
  },
}
