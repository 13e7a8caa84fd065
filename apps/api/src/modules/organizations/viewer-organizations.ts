import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import type { OrganizationsService } from './organizations.service.js';

const NONE: ReadonlySet<string> = new Set();

/**
 * The organisations the caller belongs to, read once per request (one query for the request) and
 * shared by every module's resolvers: "is the caller a member?" on a page of listings, deals, events.
 */
export function viewerOrganizationIds(ctx: GqlContext, organizations: OrganizationsService): Promise<ReadonlySet<string>> {
  if (!ctx.viewer) return Promise.resolve(NONE);
  return ctx.loaders
    .get(
      'organizations.viewerOrganizationIds',
      () =>
        new DataLoader(async (userIds: readonly string[]) => {
          const rows = await organizations.membershipsOfUsers(userIds);
          return userIds.map((u): ReadonlySet<string> => new Set(rows.filter((r) => r.userId === u).map((r) => r.organizationId)));
        }),
    )
    .load(ctx.viewer.id);
}
