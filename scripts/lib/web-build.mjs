// Where the browser tests' own production build of the storefront goes (apps/web/<TEST_BUILD_OUT>,
// WEB_BUILD_OUT in apps/web/svelte.config.js): apart from apps/web/build, which `npm start` serves,
// so a test run never replaces a running storefront's files. A module of its own so that the
// browser tests can read it without importing the runner that imports them.
export const TEST_BUILD_OUT = 'build-test';
