import { fireEvent, screen } from '@testing-library/react'
import { project, projectionOf, type CommunityMap } from '@/features/map/map-scene'
import type { GeoPoint } from '@/types'
export { kangleMap } from './map-fixture'

/**
 * Taps the drawing where `point` is drawn. jsdom lays nothing out, so the drawing is given the size
 * of its viewBox at the top left of the screen: a tap's client coordinates are then viewBox units.
 */
export async function tapMapAt(map: CommunityMap, point: GeoPoint): Promise<void> {
  const view = projectionOf(map)
  const drawing = (await screen.findByRole('img', { name: /的地图/ })) as unknown as SVGSVGElement
  drawing.getBoundingClientRect = () => ({ left: 0, top: 0, width: view.width, height: view.height, x: 0, y: 0, right: view.width, bottom: view.height, toJSON: () => ({}) })
  const at = project(view, point)
  fireEvent.click(drawing, { clientX: at.x, clientY: at.y })
}

/** Within a few metres: a mouse event's client coordinates are whole pixels (one viewBox unit ≈ 2 m here). */
export const expectNear = (actual: unknown, point: GeoPoint) => {
  const p = actual as GeoPoint
  expect(p.lng).toBeCloseTo(point.lng, 4)
  expect(p.lat).toBeCloseTo(point.lat, 4)
}
