import type { MigrationInterface, QueryRunner } from 'typeorm';

/** search_index_version.document_fingerprint: what built the index's documents (search/index-version.ts). */
export class SearchDocumentFingerprint1796410000000 implements MigrationInterface {
  name = 'SearchDocumentFingerprint1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_index_version" ADD "document_fingerprint" character varying(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_index_version" DROP COLUMN "document_fingerprint"`);
  }
}
