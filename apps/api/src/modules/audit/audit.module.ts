import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { StaffAuditService } from './staff-audit.service.js';
import { StaffAuditResolver } from './staff-audit.resolver.js';
import { StaffAuditExportController } from './staff-audit-export.controller.js';

/** `StaffAuditService`, global so every module's services record their staff actions with it. */
@Global()
@Module({
  providers: [StaffAuditService],
  exports: [StaffAuditService],
})
export class AuditModule {}

/** Reading the audit log: the admins' query and the CSV export. */
@Module({
  imports: [AccountsModule],
  providers: [StaffAuditResolver],
  controllers: [StaffAuditExportController],
})
export class AuditLogModule {}
