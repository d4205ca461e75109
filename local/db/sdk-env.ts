/**
 * The environment that makes the unmodified @cloudbase/node-sdk, initialised exactly as in
 * production by cloudfunctions/shared/runtime/cloudbase.ts, talk to the local database at `dbUrl`.
 * Each value stands in for what CloudBase's function runtime (SCF) injects:
 * - TENCENTCLOUD_RUNENV=SCF: the SDK believes it runs in a cloud function, so it never probes the
 *   cloud metadata host (node-sdk utils/cloudplatform.ts checkIsInTencentCloud).
 * - SCF_NAMESPACE: the env id that `SYMBOL_CURRENT_ENV` resolves to (utils/tcbapirequester.ts
 *   getEnvIdFromContext); TENCENTCLOUD_REGION: the SDK logs an error in SCF without it.
 * - TENCENTCLOUD_SECRETID/SECRETKEY: the SDK refuses to send a request without credentials; the local
 *   database does not check the signature, so any value does.
 * - TCB_CONTEXT_CNFG `{ URL }`: the platform-injected endpoint that every SDK request goes to in
 *   place of tcb-api.tencentcloudapi.com (utils/tcbcontext.ts getServerInjectUrl), read per request.
 */
export function localSdkEnv(dbUrl: string): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'jucun-local',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: dbUrl }),
  }
}
