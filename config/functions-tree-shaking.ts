import type { Plugin } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, resolve, sep } from 'node:path'
import ts from 'typescript'

/**
 * What a function's bundle leaves out of the project's own sources, in the functions' build only (the
 * mini-program's build is untouched). Most of a cold start beyond the SDK's was evaluating zod and
 * building schemas the function never uses (npm run bench:cold): zod builds each schema eagerly,
 * methods and all, and a bundler must keep every call in case it has effects.
 *
 * The contract (types/): a module that only declares (imports, exports, functions, constants: no
 * statement run for its effect) is told to esbuild for what it is —
 * - free of side effects, so a bundle takes in a module only when it uses something it exports (the
 *   barrel types/index.ts no longer drags in every function's actions);
 * - each top-level constant's value built by a pure expression, so a constant the bundle never uses
 *   is left out: the requests function builds a topic's status, not the Topic.
 * A module with a statement run for its effect (calendar.ts sets up dayjs) is bundled as it is.
 *
 * zod: `import { z } from 'zod'` hands esbuild one object holding all of zod (JSON Schema, ISO
 * formats, codecs…), which it must keep whole; imported as a namespace (`import * as z`), the same
 * bindings, only the members the sources name go in — about half of zod's bytes.
 */
const projectDir = resolve(__dirname, '..') + sep
const typesDir = resolve(__dirname, '../types') + sep
const zodAsObject = /^import \{ z \} from 'zod'$/m

type Form = { contents: string; sideEffects: boolean }

function bundledForm(path: string): Form {
  const source = readFileSync(path, 'utf8').replace(zodAsObject, "import * as z from 'zod'")
  if (!path.startsWith(typesDir)) return { contents: source, sideEffects: true }
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
  if (!declaresOnly) return { contents: source, sideEffects: true }
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
  return { contents, sideEffects: false }
}

const isProjectSource = (path: string) => path.startsWith(projectDir) && !path.includes(`${sep}node_modules${sep}`) && /\.tsx?$/.test(path)

export const functionsTreeShaking: Plugin = {
  name: 'functions-tree-shaking',
  setup(build) {
    // Read once per build: resolving asks whether a module has side effects, loading takes its form.
    const forms = new Map<string, Form>()
    const formOf = (path: string): Form => forms.get(path) ?? forms.set(path, bundledForm(path)).get(path)!
    build.onResolve({ filter: /^\./ }, async ({ path, importer, kind, resolveDir, pluginData }) => {
      if (pluginData === functionsTreeShaking) return undefined
      const resolved = await build.resolve(path, { importer, kind, resolveDir, pluginData: functionsTreeShaking })
      if (resolved.errors.length > 0 || !isProjectSource(resolved.path)) return resolved
      return formOf(resolved.path).sideEffects ? resolved : { ...resolved, sideEffects: false }
    })
    build.onLoad({ filter: /\.tsx?$/ }, ({ path }) =>
      isProjectSource(path) ? { contents: formOf(path).contents, loader: path.endsWith('x') ? 'tsx' : 'ts', resolveDir: dirname(path) } : undefined,
    )
  },
}
