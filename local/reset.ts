import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const dataDir = resolve(process.env.JUCUN_DATA_DIR ?? join(__dirname, '..', '.local-data'))
rmSync(dataDir, { recursive: true, force: true })
console.log(`Local data wiped: ${dataDir}. The next \`npm start\` seeds the demo street again.`)
