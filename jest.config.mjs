// jest for the API and the libraries: TypeScript compiled by SWC (using .swcrc: decorators,
// metadata and the @techport/shared path), run as native ES modules.
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@techport/shared$': '<rootDir>/libs/shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  // End-to-end specs boot the app and talk to PostgreSQL and Meilisearch: allow them two minutes
  // (a minute was close on a slow clean clone, where every spec took 2–2.5 times as long).
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'shared', testMatch: ['<rootDir>/libs/shared/src/**/*.spec.ts'] },
    { ...common, displayName: 'api-unit', testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts'] },
    // The storefront's plain TypeScript (no Svelte, no SvelteKit modules): apps/web/src/lib/*.spec.ts.
    { ...common, displayName: 'web-unit', testMatch: ['<rootDir>/apps/web/src/lib/*.spec.ts'] },
    {
      ...common,
      displayName: 'api-e2e',
      testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/apps/api/test/support/env.ts'],
    },
    {
      // Service-level specs: the application's services without HTTP (test/support/factories.ts).
      ...common,
      displayName: 'api-service',
      testMatch: ['<rootDir>/apps/api/test/**/*.service-spec.ts'],
      setupFiles: ['<rootDir>/apps/api/test/support/env.ts'],
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/apps/api/test/faults/**/*.fault-spec.ts'],
      setupFiles: ['<rootDir>/apps/api/test/support/env.ts'],
    },
  ],
};
