import { useId, useState } from 'react'
import { errorText, failureText } from '@/services/error-text'
import { scrollToField } from '@/services/scroll-to-field'
import type { Failure, Result } from '@/types'

/** What is wrong with each field now, in the resident's words; a field with nothing wrong is left out. */
export type Problems<K extends string> = Partial<Record<K, string | null>>

/** What a field component takes from its form: the id to scroll to, and its error if it has one. */
export type FieldState = { id: string; error: string | null }

type Options<K extends string> = {
  /** The fields' current values, in the order they appear on screen (the first error is scrolled to). */
  values: Record<K, unknown>
  /** The form's rules over the current values: run on submit, then on every change after it. */
  check: () => Problems<K>
  /** Input paths the functions name that differ from the field's key (`contactPhone` → `phone`). */
  paths?: Partial<Record<string, NoInfer<K>>>
}

type Answered = { words: string; value: string }

/**
 * Every form's validation, shown one way: each error beside its own field, all at once on submit,
 * gone the moment its field is right (the rules re-run on each change once a submit was tried), and
 * the first one scrolled into view. A refusal from the functions that names a field lands beside that
 * field too, until that field changes; any other failure shows above the button.
 */
export function useForm<K extends string>({ values, check, paths = {} }: Options<K>) {
  const formId = `form${useId().replace(/[^A-Za-z0-9]/g, '')}`
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [answered, setAnswered] = useState<Partial<Record<K, Answered>>>({})
  const keys = Object.keys(values) as K[]
  const now: Problems<K> = tried ? check() : {}

  const idOf = (key: K) => `${formId}-${key}`
  const errorOf = (key: K): string | null => {
    const refused = answered[key]
    return now[key] || (refused && refused.value === snapshot(values[key]) ? refused.words : null)
  }
  const field = (key: K): FieldState => ({ id: idOf(key), error: errorOf(key) })

  const land = (failure: Failure) => {
    const named = (failure.fields ?? []).map((path) => fieldOf(path, keys, paths)).filter((key): key is K => key !== null)
    if (named.length === 0) return setProblem(failureText(failure))
    const words = wordsFor(failure)
    setAnswered(Object.fromEntries(named.map((key) => [key, { words, value: snapshot(values[key]) }])) as Partial<Record<K, Answered>>)
    scrollToField(idOf(keys.find((key) => named.includes(key)) ?? named[0]))
  }

  /**
   * Checks every field; when all are right, runs the call (synchronously up to its first await, so a
   * WeChat prompt opened inside it still counts as opened in the tap) and hands its data on.
   */
  const submit = <T>(run: () => Promise<Result<T>>, then: (data: T) => void) => {
    if (busy) return
    setTried(true)
    setProblem(null)
    setAnswered({})
    const found = check()
    const first = keys.find((key) => found[key])
    if (first) return scrollToField(idOf(first))
    setBusy(true)
    void run().then((result) => {
      setBusy(false)
      if (!result.ok) return land(result)
      // A form that stays for the next one (a comment box) starts it clean.
      setTried(false)
      then(result.data)
    })
  }

  return { field, busy, problem, setProblem, submit, tried }
}

export type Form = ReturnType<typeof useForm>

// Values are compared by content: a place or a list of photos is a new object on each render.
const snapshot = (value: unknown): string => JSON.stringify(value) ?? ''

/** `resident.name` → the field `resident.name`, else `resident`; a path no field owns concerns the whole form. */
function fieldOf<K extends string>(path: string, keys: K[], paths: Partial<Record<string, K>>): K | null {
  const parts = path.split('.')
  for (let length = parts.length; length > 0; length--) {
    const prefix = parts.slice(0, length).join('.')
    const key = paths[prefix] ?? keys.find((candidate) => candidate === prefix)
    if (key) return key
  }
  return null
}

/** A use case's own words after `field: ` are for people (投票时间最长 90 天); a schema's are not. */
function wordsFor(failure: Failure): string {
  const said = failure.message.split('; ')[0]?.split(': ').slice(1).join(': ') ?? ''
  return /[\u4e00-\u9fff]/.test(said) ? said : errorText[failure.code]
}
