import type { DataSource } from 'typeorm';
import { hashPassword, verifyPassword } from './password.js';

export type ConfiguredAdminOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes the configured admin (ADMIN_EMAIL / ADMIN_PASSWORD) true at every start: the account
 * exists, is enabled, holds the ADMIN role, and signs in with ADMIN_PASSWORD. The operator's
 * configuration wins over whatever the database held before (a demo seed, an earlier password),
 * so what the start banner prints is what works. Other accounts are left alone.
 *
 * `email` must already be normalised (trimmed, lower case).
 */
export async function ensureConfiguredAdmin(ds: DataSource, email: string, password: string): Promise<ConfiguredAdminOutcome> {
  const [row]: { password_hash: string; roles: string[]; disabled: boolean; activated: boolean }[] = await ds.query(
    `SELECT password_hash, roles, disabled, email_verified_at IS NOT NULL AS activated FROM app_user WHERE email = $1`,
    [email],
  );
  const passwordMatches = row ? await verifyPassword(row.password_hash, password) : false;
  if (row && passwordMatches && row.activated && !row.disabled && row.roles.includes('ADMIN') && row.roles.includes('MEMBER')) return 'unchanged';
  // Keep the stored hash when it already matches (no needless rehash on every start).
  const hash = passwordMatches ? row!.password_hash : await hashPassword(password);
  // One statement, so two API processes starting together end in the same state.
  const [result]: { inserted: boolean }[] = await ds.query(
    // The operator's own address: confirmed by configuration, so no activation link is needed.
    `INSERT INTO app_user (email, password_hash, display_name, roles, email_verified_at)
     VALUES ($1, $2, 'Administrator', '{MEMBER,ADMIN}', now())
     ON CONFLICT (email) DO UPDATE SET
       password_hash = EXCLUDED.password_hash,
       disabled = false,
       email_verified_at = COALESCE(app_user.email_verified_at, now()),
       roles = array(SELECT DISTINCT unnest(app_user.roles || '{MEMBER,ADMIN}'::text[]))
     RETURNING (xmax = 0) AS inserted`,
    [email, hash],
  );
  return result.inserted ? 'created' : 'updated';
}
