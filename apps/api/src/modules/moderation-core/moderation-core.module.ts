import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ModeratedContentService } from './moderated-content.service.js';
import { ReviewQueueResolver } from './review-queue.resolver.js';

/**
 * The moderated-content core (moderation.workflow.ts, moderated-content.service.ts): the workflow
 * table, pending revisions, audit trails, jurisdiction, the review queue, renewal, owner notices
 * and publication events, for every kind that plugs in with a descriptor (moderated-kind.ts).
 */
@Module({
  imports: [OrganizationsModule],
  providers: [ModeratedContentService, ReviewQueueResolver],
  exports: [ModeratedContentService],
})
export class ModerationCoreModule {}
