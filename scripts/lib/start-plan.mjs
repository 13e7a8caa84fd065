// What `npm start` will do, decided from the environment before anything runs: whether to seed
// the demo exchange, which admin account to ensure, and the banner that tells the operator what is
// true afterwards. Pure functions (files are read and written only through `secretFile`), so
// apps/api/test/start-plan.e2e-spec.ts checks them against a real API.

export const DEMO_ADMIN = { email: 'admin@demo.techport.vn', password: 'Techport@2026' };
/** The admin of an empty exchange when none is configured (its password is made once under .data/). */
export const DEFAULT_ADMIN_EMAIL = 'admin@techport.local';

/** SEED_DEMO: true (the default for `npm start`) seeds the demo exchange once; false starts an empty one. */
export function parseSeedDemo(value) {
  if (value === undefined || value === '') return true;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new Error(`SEED_DEMO must be true or false (got "${value}")`);
}

/**
 * @param {Record<string, string | undefined>} env  the operator's environment
 * @param {{ secretFile: (name: string) => string }} io  returns a random secret kept in .data/<name> (made on first use)
 * @returns {{ seedDemo: boolean, admin: { email: string, password: string, source: 'configured' | 'demo' | 'generated' } }}
 */
export function startPlan(env, io) {
  const seedDemo = parseSeedDemo(env.SEED_DEMO);
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (Boolean(email) !== Boolean(password)) throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both, or neither');
  if (email && password) {
    if (password.length < 10) throw new Error('ADMIN_PASSWORD must be at least 10 characters');
    return { seedDemo, admin: { email, password, source: 'configured' } };
  }
  // The demo's admin (password in README.md) only comes with the demo data.
  if (seedDemo) return { seedDemo, admin: { ...DEMO_ADMIN, source: 'demo' } };
  return { seedDemo, admin: { email: DEFAULT_ADMIN_EMAIL, password: io.secretFile('admin-password'), source: 'generated' } };
}

/** The lines printed once everything runs: only what is true for this start. */
export function startBanner(plan, { webPort, apiPort, mailOutboxDir, smtp, totpSecret = '' }) {
  const { admin } = plan;
  const password =
    admin.source === 'configured' ? '(the ADMIN_PASSWORD you set)' : admin.source === 'generated' ? `${admin.password}   (kept in .data/admin-password; set ADMIN_EMAIL / ADMIN_PASSWORD to choose)` : admin.password;
  const lines = [
    '',
    '  Techport is running',
    `    storefront   http://localhost:${webPort}   (or http://127.0.0.1:${webPort})`,
    `    GraphQL API  http://localhost:${apiPort}/graphql      health: http://localhost:${apiPort}/health`,
    `    e-mails      ${smtp ? 'sent through SMTP_URL' : `${mailOutboxDir} (no SMTP_URL set)`}`,
    '',
    `  Admin          ${admin.email} / ${password}`,
  ];
  if (plan.seedDemo) {
    lines.push(
      '',
      '  Demo accounts (all listed in README.md; SEED_DEMO=false starts without them):',
      '    moderator, all provinces   moderator@demo.techport.vn / Techport@2026',
      '    moderator, Tây Ninh        moderator.tayninh@demo.techport.vn / Techport@2026',
      '    business                   loc.mai@co-khi-binh-minh.demo.techport.vn / Techport@2026',
      '    research institute         lan.nguyen@vien-sinh-hoc.demo.techport.vn / Techport@2026',
      '    every member               `npm run seed -- --list` (README.md)',
    );
  } else {
    lines.push('', '  SEED_DEMO=false: no demo data or demo accounts were added.');
  }
  if (totpSecret) {
    // Staff sign in in two steps (password, then an authenticator code).
    lines.push(
      `  Staff sign in in two steps: add the demo authenticator secret ${totpSecret}`,
      `  to an authenticator app (or: node -e "import('otplib').then(async o => console.log(await o.generate({ secret: '${totpSecret}' })))")`,
    );
  }
  lines.push('  Ctrl-C stops everything.', '');
  return lines.join('\n');
}
