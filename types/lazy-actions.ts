import type { z } from 'zod'

type ActionSpec = { input: z.ZodType; output: z.ZodType }

/**
 * A function's actions, each one's schemas built on its first use instead of when the module loads:
 * zod builds a schema eagerly (methods and all), and a cold function, or the mini-program starting,
 * would otherwise build every action's schemas to answer one. Built once, then kept; the types are
 * the builders' own, so `contract` types inputs and outputs exactly as a plain object did.
 */
export function lazyActions<Builders extends Record<string, () => ActionSpec>>(
  builders: Builders,
): { readonly [A in keyof Builders]: ReturnType<Builders[A]> } {
  const actions = {} as { [A in keyof Builders]: ReturnType<Builders[A]> }
  for (const name of Object.keys(builders)) {
    Object.defineProperty(actions, name, {
      enumerable: true,
      configurable: true,
      get() {
        const spec = builders[name]()
        Object.defineProperty(actions, name, { value: spec, enumerable: true })
        return spec
      },
    })
  }
  return actions
}
