/** `npm test` runs every project: unit, integration (real SDK against the local CloudBase), component, browser. */
module.exports = {
  projects: [
    '<rootDir>/test/jest/unit.config.js',
    '<rootDir>/test/jest/integration.config.js',
    '<rootDir>/test/jest/component.config.js',
    '<rootDir>/test/jest/e2e.config.js',
    '<rootDir>/test/jest/weapp.config.js',
  ],
}
