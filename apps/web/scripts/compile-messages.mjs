// Compiles messages/{vi,en}.json into src/lib/paraglide (what the Vite plugin does during a
// build), for tools that run without Vite: svelte-check. Offline: the inlang project loads its
// message-format plugin from node_modules (project.inlang/settings.json).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(WEB);
await compile(paraglideOptions);
console.log('[messages] compiled into src/lib/paraglide');
