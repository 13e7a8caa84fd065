import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { StaffAuditService } from './staff-audit.service.js';
import { StaffAuditResolver } from './staff-audit.resolver.js';
import { StaffAuditExportController } from './staff-audit-export.controller.js';

/** The audit log of staff actions: global, so every module's services can record their actions. */
@Global()
@Module({
  imports: [AccountsModule],
  providers: [StaffAuditService, StaffAuditResolver],
  controllers: [StaffAuditExportController],
  exports: [StaffAuditService],
})
export class AuditModule {}
