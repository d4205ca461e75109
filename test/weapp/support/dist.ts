import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

export const repoRoot = resolve(__dirname, '../../..')
/** What `taro build --type weapp` writes: the miniprogramRoot of project.config.json. */
export const distRoot = join(repoRoot, 'dist/weapp')

// Taro writes `subPackages`; WeChat also accepts `subpackages`, so both are read.
const SubPackage = z.object({ root: z.string(), pages: z.array(z.string()) })
const AppJson = z.object({
  pages: z.array(z.string()).min(1),
  subPackages: z.array(SubPackage).optional(),
  subpackages: z.array(SubPackage).optional(),
  tabBar: z.object({ custom: z.boolean().optional(), list: z.array(z.object({ pagePath: z.string(), text: z.string() })) }).optional(),
  requiredPrivateInfos: z.array(z.string()).optional(),
})

export type AppRoutes = {
  /** Main-package pages in app.json order, then each subpackage's. */
  pages: string[]
  tabs: ReadonlySet<string>
  /** tabBar.custom: the app draws the bar itself (custom-tab-bar/index), one instance on each tab page. */
  customTabBar: boolean
  /** The subpackage root a page lives in, for the pages that live in one. */
  subpackageOf: ReadonlyMap<string, string>
  requiredPrivateInfos: ReadonlySet<string>
}

export function readAppRoutes(): AppRoutes {
  const app = AppJson.parse(JSON.parse(readFileSync(join(distRoot, 'app.json'), 'utf8')))
  const subpackageOf = new Map<string, string>()
  for (const pkg of [...(app.subPackages ?? []), ...(app.subpackages ?? [])]) {
    for (const page of pkg.pages) subpackageOf.set(`${pkg.root.replace(/\/$/, '')}/${page}`, pkg.root)
  }
  return {
    pages: [...app.pages, ...subpackageOf.keys()],
    tabs: new Set(app.tabBar?.list.map((tab) => tab.pagePath) ?? []),
    customTabBar: app.tabBar?.custom === true,
    subpackageOf,
    requiredPrivateInfos: new Set(app.requiredPrivateInfos ?? []),
  }
}

const PageJson = z.object({ navigationBarTitleText: z.string().optional(), enablePullDownRefresh: z.boolean().optional() })
export type PageJson = z.infer<typeof PageJson>

export const readPageJson = (route: string): PageJson => PageJson.parse(JSON.parse(readFileSync(join(distRoot, `${route}.json`), 'utf8')))
