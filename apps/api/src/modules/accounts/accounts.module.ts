import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { TokenService } from './token.service.js';

@Module({
  providers: [AccountsService, TokenService, AccountsResolver],
  exports: [AccountsService, TokenService],
})
export class AccountsModule {}
