import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { byKeys } from '../../common/loaders.js';
import type { AccountsService } from './accounts.service.js';
import type { UserEntity } from './user.entity.js';

/** Batch-loads accounts by id, once per request for every resolver that needs one (owners, authors, audit-trail actors). */
export function userLoader(ctx: GqlContext, accounts: AccountsService): DataLoader<string, UserEntity | null> {
  return ctx.loaders.get('accounts.userById', () => new DataLoader(async (ids: readonly string[]) => byKeys(ids, await accounts.findByIds(ids), (u) => u.id)));
}
