import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { AttachmentKind, AttachmentOwnerKind } from './attachment.entity.js';
import { TextLength } from '../../common/validation.js';

registerEnumType(AttachmentOwnerKind, { name: 'AttachmentOwnerKind', description: 'What an attachment belongs to.' });
registerEnumType(AttachmentKind, { name: 'AttachmentKind' });

@ObjectType('AttachmentImage', { description: 'One responsive size of an image (WebP), for srcset.' })
export class AttachmentImageType {
  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;

  @Field({ description: 'Relative to the API (and the storefront, which passes /media/ through).' })
  url: string;
}

@ObjectType('Attachment', { description: 'A picture, PDF document, video or video link of a listing, an expert profile or an organisation.' })
export class AttachmentType {
  @Field(() => ID)
  id: string;

  @Field(() => AttachmentKind)
  kind: AttachmentKind;

  @Field(() => Int, { description: 'Order among the owner\'s attachments, from 0.' })
  position: number;

  @Field({ description: 'The cover image (search result cards).' })
  isCover: boolean;

  @Field(() => String, { nullable: true, description: "The caption in the request's language (the other one when it has none)." })
  caption: string | null;

  @Field(() => String, { nullable: true })
  captionVi: string | null;

  @Field(() => String, { nullable: true })
  captionEn: string | null;

  @Field({ description: 'Only the owner and moderators see it (organisation verification documents).' })
  private: boolean;

  @Field(() => String, { nullable: true })
  fileName: string | null;

  @Field(() => String, { nullable: true, description: 'Content type decided from the bytes (images: after re-encoding).' })
  mime: string | null;

  @Field(() => Float, { nullable: true, description: 'Bytes.' })
  size: number | null;

  @Field(() => Int, { nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  height: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The file (relative URL: /media/<id>/original). Non-public files carry a signature valid about an hour. Null for a video link.',
  })
  url: string | null;

  @Field(() => [AttachmentImageType], { description: 'Images: the responsive WebP sizes made so far (empty until the worker has made them).' })
  images: AttachmentImageType[];

  @Field(() => String, { nullable: true, description: 'VIDEO_LINK: the video\'s page.' })
  videoUrl: string | null;

  @Field({ description: 'Owner and moderators: added or changed after the listing\'s last approval, so not public yet.' })
  pendingReview: boolean;
}

/** The largest file of each kind an upload may be: told with an upload's URL and with the limits. */
@ObjectType({ isAbstract: true })
abstract class UploadSizeLimits {
  @Field(() => Float)
  maxImageBytes: number;

  @Field(() => Float)
  maxDocumentBytes: number;

  @Field(() => Float)
  maxVideoBytes: number;
}

@ObjectType('AttachmentUpload', {
  description:
    'Where to send one file: POST its bytes as the request body to `url` (relative to the API), with ?name=<file name>. ' +
    'The answer is the stored attachment (JSON) or an `errors` body naming the file. The URL works once, until expiresAt.',
})
export class AttachmentUploadType extends UploadSizeLimits {
  @Field()
  url: string;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType('AttachmentLimits', { description: 'What an upload may be: shown beside upload forms, before a large file is sent.' })
export class AttachmentLimitsType extends UploadSizeLimits {
  @Field(() => Int, { description: 'PDF documents: pages at most.' })
  maxPdfPages: number;

  @Field(() => Int, { description: 'Attachments per listing, expert profile or organisation.' })
  maxPerOwner: number;
}

/** The owner id of an attachment input: the same message wherever one is sent. */
const NOT_AN_ID = { message: () => JSON.stringify({ vi: 'Mã không hợp lệ.', en: 'Not a valid id.' }) };

/** An optional caption in one language, at most 300 characters. */
const Caption = (description?: string): PropertyDecorator => (target, key) => {
  TextLength(0, 300)(target, key);
  IsOptional()(target, key);
  Field(() => String, description ? { nullable: true, description } : { nullable: true })(target, key);
};

/** The listing, expert profile or organisation an attachment is added to. */
@InputType({ isAbstract: true })
abstract class AttachmentOwnerInput {
  @Field(() => AttachmentOwnerKind)
  ownerKind: AttachmentOwnerKind;

  @Field(() => ID)
  @IsUUID('all', NOT_AN_ID)
  ownerId: string;
}

@InputType()
export class AttachmentUploadInput extends AttachmentOwnerInput {
  @Field(() => Boolean, { nullable: true, description: 'Organisations: a verification document only members and moderators see.' })
  @IsOptional()
  private?: boolean | null;

  @Caption()
  captionVi?: string | null;

  @Caption()
  captionEn?: string | null;
}

@InputType()
export class VideoLinkInput extends AttachmentOwnerInput {
  @Field({ description: 'A YouTube or Vimeo page (https).' })
  @TextLength(10, 500)
  url: string;

  @Caption()
  captionVi?: string | null;

  @Caption()
  captionEn?: string | null;
}

@InputType()
export class AttachmentCaptionInput {
  @Caption('Omitted: unchanged; empty: removed.')
  captionVi?: string | null;

  @Caption()
  captionEn?: string | null;
}
