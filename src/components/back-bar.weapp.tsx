/** WeChat's own navigation bar has the back button. */
export function BackBar() {
  return null
}
