import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import type { ListingEntity } from '../listings/listing.entity.js';
import type { RegistrationsService } from './registrations.service.js';

/**
 * Public listings by id, batched per request: the offers and demands registrations bring
 * (EventRegistration.listings) and the marketplace's suggestions. Unpublished ones load as null.
 */
export function publicListingLoader(ctx: GqlContext, registrations: RegistrationsService): DataLoader<string, ListingEntity | null> {
  return ctx.loaders.get('event.registration.listing', () => new DataLoader(async (ids: readonly string[]) => {
    const rows = await registrations.publicListings(ids);
    return ids.map((id) => rows.find((l) => l.id === id) ?? null);
  }));
}
