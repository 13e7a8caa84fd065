import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TechmartMeetingRequests1796375352488 implements MigrationInterface {
  name = 'TechmartMeetingRequests1796375352488';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "techmart_meeting_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "from_registration_id" uuid NOT NULL, "to_registration_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "reason" text NOT NULL, "proposed_slots" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL DEFAULT 'REQUESTED', "accepted_slot" TIMESTAMP WITH TIME ZONE, "response_note" text, "responded_by" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6e8844809cc55fa005beff5eea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0fd88dbc52c2785ae2b9a8324a" ON "techmart_meeting_request"  ("to_registration_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_meeting_request_event_status" ON "techmart_meeting_request"  ("event_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_techmart_meeting_request_open_pair" ON "techmart_meeting_request"  ("from_registration_id", "to_registration_id") WHERE status IN ('REQUESTED', 'ACCEPTED')`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD CONSTRAINT "FK_7e52bc6a5ad38c8412e8098c431" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD CONSTRAINT "FK_290e8b5b3ef04c7f7f34e6567a0" FOREIGN KEY ("from_registration_id") REFERENCES "techmart_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD CONSTRAINT "FK_0fd88dbc52c2785ae2b9a8324a1" FOREIGN KEY ("to_registration_id") REFERENCES "techmart_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" ADD CONSTRAINT "FK_47a751f45e9b52ed7adefd545ee" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" DROP CONSTRAINT "FK_47a751f45e9b52ed7adefd545ee"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" DROP CONSTRAINT "FK_0fd88dbc52c2785ae2b9a8324a1"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" DROP CONSTRAINT "FK_290e8b5b3ef04c7f7f34e6567a0"`);
    await queryRunner.query(`ALTER TABLE "techmart_meeting_request" DROP CONSTRAINT "FK_7e52bc6a5ad38c8412e8098c431"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_techmart_meeting_request_open_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_techmart_meeting_request_event_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0fd88dbc52c2785ae2b9a8324a"`);
    await queryRunner.query(`DROP TABLE "techmart_meeting_request"`);
  }
}
