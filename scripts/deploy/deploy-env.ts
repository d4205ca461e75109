import { readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { deploymentVariables, type DeploymentVariable } from '../../config/functions.manifest'

/**
 * What `npm run deploy` takes from `.env`: where to deploy, with which key, and the values the
 * functions get. Only the file counts, not the shell's environment, so what is deployed is what the
 * file says (and a stray TENCENTCLOUD_SECRETID in a shell cannot turn a dry run into a live one).
 */
export type Credentials = { secretId: string; secretKey: string; token?: string }

export type DeployEnv = {
  envId: string | null
  region: string
  credentials: Credentials | null
  /** The function variables set in the file (an empty value counts as unset). */
  values: Partial<Record<DeploymentVariable, string>>
  /** Values that are set but would fail the function that reads them. */
  invalid: string[]
  /** What a real (not dry) run needs and the file lacks. */
  missing: string[]
}

/** What each deployment setting is, for `.env.example` and for the message when one is missing. */
export const deploymentSettings = {
  ENV_ID: 'the CloudBase environment id (云开发控制台 → 环境 → 环境 ID)',
  TENCENTCLOUD_SECRETID: 'a Tencent Cloud API key id (console.cloud.tencent.com → 访问管理 → API密钥)',
  TENCENTCLOUD_SECRETKEY: 'the secret of that key',
  TENCENTCLOUD_SESSIONTOKEN: 'only with temporary credentials (STS): their token',
  TENCENTCLOUD_REGION: 'the environment’s region; ap-shanghai when unset',
} as const

const required = ['ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const

export const defaultRegion = 'ap-shanghai'

export function readDeployEnvFile(path: string): DeployEnv {
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return readDeployEnv(parseEnv(text))
}

export function readDeployEnv(file: NodeJS.Dict<string>): DeployEnv {
  const present = (name: string) => {
    const value = file[name]?.trim()
    return value ? value : undefined
  }
  const values: DeployEnv['values'] = {}
  const invalid: string[] = []
  for (const [name, rule] of Object.entries(deploymentVariables) as Array<[DeploymentVariable, (typeof deploymentVariables)[DeploymentVariable]]>) {
    const value = present(name)
    if (value === undefined) continue
    const problem = rule.check?.(value)
    if (problem) invalid.push(`${name} ${problem}`)
    else values[name] = value
  }
  const secretId = present('TENCENTCLOUD_SECRETID')
  const secretKey = present('TENCENTCLOUD_SECRETKEY')
  const token = present('TENCENTCLOUD_SESSIONTOKEN')
  return {
    envId: present('ENV_ID') ?? null,
    region: present('TENCENTCLOUD_REGION') ?? defaultRegion,
    credentials: secretId && secretKey ? { secretId, secretKey, ...(token ? { token } : {}) } : null,
    values,
    invalid,
    missing: required.filter((name) => present(name) === undefined),
  }
}

export function missingSettingsMessage(envFile: string, missing: readonly string[]): string {
  return [
    `${envFile} lacks what a deploy needs:`,
    ...missing.map((name) => `  ${name}=   # ${deploymentSettings[name as keyof typeof deploymentSettings]}`),
    'Copy .env.example to .env and fill it in; `npm run deploy -- --dry-run` shows the plan without them.',
  ].join('\n')
}
