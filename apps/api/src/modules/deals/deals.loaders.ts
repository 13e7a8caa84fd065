import { viewerOrganizationIds as sharedViewerOrganizationIds } from '../organizations/viewer-organizations.js';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { GqlContext } from '../../common/context.js';
import { byKeys, groupByKeys } from '../../common/loaders.js';
import { isUuid } from '../../common/ids.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { InterestEntity, MessageEntity } from './interest.entity.js';
import type { DealEventEntity } from './deal.entity.js';
import type { InterestsService } from './interests.service.js';
import type { DealsService } from './deals.service.js';

/** Per-request batching for the fields of interests, messages and deals. */

/** Listings by id whatever their status: a party to an interest keeps seeing what it was about. */
export function listingLoader(ctx: GqlContext, ds: DataSource): DataLoader<string, ListingEntity | null> {
  return ctx.loaders.get('deals.listingById', () =>
    new DataLoader(async (ids: readonly string[]) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await ds.getRepository(ListingEntity).findBy({ id: In(valid) }) : [];
      return byKeys(ids, rows, (l) => l.id);
    }),
  );
}

export function interestLoader(ctx: GqlContext, service: InterestsService): DataLoader<string, InterestEntity | null> {
  return ctx.loaders.get('deals.interestById', () => new DataLoader(async (ids: readonly string[]) => byKeys(ids, await service.findByIds(ids), (i) => i.id)));
}

export function messagesLoader(ctx: GqlContext, service: InterestsService): DataLoader<string, MessageEntity[]> {
  return ctx.loaders.get('deals.messagesByInterest', () =>
    new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await service.messagesOf(ids), (m) => m.interestId)),
  );
}

export function dealEventsLoader(ctx: GqlContext, service: DealsService): DataLoader<string, DealEventEntity[]> {
  return ctx.loaders.get('deals.eventsByDeal', () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await service.eventsOf(ids), (e) => e.dealId)));
}

/** The organisations the caller belongs to, read once per request. */
export async function viewerOrganizationIds(ctx: GqlContext, organizations: OrganizationsService): Promise<string[]> {
  return [...(await sharedViewerOrganizationIds(ctx, organizations))];
}
