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
