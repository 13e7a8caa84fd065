import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { SessionsResolver } from './sessions.resolver.js';
import { SessionsService } from './sessions.service.js';
import { TokenService } from './token.service.js';
import { AccountMailService } from './account-mail.service.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { SecondFactorResolver } from '../second-factor/second-factor.resolver.js';

@Module({
  providers: [AccountsService, TokenService, SessionsService, AccountMailService, AccountsResolver, SessionsResolver, SecondFactorService, SecondFactorResolver],
  exports: [AccountsService, TokenService, SessionsService, AccountMailService, SecondFactorService],
})
export class AccountsModule {}
