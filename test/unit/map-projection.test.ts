import { buildings } from '../../local/seed/demo-buildings'
import { gridBoundaries } from '../../local/seed/demo-geometry'
import { describePoint, metresBetween, project, projectionOf, sceneOf, tapToPoint, unproject, VIEW_WIDTH, type CommunityMap } from '../../src/features/map/map-scene'
import { svgMarkup, utf8Base64 } from '../../src/features/map/map-svg'

const map: CommunityMap = {
  communityId: 'comm-kangle',
  communityName: '康乐社区',
  communities: [{ id: 'comm-kangle', name: '康乐社区' }],
  grids: ['grid-kangle-1', 'grid-kangle-2', 'grid-kangle-3', 'grid-kangle-4'].map((id, i) => ({ id, name: `康乐${'一二三四'[i]}网格`, boundary: gridBoundaries[id] })),
  buildings: buildings.filter((b) => b.communityId === 'comm-kangle').map((b) => ({ id: b._id, name: b.name, estate: b.estate, gridId: b.gridId, location: b.location })),
  homeBuildingId: 'bldg-kl-3',
}
const view = projectionOf(map)

describe('the drawing and the ground: tap ↔ lng/lat', () => {
  test('every building and grid corner is drawn inside the drawing, and back to the same point', () => {
    const points = [...map.buildings.map((b) => b.location), ...map.grids.flatMap((g) => g.boundary[0].map(([lng, lat]) => ({ lng, lat })))]
    for (const p of points) {
      const at = project(view, p)
      expect(at.x).toBeGreaterThan(0)
      expect(at.x).toBeLessThan(VIEW_WIDTH)
      expect(at.y).toBeGreaterThan(0)
      expect(at.y).toBeLessThan(view.height)
      const back = unproject(view, at)
      expect(back.lng).toBeCloseTo(p.lng, 10)
      expect(back.lat).toBeCloseTo(p.lat, 10)
    }
  })

  test('north is up, east is right, and a metre is as long across as up', () => {
    const origin = { lng: 121.435, lat: 31.19 }
    const east = project(view, { lng: origin.lng + 0.001, lat: origin.lat })
    const north = project(view, { lng: origin.lng, lat: origin.lat + 0.001 })
    const o = project(view, origin)
    expect(east.x).toBeGreaterThan(o.x)
    expect(north.y).toBeLessThan(o.y)
    const unitsPerMetreEast = (east.x - o.x) / metresBetween(origin, { lng: origin.lng + 0.001, lat: origin.lat })
    const unitsPerMetreNorth = (o.y - north.y) / metresBetween(origin, { lng: origin.lng, lat: origin.lat + 0.001 })
    expect(unitsPerMetreEast / unitsPerMetreNorth).toBeCloseTo(1, 3)
  })

  test('a tap on the drawing as shown on screen (any size, anywhere) lands on the point drawn there', () => {
    const target = map.buildings[2].location
    const at = project(view, target)
    // Shown 343 px wide, 120 px down the page, 16 px from the left.
    const rect = { left: 16, top: 120, width: 343, height: (343 * view.height) / view.width }
    const tap = { clientX: rect.left + (at.x / view.width) * rect.width, clientY: rect.top + (at.y / view.height) * rect.height }
    const point = tapToPoint(view, tap, rect)
    expect(metresBetween(point, target)).toBeLessThan(0.01)
    // A whole-pixel tap is within a few metres (one CSS pixel ≈ 6 m at this size).
    const rounded = tapToPoint(view, { clientX: Math.round(tap.clientX), clientY: Math.round(tap.clientY) }, rect)
    expect(metresBetween(rounded, target)).toBeLessThan(6)
  })

  test('says which grid a point is in and which building is nearest, and when it is in none', () => {
    expect(describePoint(map, { lng: 121.4358, lat: 31.1886 })).toEqual({ gridName: '康乐一网格', nearest: { name: '康乐小区3号楼', metres: 0 } })
    expect(describePoint(map, { lng: 121.425, lat: 31.19 }).gridName).toBeNull()
  })
})

describe('the mini-program drawing', () => {
  test('is an SVG of attributes only (no <style>, no %), with the home and the chosen point marked', () => {
    const scene = sceneOf(map)
    const svg = svgMarkup(scene, project(view, { lng: 121.4358, lat: 31.1886 }))
    expect(svg).not.toMatch(/<style|%/)
    expect(svg).toContain('我家 3号楼')
    expect(svg.match(/<circle/g)).toHaveLength(map.buildings.length + 2)
  })

  test('base64 of UTF-8, as Buffer would write it', () => {
    for (const text of ['', 'a', 'ab', 'abc', '康乐一网格', '<svg>我家 3号楼</svg>', '😀']) expect(utf8Base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'))
  })
})
