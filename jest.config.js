/** `npm test` runs every project: unit, integration (real SDK against the local CloudBase), component, browser. */
module.exports = {
  // jest's default on 2 cores is one worker, and most files here wait on a server, a browser or the
  // simulator rather than compute: two workers took the suite from 293 s to 242 s on this machine.
  maxWorkers: 2,
  projects: [
    '<rootDir>/test/jest/unit.config.js',
    '<rootDir>/test/jest/integration.config.js',
    '<rootDir>/test/jest/component.config.js',
    '<rootDir>/test/jest/e2e.config.js',
    '<rootDir>/test/jest/weapp.config.js',
  ],
}
