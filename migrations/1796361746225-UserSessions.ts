import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions a user can see and end (user_session, keyed by the token's jti) replace the list of
 * revoked tokens: a token is accepted only while its session row exists, so tokens issued before
 * this migration (they have no row) are refused and their holders sign in again.
 * Also the admin user search's folding: fold_search(text) is the SQL twin of the shared
 * foldDiacritics + lower case (NFD, combining marks removed, đ → d), with a trigram index.
 */
export class UserSessions1796361746225 implements MigrationInterface {
  name = 'UserSessions1796361746225';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_session" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "user_agent" character varying(500), "ip_address" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_user_session_user_id" ON "user_session"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_user_session_expires_at" ON "user_session"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`DROP TABLE IF EXISTS "revoked_token"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION fold_search(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       AS $$ SELECT lower(translate(regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f]', '', 'g'), 'đĐ', 'dD')) $$`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_app_user_search" ON "app_user" USING gin (fold_search(email || ' ' || display_name) gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_app_user_search"`);
    await queryRunner.query(`DROP FUNCTION fold_search(text)`);
    await queryRunner.query(`CREATE TABLE "revoked_token" ("jti" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_51805a32c382d2841b953c16880" PRIMARY KEY ("jti"))`);
    await queryRunner.query(`CREATE INDEX "IDX_revoked_token_expires_at" ON "revoked_token"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_user_id"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
  }
}
