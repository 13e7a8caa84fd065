import { EventType } from '../events/events.types.js';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GqlContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth/viewer.js';
import { byKeys, groupByKeys } from '../../common/loaders.js';
import { ListingType } from '../listings/listings.types.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { ExpertProfileType } from '../experts/experts.types.js';
import { AttachmentEntity, AttachmentKind, AttachmentOwnerKind, DerivativeStatus } from './attachment.entity.js';
import { MediaService, type OwnerAccess } from './media.service.js';
import {
  AttachmentCaptionInput,
  AttachmentLimitsType,
  AttachmentType,
  AttachmentUploadInput,
  AttachmentUploadType,
  VideoLinkInput,
} from './media.types.js';

/**
 * The GraphQL view of an attachment for one caller. `publicView` is what an anonymous visitor
 * sees of the owner: a file in it gets a plain URL (cacheable by anyone); any other file only a
 * signed one, issued here to a caller already allowed to see it.
 */
export function toAttachmentType(media: MediaService, a: AttachmentEntity, access: OwnerAccess, publicView: OwnerAccess, lang: 'vi' | 'en'): AttachmentType {
  const isPublic = media.visibleOf([a], publicView).length > 0;
  const signed = (path: string) => (isPublic ? path : `${path}?${media.signFile(a.id)}`);
  const ready = a.derivatives === DerivativeStatus.READY && a.width && a.height;
  const images = ready
    ? a.derivativeWidths
        .filter((w) => w < a.width!)
        .map((w) => ({ width: w, height: Math.round((a.height! * w) / a.width!), url: signed(`/media/${a.id}/w${w}`) }))
    : [];
  const [first, second] = lang === 'en' ? [a.captionEn, a.captionVi] : [a.captionVi, a.captionEn];
  return {
    id: a.id,
    kind: a.kind,
    position: a.position,
    isCover: a.isCover,
    caption: first ?? second ?? null,
    captionVi: a.captionVi,
    captionEn: a.captionEn,
    private: a.private,
    fileName: a.fileName,
    mime: a.mime,
    size: a.size,
    width: a.width,
    height: a.height,
    url: a.kind === AttachmentKind.VIDEO_LINK ? null : signed(`/media/${a.id}/original`),
    images,
    videoUrl: a.videoUrl,
    pendingReview: access.privileged && !isPublic && publicView.visible && !a.private,
  };
}

/** Every attachment row of an owner, batched per request and owner kind (callers filter by access). */
function ownerRows(media: MediaService, ctx: GqlContext, ownerKind: AttachmentOwnerKind, ownerId: string): Promise<AttachmentEntity[]> {
  return ctx.loaders
    .get(`media.byOwner.${ownerKind}`, () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await media.ofOwners(ownerKind, ids), (a) => a.ownerId)))
    .load(ownerId);
}

async function attachmentsFor(
  media: MediaService,
  ctx: GqlContext,
  ownerKind: AttachmentOwnerKind,
  ownerId: string,
  which: 'visible' | 'pendingRemovals' = 'visible',
): Promise<AttachmentType[]> {
  const rows = await ownerRows(media, ctx, ownerKind, ownerId);
  if (!rows.length || (which === 'pendingRemovals' && !rows.some((a) => a.removalRequestedAt))) return [];
  const [access, publicView] = await Promise.all([media.access(ctx.viewer, ownerKind, ownerId), ctx.viewer ? media.access(null, ownerKind, ownerId) : null]);
  const shown = which === 'visible' ? media.visibleOf(rows, access) : media.pendingRemovalsOf(rows, access);
  return shown.map((a) => toAttachmentType(media, a, access, publicView ?? access, ctx.lang));
}

const PENDING_REMOVALS =
  'Owner and moderators of the item: attachments the owner removed since the last approval. They stay public until the pending revision is approved ' +
  '(a rejection keeps them), and are not in `attachments`. Empty for anyone else.';

@Resolver(() => AttachmentType)
export class MediaResolver {
  constructor(private readonly media: MediaService) {}

  @Query(() => [AttachmentType], { description: 'The attachments of a listing, expert profile or organisation that the caller may see, in order.' })
  async attachments(
    @Context() ctx: GqlContext,
    @Args('ownerKind', { type: () => AttachmentOwnerKind }) ownerKind: AttachmentOwnerKind,
    @Args('ownerId', { type: () => ID }) ownerId: string,
  ): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, ownerKind, ownerId);
  }

  @Query(() => AttachmentLimitsType, { description: 'Upload limits (public): sizes per kind of file, PDF pages, attachments per owner.' })
  attachmentLimits(): AttachmentLimitsType {
    return { maxImageBytes: this.media.limits.image, maxDocumentBytes: this.media.limits.document, maxVideoBytes: this.media.limits.video, maxPdfPages: this.media.limits.pdfPages, maxPerOwner: this.media.maxPerOwner };
  }

  @Mutation(() => AttachmentUploadType, {
    description: 'A short-lived, single-use URL to which the caller POSTs one file for a listing, expert profile or organisation they may edit.',
  })
  async requestAttachmentUpload(@Context() ctx: GqlContext, @Args('input') input: AttachmentUploadInput): Promise<AttachmentUploadType> {
    const viewer = requireViewer(ctx);
    const u = await this.media.requestUpload(viewer, input);
    return { url: u.path, expiresAt: u.expiresAt, maxImageBytes: u.maxBytes.image, maxDocumentBytes: u.maxBytes.document, maxVideoBytes: u.maxBytes.video };
  }

  @Mutation(() => AttachmentType, { description: 'Attaches a YouTube or Vimeo video by its link.' })
  async addVideoLink(@Context() ctx: GqlContext, @Args('input') input: VideoLinkInput): Promise<AttachmentType> {
    const a = await this.media.addVideoLink(requireViewer(ctx), input);
    return this.view(ctx, a);
  }

  @Mutation(() => AttachmentType, { description: 'Changes the captions (vi/en) of an attachment.' })
  async updateAttachment(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: AttachmentCaptionInput): Promise<AttachmentType> {
    const a = await this.media.updateCaption(requireViewer(ctx), id, input.captionVi, input.captionEn);
    return this.view(ctx, a);
  }

  @Mutation(() => AttachmentType, { description: "Makes an image its owner's cover (the previous cover stops being one)." })
  async setAttachmentCover(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<AttachmentType> {
    const a = await this.media.setCover(requireViewer(ctx), id);
    return this.view(ctx, a);
  }

  @Mutation(() => [AttachmentType], { description: "Puts the owner's attachments in this order (every current attachment, once)." })
  async reorderAttachments(
    @Context() ctx: GqlContext,
    @Args('ownerKind', { type: () => AttachmentOwnerKind }) ownerKind: AttachmentOwnerKind,
    @Args('ownerId', { type: () => ID }) ownerId: string,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<AttachmentType[]> {
    const viewer = requireViewer(ctx);
    await this.media.reorder(viewer, ownerKind, ownerId, ids);
    return attachmentsFor(this.media, ctx, ownerKind, ownerId);
  }

  @Mutation(() => Boolean, {
    description: 'Removes an attachment. On a published listing it stays public until the next approval of the listing (its removal travels with the revision).',
  })
  async removeAttachment(@Context() ctx: GqlContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.media.remove(requireViewer(ctx), id);
  }

  private async view(ctx: GqlContext, a: AttachmentEntity): Promise<AttachmentType> {
    const [access, publicView] = await Promise.all([this.media.access(ctx.viewer, a.ownerKind, a.ownerId), this.media.access(null, a.ownerKind, a.ownerId)]);
    return toAttachmentType(this.media, a, access, publicView, ctx.lang);
  }
}

@Resolver(() => ListingType)
export class ListingMediaResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => [AttachmentType], { description: 'Pictures, documents and videos, in order (see Attachment.pendingReview).' })
  async attachments(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, AttachmentOwnerKind.LISTING, l.id);
  }

  @ResolveField(() => [AttachmentType], { description: PENDING_REMOVALS })
  async attachmentsPendingRemoval(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, AttachmentOwnerKind.LISTING, l.id, 'pendingRemovals');
  }

  @ResolveField(() => AttachmentType, {
    nullable: true,
    description: 'The public cover image (search result cards): null while the listing is not public or has none approved.',
  })
  async coverImage(@Parent() l: ListingType, @Context() ctx: GqlContext): Promise<AttachmentType | null> {
    const cover = await ctx.loaders
      .get('media.publicCover', () => new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.media.publicCovers(ids), (a) => a.ownerId)))
      .load(l.id);
    const publicView: OwnerAccess = { visible: true, edit: false, privileged: false };
    return cover ? toAttachmentType(this.media, cover, publicView, publicView, ctx.lang) : null;
  }
}

@Resolver(() => OrganizationType)
export class OrganizationMediaResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => [AttachmentType], { description: 'Logo and pictures; members and moderators also see private verification documents.' })
  async attachments(@Parent() o: OrganizationType, @Context() ctx: GqlContext): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, AttachmentOwnerKind.ORGANIZATION, o.id);
  }
}

@Resolver(() => EventType)
export class EventMediaResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => [AttachmentType], { description: 'Pictures and documents (programme, floor plan) the organiser adds; public once the event is.' })
  async attachments(@Parent() e: EventType, @Context() ctx: GqlContext): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, AttachmentOwnerKind.EVENT, e.id);
  }
}

@Resolver(() => ExpertProfileType)
export class ExpertMediaResolver {
  constructor(private readonly media: MediaService) {}

  @ResolveField(() => [AttachmentType], { description: 'Portrait, pictures of past work, documents.' })
  async attachments(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, AttachmentOwnerKind.EXPERT, e.id);
  }

  @ResolveField(() => [AttachmentType], { description: PENDING_REMOVALS })
  async attachmentsPendingRemoval(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Promise<AttachmentType[]> {
    return attachmentsFor(this.media, ctx, AttachmentOwnerKind.EXPERT, e.id, 'pendingRemovals');
  }

  @ResolveField(() => AttachmentType, {
    nullable: true,
    description: 'The public portrait (directory cards): the cover image as everyone sees it, approved with the profile; null when there is none.',
  })
  async portrait(@Parent() e: ExpertProfileType, @Context() ctx: GqlContext): Promise<AttachmentType | null> {
    const images = (await ownerRows(this.media, ctx, AttachmentOwnerKind.EXPERT, e.id)).filter((a) => a.kind === AttachmentKind.IMAGE && !a.private);
    if (!images.length) return null;
    // As an anonymous visitor sees it, whoever asks: a card shows the same picture to everyone. The
    // cover, or while a new cover waits for review, the first public picture (the approved one).
    const publicView = await ctx.loaders.get('media.publicExpertAccess', () => new DataLoader((ids: readonly string[]) => this.media.publicExpertAccess(ids))).load(e.id);
    const shown = this.media.visibleOf(images, publicView);
    const portrait = shown.find((a) => a.isCover) ?? shown[0];
    return portrait ? toAttachmentType(this.media, portrait, publicView, publicView, ctx.lang) : null;
  }
}
