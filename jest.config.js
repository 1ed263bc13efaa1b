// One Jest run, four tiers by file suffix. SWC transpiles only; `npm run typecheck` type-checks once.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const tier = (displayName, suffix, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch: [`<rootDir>/{apps,libs,tests}/**/*.${suffix}.spec.ts`],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  ...extra,
});

module.exports = {
  projects: [
    tier('unit', 'unit'),
    tier('int', 'int'),
    tier('e2e', 'e2e'),
    // The web app in Debian's Chromium (playwright-core): one platform, one browser, several pages.
    tier('browser', 'browser'),
  ],
  testTimeout: 60_000,
};
