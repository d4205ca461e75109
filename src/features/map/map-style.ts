/**
 * One look for both builds (the H5 drawing and the mini-program's SVG image). Text is #262626 or
 * white on #1f4e8c/#b8000c: each ≥ 4.5:1 against what it sits on. Sizes are in viewBox units
 * (VIEW_WIDTH = 1000 fills a 343-px-wide phone column: 40 units ≈ 14 px).
 */
export const mapStyle = {
  gridFills: ['#eaf1f8', '#f3efe4', '#e8f3ec', '#f4eaf1'],
  gridStroke: '#595959',
  gridLabel: '#262626',
  gridLabelSize: 44,
  /** A white outline behind every label, so a label stays legible over a boundary or a dot. */
  halo: '#ffffff',
  haloWidth: 10,
  building: '#1f4e8c',
  buildingRadius: 12,
  buildingLabel: '#262626',
  buildingLabelSize: 36,
  home: '#b8000c',
  homeRadius: 20,
  chosen: '#b8000c',
  chosenRadius: 28,
  font: 'PingFang SC, Microsoft YaHei, sans-serif',
}
