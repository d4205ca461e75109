/** `npm test` runs every project: unit, integration (real SDK against the local CloudBase), component, browser. */
module.exports = {
  // jest's default on 2 cores is one worker, and most files here wait on a server, a browser or the
  // simulator rather than compute: two workers took the suite from 293 s to 242 s on this machine.
  maxWorkers: 2,
  // No test leaves a handle open: at the end every worker's event loop is empty within milliseconds
  // ('beforeExit'). But a worker that has run dozens of files ends with 600-700 MB of V8 heap, mostly
  // garbage, and Node's natural exit frees it page by page; on this machine that took 0.5-1 s, past
  // the 500 ms jest-worker allows, so jest killed it and printed "A worker process has failed to exit
  // gracefully". A worker whose heap passes this after a file is replaced (killed, not torn down),
  // so none ends the run with a heap that slow to free. At 300 MB workers were replaced so often that
  // the suite took 297 s instead of 230; at 512 MB it took 234 s, with no warning.
  workerIdleMemoryLimit: '512MB',
  projects: [
    '<rootDir>/test/jest/unit.config.js',
    '<rootDir>/test/jest/integration.config.js',
    '<rootDir>/test/jest/component.config.js',
    '<rootDir>/test/jest/e2e.config.js',
    '<rootDir>/test/jest/weapp.config.js',
  ],
}
