import type { Scene, ViewPoint } from './map-scene'
import { mapStyle as s } from './map-style'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const n = (value: number) => value.toFixed(1)
const halo = `stroke="${s.halo}" stroke-width="${s.haloWidth}" paint-order="stroke"`

/**
 * The drawing as SVG text, for the mini-program: WeChat has no <svg> element, but its <image>
 * shows SVG. Its docs (组件 › image) say an SVG there takes no <style> element and no % units, so
 * every style is an attribute and every length a number.
 */
export function svgMarkup(scene: Scene, chosen: ViewPoint | null): string {
  const { width, height } = scene.view
  const grids = scene.grids
    .map((g, i) => `<path d="${g.path}" fill="${s.gridFills[i % s.gridFills.length]}" fill-rule="evenodd" stroke="${s.gridStroke}" stroke-width="4"/>`)
    .join('')
  const gridLabels = scene.grids
    .map((g) => `<text x="${n(g.labelAt.x)}" y="${n(g.labelAt.y)}" font-size="${s.gridLabelSize}" font-family="${s.font}" fill="${s.gridLabel}" text-anchor="middle" font-weight="bold" ${halo}>${escape(g.name)}</text>`)
    .join('')
  const buildings = scene.buildings
    .map((b) =>
      `<circle cx="${n(b.at.x)}" cy="${n(b.at.y)}" r="${b.home ? s.homeRadius : s.buildingRadius}" fill="${b.home ? s.home : s.building}"/>` +
      `<text x="${n(b.at.x)}" y="${n(b.at.y - 20)}" font-size="${s.buildingLabelSize}" font-family="${s.font}" fill="${b.home ? s.home : s.buildingLabel}" text-anchor="middle" ${halo}>${escape(b.home ? `我家 ${b.label}` : b.label)}</text>`,
    )
    .join('')
  const mark = chosen
    ? `<circle cx="${n(chosen.x)}" cy="${n(chosen.y)}" r="${s.chosenRadius}" fill="none" stroke="${s.chosen}" stroke-width="10"/>` +
      `<circle cx="${n(chosen.x)}" cy="${n(chosen.y)}" r="8" fill="${s.chosen}"/>`
    : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${grids}${gridLabels}${buildings}${mark}</svg>`
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** UTF-8 then base64, without btoa (absent from WeChat's JS engine) and without Buffer. */
export function utf8Base64(text: string): string {
  const bytes: number[] = []
  for (const char of text) {
    const c = char.codePointAt(0) ?? 0
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = bytes.slice(i, i + 3)
    const word = (a << 16) | (b << 8) | c
    out += BASE64[word >> 18] + BASE64[(word >> 12) & 63] + (i + 1 < bytes.length ? BASE64[(word >> 6) & 63] : '=') + (i + 2 < bytes.length ? BASE64[word & 63] : '=')
  }
  return out
}

export const svgDataUri = (markup: string) => `data:image/svg+xml;base64,${utf8Base64(markup)}`
