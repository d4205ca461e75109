/** In the mini-program WeChat itself says who the resident is: there is nothing to sign in to. */
export function SignInEntry() {
  return null
}
