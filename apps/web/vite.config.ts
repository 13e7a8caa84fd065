import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
  plugins: [
    // Compiles messages/{vi,en}.json into typed message functions (offline: the message-format
    // plugin is loaded from node_modules by project.inlang/settings.json).
    paraglideVitePlugin(paraglideOptions),
    sveltekit(),
  ],
  server: { fs: { allow: ['../../libs'] } },
  build: { target: 'es2022' },
});
