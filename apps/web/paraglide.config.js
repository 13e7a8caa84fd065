// Paraglide's compiler options, shared by the Vite plugin (vite.config.ts) and the stand-alone
// compile (scripts/compile-messages.mjs, used before svelte-check), so both write the same runtime.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  // ?lang=en (shareable links) > the `lang` cookie (the switch) > Vietnamese.
  strategy: ['custom-query', 'cookie', 'baseLocale'],
  cookieName: 'lang',
  emitTsDeclarations: false,
};
