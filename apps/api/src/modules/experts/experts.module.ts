import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { SearchModule } from '../search/search.module.js';
import { ModerationCoreModule } from '../moderation-core/moderation-core.module.js';
import { ExpertsService } from './experts.service.js';
import { ExpertContactsService } from './expert-contacts.service.js';
import { ExpertSearchService } from './expert-search.service.js';
import { EXPERT_INDEX } from './expert-index.js';
import { ExpertProfileEventResolver, ExpertProfileRevisionResolver, ExpertsResolver, OrganizationExpertsResolver } from './experts.resolver.js';
import { ExpertContactsResolver, ExpertMessageResolver } from './expert-contacts.resolver.js';

/**
 * Expert and consultant profiles: one per account, a kind of moderated content (expert.kind.ts; draft → review →
 * published → archived, pending revisions of published profiles, audit trail), publicly listed
 * and searchable (`experts`, Meilisearch index `${MEILI_INDEX_PREFIX}_experts`, registered here
 * with SearchModule.forFeature and kept in step through the outbox topic `expert.changed`), and
 * contacted by organisations (`contactExpert`).
 */
@Module({
  imports: [AccountsModule, OrganizationsModule, SearchModule, SearchModule.forFeature(EXPERT_INDEX), ModerationCoreModule],
  providers: [
    ExpertsService,
    ExpertContactsService,
    ExpertSearchService,
    ExpertsResolver,
    OrganizationExpertsResolver,
    ExpertProfileEventResolver,
    ExpertProfileRevisionResolver,
    ExpertContactsResolver,
    ExpertMessageResolver,
  ],
  exports: [ExpertsService],
})
export class ExpertsModule {}
