import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchIndexVersion1796364090324 implements MigrationInterface {
  name = 'SearchIndexVersion1796364090324';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "search_index_version" ("index_uid" character varying(200) NOT NULL, "version" bigint NOT NULL DEFAULT '0', "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0fd0df360b9b2068f1aaf1cd235" PRIMARY KEY ("index_uid"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_index_version"`);
  }
}
