import type { Send } from './transport'
import { functionsBaseUrl, readDemoToken } from './demo-session'

// The local function host answers every function call with HTTP 200 and the function's own
// envelope; a 401 carries an UNAUTHENTICATED envelope too, so the body is the answer either way.
export const send: Send = async (fn, action, input) => {
  const token = readDemoToken()
  const res = await fetch(`${functionsBaseUrl()}/functions/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input }),
  })
  return res.json()
}
