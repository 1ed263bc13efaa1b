// ESLint flat config for the whole workspace.
//
// Architecture rules live in the dependency matrix below, enforced by
// @nx/enforce-module-boundaries from the tags in each project.json.
// A new project under an agency scope (mental-health, employer,
// municipality, ...) only needs a project.json with a `type:*` and a
// `scope:*` tag.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { createProjectGraphAsync } from 'nx/src/devkit-exports';

// @nx/enforce-module-boundaries reads the *cached* project graph and silently
// skips itself if there is none (fresh clone, CI) or uses a stale one (new
// project.json). When ESLint is run directly (`eslint .`, IDE), compute the
// graph first so the cache exists and is current. Skip it inside an Nx task
// (the parent nx process already did it) and while Nx itself is building the
// graph (@nx/eslint/plugin loads this file during graph construction).
if (!process.env.NX_TASK_TARGET_PROJECT && !globalThis.NX_GRAPH_CREATION) {
  await createProjectGraphAsync({ exitOnError: false });
}

// ---------------------------------------------------------------------------
// Dependency matrix
// ---------------------------------------------------------------------------

/** Which `type:*` a project of a given `type:*` may depend on. */
const TYPE_DEPENDENCIES = {
  'type:util': ['type:util'],
  'type:contracts': ['type:util'],
  'type:domain': ['type:contracts', 'type:util'],
  'type:infra': ['type:infra', 'type:contracts', 'type:util'],
  'type:application': ['type:domain', 'type:contracts', 'type:util', 'type:infra'],
  'type:feature': ['type:domain', 'type:contracts', 'type:util', 'type:infra', 'type:application'],
  'type:testing': ['type:util', 'type:contracts', 'type:domain', 'type:infra'],
  // Composition shared by the apps and the e2e harnesses (which agency service runs which modules, service
  // start-up, the HTTP app): a composition root like an app, with no domain of its own.
  'type:runtime': ['type:feature', 'type:application', 'type:domain', 'type:infra', 'type:contracts', 'type:util'],
  'type:app': ['*'],
  'type:e2e': ['*'],
};

/** Types that are composition roots: they may depend on anything. */
const COMPOSITION_ROOT_TYPES = ['type:app', 'type:e2e', 'type:runtime'];

/** Types that spec files (and test-helper entry points) may additionally depend on. */
const TEST_ONLY_TYPES = ['type:testing'];

/**
 * Vertical slices. Each may depend on itself and on scope:shared only, so one
 * agency can reach another only through shared contracts.
 */
const SLICE_SCOPES = ['scope:welfare-office', 'scope:mental-health', 'scope:employer', 'scope:municipality', 'scope:programme', 'scope:team-view'];

/**
 * The edge alone speaks HTTP (convention 6): the kernel, the domain and the command pipeline return outcomes with
 * stable codes, and the HTTP edge's one exception filter turns a refusal into problem+json. Their code (tests aside)
 * may not import @ips/http.
 */
const HTTP_FREE_FILES = ['libs/kernel/src/**/*.ts', 'libs/command-pipeline/src/**/*.ts', 'libs/*/domain/src/**/*.ts'];
const NO_HTTP = { '@ips/http': 'The HTTP edge maps outcomes to problems (convention 6): return an outcome, not an HTTP problem.' };

/** Pure code (no framework, no I/O): these externals are banned. */
const PURE_TYPES = ['type:util', 'type:contracts', 'type:domain'];
const BANNED_IN_PURE_CODE = ['@nestjs/*', 'pg', 'kafkajs', '@kurrent/kurrentdb-client', '@electric-sql/pglite', 'class-validator', 'express'].flatMap((name) =>
  name.endsWith('/*') ? [name] : [name, `${name}/*`],
); // include deep imports

/** @param {{ extraTypes?: string[] }} [options] */
function depConstraints({ extraTypes = [] } = {}) {
  const byType = Object.entries(TYPE_DEPENDENCIES).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: COMPOSITION_ROOT_TYPES.includes(sourceTag) ? allowed : [...allowed, ...extraTypes],
    ...(PURE_TYPES.includes(sourceTag) ? { bannedExternalImports: BANNED_IN_PURE_CODE } : {}),
  }));

  const bySliceScope = SLICE_SCOPES.map((sourceTag) => ({
    sourceTag,
    onlyDependOnLibsWithTags: [sourceTag, 'scope:shared'],
  }));

  // Shared libraries must stay shared: they may not reach into a slice (which
  // would also let one agency reach another through them). Composition roots
  // (apps, e2e) are scope:shared too but wire the slices together.
  const sharedLibs = Object.keys(TYPE_DEPENDENCIES)
    .filter((type) => !COMPOSITION_ROOT_TYPES.includes(type))
    .map((type) => ({
      allSourceTags: ['scope:shared', type],
      onlyDependOnLibsWithTags: ['scope:shared'],
    }));

  return [...byType, ...bySliceScope, ...sharedLibs];
}

const moduleBoundaries = (options) => ['error', { depConstraints: depConstraints(options) }];

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** The web app runs in the browser (apps/web: React, built by Vite). */
const BROWSER_FILES = ['apps/web/**/*.ts', 'apps/web/**/*.tsx'];

/** Test code: spec files and test-helper folders (e.g. libs/event-store/src/testing = @ips/event-store/testing). */
const TEST_FILES = ['**/*.spec.ts', '**/src/testing/**/*.ts'];

/** Code that may import test-helper entry points without being a spec file. */
const TEST_SUPPORT_FILES = [...TEST_FILES, 'libs/testing/**/*.ts', 'tests/**/*.ts'];

/** Non-test code that may import `MockKafkaCluster` (and only that) from `@ips/messaging/testing`. */
const MOCK_KAFKA_CLUSTER_USERS = ['tools/start-distributed.ts', 'apps/platform/src/fixtures/data-dir-before-teams/capture-seen.cli.ts'];

/**
 * `no-restricted-imports` for test helpers: `@ips/testing` and every `@ips/<lib>/testing` entry point.
 * @param {{ allow?: Record<string, string[]> }} [options] entry point -> the only names that may be imported from it
 */
function testHelperImports({ allow = {}, forbid = {} } = {}) {
  const message = 'Test-helper entry points are for spec files and tests/ only.';
  return [
    'error',
    {
      paths: [
        { name: '@ips/testing', message: 'Test helpers are for spec files and tests/ only.' },
        ...Object.entries(allow).map(([name, allowImportNames]) => ({ name, allowImportNames, message })),
        ...Object.entries(forbid).map(([name, reason]) => ({ name, message: reason })),
      ],
      patterns: [
        {
          group: ['@ips/*/testing', '@ips/*/testing/**', '@ips/*/*/testing', '@ips/*/*/testing/**', ...Object.keys(allow).map((name) => `!${name}`)],
          message,
        },
      ],
    },
  ];
}

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};
const commonJsGlobals = {
  ...nodeGlobals,
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
};

export default defineConfig(
  {
    ignores: ['**/node_modules/', '**/dist/', '**/tmp/', '**/data/', '**/coverage/', '**/.nx/'],
  },

  // JavaScript (jest.config.js, tools/*.js are CommonJS; this file is ESM).
  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: commonJsGlobals },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
  },

  // TypeScript: eslint + typescript-eslint recommended (syntax-only, no type information).
  {
    files: TS_FILES,
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': moduleBoundaries(),
      // Test-helper entry points (`@ips/<lib>/testing`) and @ips/testing are for test code only.
      'no-restricted-imports': testHelperImports(),
      // A stored event becomes a domain event through the pipeline's load (which opens sealed fields) or a typed guard.
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
          message: '`as unknown as` hides a wrong type: load through the pipeline, or narrow with a type guard (tests may).',
        },
      ],
    },
  },

  // Test code: may additionally depend on type:testing projects; `any` is fine in tests.
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ extraTypes: TEST_ONLY_TYPES }),
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: HTTP_FREE_FILES,
    rules: { 'no-restricted-imports': testHelperImports({ forbid: NO_HTTP }) },
  },
  {
    files: TEST_SUPPORT_FILES,
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    // They start a throwaway local mock Kafka cluster (a try-out, a fixture capture): MockKafkaCluster only, nothing else.
    files: MOCK_KAFKA_CLUSTER_USERS,
    rules: { 'no-restricted-imports': testHelperImports({ allow: { '@ips/messaging/testing': ['MockKafkaCluster'] } }) },
  },
  {
    files: BROWSER_FILES,
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
);
