import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { TokenService } from './token.service.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { SecondFactorResolver } from '../second-factor/second-factor.resolver.js';

@Module({
  providers: [AccountsService, TokenService, AccountsResolver, SecondFactorService, SecondFactorResolver],
  exports: [AccountsService, TokenService, SecondFactorService],
})
export class AccountsModule {}
