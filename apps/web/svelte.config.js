// SvelteKit configuration of the storefront. Server-rendered pages (no client-side router: see
// src/routes/+layout.ts), built with adapter-node into apps/web/build and run with
// `node apps/web/build` (PORT, HOST, ORIGIN; API_URL, PUBLIC_WEB_URL: see src/lib/server/config.ts).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // WEB_BUILD_OUT: the browser tests build into their own folder (build-test), so that `npm test`
    // never replaces the files of a storefront that `npm start` is serving.
    adapter: adapter({ out: process.env.WEB_BUILD_OUT ?? 'build', precompress: true }),
    alias: {
      '@techport/shared': '../../libs/shared/src/index.ts',
    },
    // The pages ship no JavaScript, so the policy can forbid inline scripts outright, and they
    // style through the one stylesheet (no inline `style` attributes or elements: charts draw
    // their bars with SVG attributes), so no 'unsafe-inline' for styles either. SvelteKit puts
    // the policy in a response header (frame-ancestors works only there) and would add a nonce
    // to any inline script or style it had to emit. Other headers: src/lib/server/security-headers.ts.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        'img-src': ['self', 'data:', 'https:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
    // SvelteKit's own origin check knows only the build-time list; src/lib/server/csrf.ts checks
    // form posts at run time instead (ORIGIN, its loopback twin, CSRF_TRUSTED_ORIGINS), so a
    // storefront on http://localhost:3000 also takes forms from http://127.0.0.1:3000.
    csrf: { trustedOrigins: ['*'] },
  },
};

export default config;
