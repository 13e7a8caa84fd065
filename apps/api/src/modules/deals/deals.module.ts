import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { InterestsService } from './interests.service.js';
import { DealsService } from './deals.service.js';
import { InterestsResolver, MessageResolver } from './interests.resolver.js';
import { DealEventResolver, DealsResolver } from './deals.resolver.js';
import { DealsExportController } from './deals-export.controller.js';

/** Interests and their conversations, deals and the department's review, the register and its figures. */
@Module({
  imports: [AccountsModule, OrganizationsModule],
  providers: [InterestsService, DealsService, InterestsResolver, MessageResolver, DealsResolver, DealEventResolver],
  controllers: [DealsExportController],
  exports: [InterestsService, DealsService],
})
export class DealsModule {}
