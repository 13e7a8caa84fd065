import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import type { OrganizationsService } from './organizations.service.js';

/** The caller's memberships: the organisations' ids, and the caller's role in each (OWNER, MEMBER). */
interface ViewerMemberships {
  ids: ReadonlySet<string>;
  roles: ReadonlyMap<string, string>;
}

const NONE: ViewerMemberships = { ids: new Set(), roles: new Map() };

/**
 * The caller's memberships, read once per request (one query for the request) and shared by every
 * module's resolvers: "is the caller a member?" on a page of listings, deals, events.
 */
function viewerMemberships(ctx: GqlContext, organizations: OrganizationsService): Promise<ViewerMemberships> {
  if (!ctx.viewer) return Promise.resolve(NONE);
  return ctx.loaders
    .get(
      'organizations.viewerMemberships',
      () =>
        new DataLoader(async (userIds: readonly string[]) => {
          const rows = await organizations.membershipsOfUsers(userIds);
          return userIds.map((u): ViewerMemberships => {
            const roles = new Map(rows.filter((r) => r.userId === u).map((r) => [r.organizationId, r.role as string]));
            return { ids: new Set(roles.keys()), roles };
          });
        }),
    )
    .load(ctx.viewer.id);
}

/** The organisations the caller belongs to. */
export async function viewerOrganizationIds(ctx: GqlContext, organizations: OrganizationsService): Promise<ReadonlySet<string>> {
  return (await viewerMemberships(ctx, organizations)).ids;
}

/** The caller's role in an organisation (OWNER, MEMBER), or null when not a member. */
export async function viewerRoleIn(ctx: GqlContext, organizations: OrganizationsService, organizationId: string): Promise<string | null> {
  return (await viewerMemberships(ctx, organizations)).roles.get(organizationId) ?? null;
}
