/**
 * Pages that left the main package for a subpackage (issue 11), by their old path. Messages stored
 * before the move, and WeChat subscribe messages already delivered, still name the old path; both are
 * read through `currentPagePath`, so they open the page where it lives now.
 */
const movedPages: Readonly<Record<string, string>> = {
  'pages/help/index': 'pages-resident/help/index',
  'pages/bind/index': 'pages-resident/bind/index',
  'pages/party/index': 'pages-resident/party/index',
}

/** A page path, with or without a leading slash and a query, moved to where the page lives now. */
export function currentPagePath(page: string): string {
  const slash = page.startsWith('/') ? '/' : ''
  const queryAt = page.indexOf('?')
  const path = page.slice(slash.length, queryAt < 0 ? undefined : queryAt)
  const moved = movedPages[path]
  return moved ? `${slash}${moved}${queryAt < 0 ? '' : page.slice(queryAt)}` : page
}
