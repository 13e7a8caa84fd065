import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counters of rate-limiter-flexible's PostgreSQL store (common/rate-limit.service.ts); not a TypeORM entity. */
export class RateLimit1795905308264 implements MigrationInterface {
  name = 'RateLimit1795905308264';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rate_limit" ("key" character varying(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
    await queryRunner.query(`CREATE INDEX "IDX_rate_limit_expire" ON "rate_limit" ("expire")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
