import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { SessionsResolver } from './sessions.resolver.js';
import { SessionsService } from './sessions.service.js';
import { TokenService } from './token.service.js';
import { AccountMailService } from './account-mail.service.js';

@Module({
  providers: [AccountsService, TokenService, SessionsService, AccountMailService, AccountsResolver, SessionsResolver],
  exports: [AccountsService, TokenService, SessionsService, AccountMailService],
})
export class AccountsModule {}
