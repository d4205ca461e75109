/**
 * The browser build has no privacy APIs and no onNeedPrivacyAuthorization: nothing waits for
 * consent, so there is nothing to show. The mini-program's sheet is privacy-sheet.weapp.tsx.
 */
export function PrivacySheet() {
  return null
}
