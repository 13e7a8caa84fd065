import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs apart from the outbox: each event is fanned out to one delivery per subscriber
 * (outbox_delivery), claimed with a lease and run outside any transaction, so a failing or slow
 * subscriber retries alone and a long job (a thumbnail, a PDF) holds no lock. The event row is
 * marked processed when its last delivery is done; `dispatched_at` says it has been fanned out.
 */
export class OutboxDeliveries1796396000000 implements MigrationInterface {
  name = 'OutboxDeliveries1796396000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "dispatched_at" TIMESTAMP WITH TIME ZONE`);
    // Events already processed count as dispatched.
    await queryRunner.query(`UPDATE "outbox_event" SET "dispatched_at" = "processed_at" WHERE "processed_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_event_undispatched" ON "outbox_event" ("available_at") WHERE "dispatched_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "outbox_delivery" (
      "event_id" bigint NOT NULL,
      "subscriber" character varying(64) NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "lease_token" uuid,
      "leased_until" TIMESTAMP WITH TIME ZONE,
      "done_at" TIMESTAMP WITH TIME ZONE,
      "last_error" text,
      CONSTRAINT "PK_outbox_delivery" PRIMARY KEY ("event_id", "subscriber"),
      CONSTRAINT "FK_outbox_delivery_event" FOREIGN KEY ("event_id") REFERENCES "outbox_event"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_delivery_due" ON "outbox_delivery" ("available_at") WHERE "done_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_event_undispatched"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "dispatched_at"`);
  }
}
