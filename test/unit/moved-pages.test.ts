import { messagePage } from '../../types'
import { currentPagePath } from '../../types/moved-pages'

describe('pages moved to a subpackage open from links made before the move', () => {
  test('a message stored with the old path opens the page where it lives now', () => {
    expect(messagePage({ audience: 'resident', page: 'pages/bind/index' })).toBe('pages-resident/bind/index')
    expect(messagePage({ audience: 'resident', page: 'pages/party/index' })).toBe('pages-resident/party/index')
  })

  test('the leading slash and the query stay; a page that did not move is left alone', () => {
    expect(currentPagePath('/pages/help/index?category=elevator')).toBe('/pages-resident/help/index?category=elevator')
    expect(currentPagePath('pages/request/index?id=rq-1')).toBe('pages/request/index?id=rq-1')
    expect(currentPagePath('pages-resident/bind/index')).toBe('pages-resident/bind/index')
  })
})
