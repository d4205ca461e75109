/** In the mini-program WeChat says who the resident is: there is no sign-in page to lead to. */
export const canSignIn = false

export function SignedOut() {
  return null
}
