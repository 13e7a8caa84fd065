import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { SavedSearchInput, SavedSearchUpdateInput } from './dto/saved-search.input.js';
import { SavedSearchesService } from './saved-searches.service.js';
import { SavedSearchType, toSavedSearchType } from './saved-searches.types.js';

@Resolver(() => SavedSearchType)
export class SavedSearchesResolver {
  constructor(private readonly service: SavedSearchesService) {}

  @Query(() => [SavedSearchType], { description: "The caller's saved searches, newest first." })
  async savedSearches(@Context() ctx: GqlContext): Promise<SavedSearchType[]> {
    const viewer = requireViewer(ctx);
    return (await this.service.listFor(viewer.id)).map(toSavedSearchType);
  }

  @Mutation(() => SavedSearchType, { description: 'Saves a search (at most 20 per user). With notify, newly published listings that satisfy it alert the caller.' })
  async saveSearch(@Context() ctx: GqlContext, @Args('input') input: SavedSearchInput): Promise<SavedSearchType> {
    const viewer = requireViewer(ctx);
    return toSavedSearchType(await this.service.save(viewer, input));
  }

  @Mutation(() => SavedSearchType, { description: "Renames one of the caller's saved searches or turns its alerts on or off. NOT_FOUND for anyone else's." })
  async updateSavedSearch(
    @Context() ctx: GqlContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SavedSearchUpdateInput,
  ): Promise<SavedSearchType> {
    const viewer = requireViewer(ctx);
    return toSavedSearchType(await this.service.update(viewer, id, input));
  }

  @Mutation(() => Boolean, { description: "Deletes one of the caller's saved searches." })
  async deleteSavedSearch(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    const viewer = requireViewer(ctx);
    return this.service.delete(viewer, id);
  }
}
