import type { OnModuleInit } from '@nestjs/common';
import type { ModerationDecision, RejectionReason } from '@techport/shared';
import type { Viewer } from '../../common/auth/viewer.js';
import type { GqlContext } from '../../common/context.js';
import type { Page, PageInput } from '../../common/pagination.js';
import type { ModeratedContentService, ModerationEventRow } from './moderated-content.service.js';
import type { ModeratedContent, ModeratedItem, ModeratedKind } from './moderated-kind.js';

/**
 * The steps every kind's service offers as they are: the core's, for the kind's descriptor. A
 * kind's service extends it and adds what is its own (creating, editing its content, reads).
 */
export abstract class ModeratedKindService<E extends ModeratedItem<C>, C extends ModeratedContent> implements OnModuleInit {
  abstract readonly kind: ModeratedKind<E, C>;
  protected abstract readonly core: ModeratedContentService;

  /** Plugs the kind into the core's one review queue (Nest calls it once the kind's service is built). */
  onModuleInit(): void {
    this.core.register(this.kind);
  }

  /** Sends a draft or rejected item (or a published item's pending revision) for review. */
  submit(viewer: Viewer, id: string): Promise<E> {
    return this.core.submit(this.kind, viewer, id);
  }

  /** Takes a submission (or a published item's submitted revision) back from review, to edit it again. */
  withdraw(viewer: Viewer, id: string): Promise<E> {
    return this.core.withdraw(this.kind, viewer, id);
  }

  /** PUBLISHED → ARCHIVED: it leaves the public lists and search (a pending revision goes with it). */
  archive(viewer: Viewer, id: string, note?: string | null): Promise<E> {
    return this.core.archive(this.kind, viewer, id, note ?? null);
  }

  /** A moderator's decision on an item in review, or on a published item's submitted revision. */
  moderate(viewer: Viewer, id: string, decision: ModerationDecision, note: string | null | undefined, reason: RejectionReason | null | undefined): Promise<E> {
    return this.core.moderate(this.kind, viewer, id, decision, note, reason);
  }

  /** Moderators: items (and revisions) waiting for review in their provinces, oldest first; what they own left out. */
  moderationQueue(viewer: Viewer, page: PageInput | undefined): Promise<Page<E>> {
    return this.core.moderationQueue(this.kind, viewer, page);
  }

  /** An item's audit trail, oldest first (batched per request). */
  history(ctx: GqlContext, id: string): Promise<ModerationEventRow[]> {
    return this.core.history(ctx, this.kind, id);
  }

  /** The text the owner is working on: a published item's pending revision, or the item itself. */
  workingContent(item: E): C {
    return this.core.workingContent(this.kind, item);
  }
}
