import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsService } from './organizations.service.js';
import { OrganizationInvitationResolver, OrganizationMemberResolver, OrganizationsResolver, UserOrganizationsResolver } from './organizations.resolver.js';

@Module({
  imports: [AccountsModule],
  providers: [OrganizationsService, OrganizationsResolver, OrganizationMemberResolver, OrganizationInvitationResolver, UserOrganizationsResolver],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
