/**
 * Search results served from the index document.
 *
 * A page of search results is usually rendered as cards: title, summary, kind, organisation,
 * province, fields, price, TRL. The index document carries all of that, so when the query asks
 * for nothing more, the API answers from the Meilisearch hits alone and skips re-reading the
 * page's rows from PostgreSQL. The guarantee that nothing unpublished shows is kept by another
 * route (SearchService.recentIndexChanges): a hit whose listing or organisation changed in the
 * last INDEX_SETTLE_SECONDS, or still has a change waiting on the outbox, is read from
 * PostgreSQL as before, and so is every hit when the query asks for a field the document does not
 * carry (description, version, matches, owner-only fields…).
 *
 * Pure code: no framework, no I/O.
 */
import { ListingStatus, type IpStatus, type ListingKind, type OrganizationKind, type TransferMode } from '@techport/shared';
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ListingEntity } from '../listings/listing.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import type { ListingCardDocument } from './search-query.js';

/**
 * After a change to a listing or its organisation has been applied to the index, its hits are
 * still re-read from PostgreSQL for this long: a search whose Meilisearch query ran a moment
 * before the change reached the index must not show the old document. (The worker marks an event
 * processed only after Meilisearch has applied it; seconds would do, this is a wide margin.)
 */
export const INDEX_SETTLE_SECONDS = 30;

/**
 * Listing fields a card document answers. `fields`, `province` and `price` are computed from
 * codes and amounts the document carries (reference data), whatever is selected inside them.
 */
const LISTING_FIELDS = new Set([
  '__typename',
  'id',
  'kind',
  'slug',
  'title',
  'summary',
  'status',
  'keywords',
  'trl',
  'transferModes',
  'ipStatus',
  'price',
  'language',
  'publishedAt',
  'expiresAt',
  'expired',
  'fields',
  'province',
  'organization',
  // Resolved by its own batched field resolver from the id (modules/media), whatever the source of the hit.
  'coverImage',
]);
const ORGANIZATION_FIELDS = new Set(['__typename', 'id', 'slug', 'name', 'kind', 'verified']);

/** The fields selected directly in a selection set, fragments and inline fragments flattened. */
function selectedFields(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, out: { name: string; set?: SelectionSetNode }[] = [], seen = new Set<string>()) {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.push({ name: s.name.value, set: s.selectionSet });
    else if (s.kind === Kind.INLINE_FRAGMENT) selectedFields(s.selectionSet, fragments, out, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      selectedFields(fragments[s.name.value]?.selectionSet, fragments, out, seen);
    }
  }
  return out;
}

/**
 * Whether everything this `search` query selects under `hits { listing { … } }` can be answered
 * from the card documents. (Fields under @skip/@include count as selected: when in doubt, read
 * PostgreSQL.)
 */
export function hitsServableFromIndex(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const { fragments } = info;
  const hits = info.fieldNodes.flatMap((node) => selectedFields(node.selectionSet, fragments)).filter((f) => f.name === 'hits');
  const listings = hits.flatMap((h) => selectedFields(h.set, fragments)).filter((f) => f.name === 'listing');
  return listings.every((listing) =>
    selectedFields(listing.set, fragments).every(
      (f) => LISTING_FIELDS.has(f.name) && (f.name !== 'organization' || selectedFields(f.set, fragments).every((o) => ORGANIZATION_FIELDS.has(o.name))),
    ),
  );
}

/**
 * The listing and organisation of a card document, filled in as far as the document goes (only
 * the fields of LISTING_FIELDS and ORGANIZATION_FIELDS may be read from them); null for a
 * document written before cards were served from the index (a reindex brings them all).
 */
export function listingFromDocument(doc: Partial<ListingCardDocument>): { listing: ListingEntity; organization: OrganizationEntity } | null {
  if (doc.organizationSlug === undefined || doc.currency === undefined || doc.expiresAt === undefined || doc.primaryFieldCodes === undefined) return null;
  const listing = Object.assign(new ListingEntity(), {
    id: doc.id,
    kind: doc.kind as ListingKind,
    slug: doc.slug,
    status: ListingStatus.PUBLISHED,
    organizationId: doc.organizationId,
    title: doc.title,
    summary: doc.summary,
    keywords: doc.keywords ?? [],
    fieldCodes: doc.primaryFieldCodes,
    provinceCode: doc.provinceCode,
    transferModes: (doc.transferModes ?? []) as TransferMode[],
    ipStatus: (doc.ipStatus ?? null) as IpStatus | null,
    trl: doc.trl ?? null,
    priceMin: doc.priceMin ?? null,
    priceMax: doc.priceMax ?? null,
    negotiable: doc.negotiable ?? false,
    currency: doc.currency,
    language: doc.language,
    publishedAt: new Date(doc.publishedAt!),
    expiresAt: doc.expiresAt === null ? null : new Date(doc.expiresAt),
    expiredAt: null,
  });
  const organization = Object.assign(new OrganizationEntity(), {
    id: doc.organizationId,
    slug: doc.organizationSlug,
    name: doc.organizationName,
    kind: doc.organizationKind as OrganizationKind,
    verified: doc.organizationVerified ?? false,
  });
  return { listing, organization };
}

/** A document past its expiry date: no longer public, even before the expiry sweep announces it. */
export function documentExpired(doc: Partial<ListingCardDocument>, now: Date): boolean {
  return doc.expiresAt != null && doc.expiresAt <= now.getTime();
}
