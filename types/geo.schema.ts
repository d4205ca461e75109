import { z } from 'zod'

/** A GCJ-02 coordinate, the system WeChat's location APIs (wx.getLocation type 'gcj02', wx.chooseLocation) return. */
export const LngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
export type LngLat = z.infer<typeof LngLat>

export const GeoPoint = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
export type GeoPoint = z.infer<typeof GeoPoint>

/** A closed ring: first and last points need not repeat; at least a triangle. */
export const Ring = z.array(LngLat).min(3)
export type Ring = z.infer<typeof Ring>

/** GeoJSON-like polygon: the outer ring first, then holes (a school, a factory compound not in the grid). */
export const Polygon = z.array(Ring).min(1)
export type Polygon = z.infer<typeof Polygon>
