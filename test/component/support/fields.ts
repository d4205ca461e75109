import { fireEvent, screen, waitFor } from '@testing-library/react'

// Taro's H5 <Input> is a custom element wrapping a native input; both carry the placeholder, and the
// native one is where a resident types.
export async function typeInto(placeholder: string, text: string): Promise<void> {
  const selector = `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`
  await waitFor(() => expect(document.querySelector(selector)).not.toBeNull())
  fireEvent.input(document.querySelector(selector) as Element, { target: { value: text } })
}

export async function tap(text: string | RegExp): Promise<void> {
  fireEvent.click(await screen.findByText(text))
}

/**
 * The error shown beside the field with this label, or null: a form shows each error inside its own
 * field (the labelled box, or the block with its id), never only above the button.
 */
export function errorBeside(label: string): string | null {
  const field = screen.getByText(label).closest('.field, [id]')
  if (!field) throw new Error(`no field around the label ${label}`)
  return field.querySelector('.field__error')?.textContent ?? null
}

/** Every field error on screen, in order. */
export function fieldErrors(): string[] {
  return Array.from(document.querySelectorAll('.field__error')).map((error) => error.textContent ?? '')
}
