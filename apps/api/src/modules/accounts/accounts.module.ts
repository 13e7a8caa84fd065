import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { TokenService } from './token.service.js';
import { AccountMailService } from './account-mail.service.js';

@Module({
  providers: [AccountsService, TokenService, AccountMailService, AccountsResolver],
  exports: [AccountsService, TokenService, AccountMailService],
})
export class AccountsModule {}
