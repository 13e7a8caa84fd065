import { Inject, type Type } from '@nestjs/common';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Lang } from '@techport/shared';
import type { GqlContext } from '../../common/context.js';
import { requireModerator, requireViewer } from '../../common/auth/viewer.js';
import { ArchiveArgs, ModerationArgs } from './moderation.args.js';
import type { ModeratedKindService } from './moderated-kind.service.js';

/** The steps of a kind's ModeratedKindService (whatever its content type), returning its entity E. */
type ModerationSteps<E> = {
  [K in 'submit' | 'withdraw' | 'archive' | 'moderate']: (...args: Parameters<ModeratedKindService<never, never>[K]>) => Promise<E>;
};

/** A step's mutation as the kind's schema names and describes it (submitListing, withdrawEvent…). */
export interface StepMutation {
  name: string;
  description?: string;
}

/**
 * The mutations every moderated kind offers as they are: submit, withdraw, archive and moderate,
 * each calling that step of the kind's service (a ModeratedKindService) and returning the item as
 * `toType` makes it. The kind's resolver extends the class; the mutations keep the kind's names.
 */
export function moderationStepsResolver<T, E>(
  itemType: Type<T>,
  service: Type<ModerationSteps<E>>,
  toType: (e: E, lang: Lang) => T,
  mutations: { submit: StepMutation; withdraw: StepMutation; archive: StepMutation; moderate: StepMutation },
) {
  @Resolver({ isAbstract: true })
  class ModerationStepsResolver {
    // Injected as a property, so the kind's resolver keeps its own constructor.
    @Inject(service) private readonly moderatedKind!: ModerationSteps<E>;

    @Mutation(() => itemType, mutations.submit)
    async submitModerated(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<T> {
      return toType(await this.moderatedKind.submit(requireViewer(ctx), id), ctx.lang);
    }

    @Mutation(() => itemType, mutations.withdraw)
    async withdrawModerated(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<T> {
      return toType(await this.moderatedKind.withdraw(requireViewer(ctx), id), ctx.lang);
    }

    @Mutation(() => itemType, mutations.archive)
    async archiveModerated(@Context() ctx: GqlContext, @Args() { id, note }: ArchiveArgs): Promise<T> {
      return toType(await this.moderatedKind.archive(requireViewer(ctx), id, note), ctx.lang);
    }

    @Mutation(() => itemType, mutations.moderate)
    async moderateModerated(@Context() ctx: GqlContext, @Args() { id, decision, note, reason }: ModerationArgs): Promise<T> {
      return toType(await this.moderatedKind.moderate(requireModerator(ctx), id, decision, note, reason), ctx.lang);
    }
  }
  return ModerationStepsResolver;
}
