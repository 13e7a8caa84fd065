import type { PageServerLoad } from './$types';
import { DashboardTodo, MyListings, Notifications, ReviewQueue } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

/** The deal steps that wait on a party, in the order a deal meets them. */
const PARTY_STEPS = ['ACCEPT', 'SIGN', 'COMPLETE'] as const;
/** How many conversations the overview shows (the rest: /dashboard/interests). */
const CONVERSATIONS = 5;

export const load: PageServerLoad = async ({ locals }) => {
  // A moderator signs in to this overview too: what waits in the review queue, one link away.
  const staff = !!locals.user?.roles.some((r) => r === 'MODERATOR' || r === 'ADMIN');
  const [listings, notifications, todo, queue] = await Promise.all([
    section(locals.api.request(MyListings, { page: { page: 1, pageSize: 5 } })),
    section(locals.api.request(Notifications, { unreadOnly: false })),
    section(locals.api.request(DashboardTodo, {})),
    staff ? section(locals.api.request(ReviewQueue, { kind: null, page: { page: 1, pageSize: 1 } })) : null,
  ]);
  const review = queue?.data?.reviewQueue;
  // A party's next steps (`awaitingMe`: a moderator's reviews are on the moderation desk, not here).
  const deals = (todo.data?.deals.items ?? [])
    .map((d) => ({ ...d, next: PARTY_STEPS.find((a) => d.viewerActions.includes(a)) }))
    .filter((d): d is typeof d & { next: (typeof PARTY_STEPS)[number] } => d.next !== undefined);
  const interests = (todo.data?.interests ?? []).filter((i) => i.status === 'OPEN' && i.listingOrganization.viewerIsMember);
  // What a review sent back: rejected listings, and published ones whose update was rejected.
  const rejected = todo.data?.rejectedListings.items ?? [];
  const expert = todo.data?.myExpertProfile;
  const expertRejected = expert?.status === 'REJECTED' ? 'PROFILE' : expert?.pendingRevision?.declined ? 'UPDATE' : null;
  // The latest conversations still going on (open or accepted; the API lists them last message
  // first), each with the other side and, from the notifications, whether something in it is unread.
  const unread = new Set(
    (notifications.data?.notifications ?? [])
      .filter((n) => !n.readAt && n.url)
      .map((n) => /^\/(?:dashboard\/)?interests\/([^/?#]+)/.exec(n.url ?? '')?.[1])
      .filter((id): id is string => !!id),
  );
  const ongoing = (todo.data?.interests ?? []).filter((i) => i.status === 'OPEN' || i.status === 'ACCEPTED');
  const conversations = ongoing.slice(0, CONVERSATIONS).map((i) => {
    const sent = i.organization.viewerIsMember;
    return { ...i, sent, other: sent ? i.listingOrganization.name : i.organization.name, unread: unread.has(i.id) };
  });
  return {
    todo: {
      moderation: review?.totalItems ? { count: review.totalItems, overdue: review.overdueItems, days: review.reviewTargetDays } : null,
      deals,
      moreDeals: Math.max(0, (todo.data?.deals.totalItems ?? 0) - deals.length), interests, rejected, moreRejected: Math.max(0, (todo.data?.rejectedListings.totalItems ?? 0) - rejected.length), expertRejected },
    conversations: { items: conversations, more: ongoing.length - conversations.length, failed: !todo.data },
    listings,
    notifications: notifications.data?.notifications.slice(0, 5) ?? [],
  };
};
