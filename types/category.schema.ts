import { z } from 'zod'

/**
 * Request categories (分类处置). Each names who normally handles it; the category matrix in
 * cloudfunctions/shared/core/category-matrix.ts is the rule, this is the vocabulary.
 */
export const Category = z.enum([
  'property', // 物业: lifts, leaks in common parts, the estate's gates — the estate's property contact
  'hazard', // 安全隐患: loose façade, blocked fire lanes, flying wires — the grid worker
  'environment', // 环境卫生: rubbish, sewage, greenery — the grid worker
  'facility', // 公共设施: lamps, benches, roads inside the community — the grid worker
  'elderly', // 为老服务: meals, home visits, carers — the community's elderly-services worker
  'neighbour', // 邻里纠纷: noise, shared space — the grid worker, the committee when it escalates
  'other', // 其他 — the community's general post
])
export type Category = z.infer<typeof Category>

export { categoryLabels } from './vocabulary'
