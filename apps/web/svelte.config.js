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
    adapter: adapter({ out: 'build', precompress: true }),
    alias: {
      '@techport/shared': '../../libs/shared/src/index.ts',
    },
    // The pages ship no JavaScript, so the policy can forbid scripts outright.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'https:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
    // Forms post to the same origin only (ORIGIN must be the public address in production).
    csrf: { trustedOrigins: [] },
  },
};

export default config;
