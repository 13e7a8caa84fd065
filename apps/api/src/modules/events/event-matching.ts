import { In, type EntityManager } from 'typeorm';
import { ListingStatus } from '@techport/shared';
import { ListingEntity } from '../listings/listing.entity.js';
import { isListedPublicly } from '../listings/listing.rules.js';
import { matchDocument } from '../matching/matching.service.js';
import type { ListingDocument } from '../search/listing-document.js';
import type { EventRegistrationEntity } from './event.entity.js';

/**
 * The public listings each registration brings (an exhibitor's offers, a visitor's demands), as
 * the matching engine's documents, in ONE query; a listing no longer public is left out. What the
 * scheduler's priorities and the marketplace's suggestions score.
 */
export async function registrationDocuments(em: EntityManager, regs: readonly EventRegistrationEntity[], now: Date): Promise<Map<string, ListingDocument[]>> {
  const out = new Map<string, ListingDocument[]>();
  const listingIds = [...new Set(regs.flatMap((r) => r.listingIds))];
  if (!listingIds.length) return out;
  const listings = await em
    .getRepository(ListingEntity)
    .createQueryBuilder('l')
    .innerJoinAndSelect('l.organization', 'o')
    .where({ id: In(listingIds), status: ListingStatus.PUBLISHED })
    .getMany();
  const docs = new Map(listings.filter((l) => isListedPublicly(l, now)).map((l) => [l.id, matchDocument(l)]));
  for (const r of regs) out.set(r.id, r.listingIds.flatMap((id) => docs.get(id) ?? []));
  return out;
}
