import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, IsUrl, Length, Min, type ValidationOptions } from 'class-validator';
import { IpStatus, ListingKind, TransferMode } from '../../../common/graphql-enums.js';
import { AmountNotTooLarge, AtMostItems, EachTextLength, NotBelow, OneOf, ProvinceCode, TechFieldCodes, TextLength, WholeNumberBetween, readAsWebAddress } from '../../../common/validation.js';
import type { Localized } from '../../../common/i18n.js';
import { LISTING_LIMITS } from '@techport/shared';

export const CURRENCIES = ['VND', 'USD', 'EUR'] as const;
export const LISTING_LANGUAGES = ['vi', 'en'] as const;

const say = (m: Localized, each = false): ValidationOptions => ({ message: () => JSON.stringify(m), each });

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const trimEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** A whole, non-negative amount of money (VND has no subunit in use). */
const WholeAmount = (): PropertyDecorator => (target, key) => {
  IsInt(say({ vi: 'Số tiền phải là số nguyên, không có phần lẻ.', en: 'The amount must be a whole number.' }))(target, key);
  Min(0, say({ vi: 'Số tiền không được âm.', en: 'The amount must not be negative.' }))(target, key);
  AmountNotTooLarge()(target, key);
};

/**
 * priceMax ≥ priceMin, checked with the per-field rules (one answer names every problem), in the
 * words of the listing's form: an offer's price from/to, a demand's minimum/maximum budget.
 * PRICE_ORDER is for ListingUpdateInput, which does not say the listing's kind (the storefront's
 * form, which knows it, words it itself; an update sending one side only is checked against the
 * stored other side by the service, which knows the kind).
 */
export const PRICE_ORDER: Localized = {
  vi: 'Giá “đến” (hoặc ngân sách tối đa) không được nhỏ hơn giá “từ”.',
  en: 'The “to” amount (or the maximum budget) must not be below the “from” amount.',
};
const PRICE_ORDER_BY_KIND: Record<ListingKind, Localized> = {
  OFFER: { vi: 'Giá “đến” không được nhỏ hơn giá “từ”.', en: 'The “to” price must not be below the “from” price.' },
  DEMAND: { vi: 'Ngân sách tối đa không được nhỏ hơn ngân sách tối thiểu.', en: 'The maximum budget must not be below the minimum budget.' },
};
export const priceOrder = (kind: unknown): Localized => PRICE_ORDER_BY_KIND[kind as ListingKind] ?? PRICE_ORDER;

/**
 * At least one technology field: a listing without one cannot be matched, browsed by field or
 * reviewed (the form marks the field list as required, and the server refuses the same thing).
 */
const AtLeastOneField = () =>
  ArrayMinSize(1, say({ vi: 'Chọn ít nhất một lĩnh vực công nghệ.', en: 'Choose at least one technology field.' }));

/** Links to pictures or videos elsewhere; each typed without its scheme is read as https (readAsWebAddress), as the website field is. */
const MediaUrls = (): PropertyDecorator => (target, key) => {
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? readAsWebAddress(v) : v)) : value))(target, key);
  AtMostItems(LISTING_LIMITS.mediaUrls)(target, key);
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    say({ vi: 'Mỗi liên kết phải là địa chỉ web bắt đầu bằng http:// hoặc https://.', en: 'Each link must be a web address starting with http:// or https://.' }, true),
  )(target, key);
  Length(1, LISTING_LIMITS.mediaUrl, say({ vi: `Mỗi liên kết dài tối đa ${LISTING_LIMITS.mediaUrl} ký tự.`, en: `Each link must be at most ${LISTING_LIMITS.mediaUrl} characters long.` }, true))(target, key);
};

@InputType()
export class ListingInput {
  @Field(() => ListingKind)
  @OneOf(['OFFER', 'DEMAND'])
  kind: ListingKind;

  @Field(() => ID)
  // Checked with the other fields (a form without a chosen organisation learns it with the rest);
  // membership is checked by the service.
  @IsUUID('all', say({ vi: 'Hãy chọn tổ chức đăng tin.', en: 'Choose the organisation posting the listing.' }))
  organizationId: string;

  @Field()
  @trim()
  @TextLength(...LISTING_LIMITS.title)
  title: string;

  @Field()
  @trim()
  @TextLength(...LISTING_LIMITS.summary)
  summary: string;

  @Field()
  @trim()
  @TextLength(...LISTING_LIMITS.description)
  description: string;

  @Field(() => [String], { description: 'Taxonomy codes (see techFields): 1 to 10.' })
  @AtLeastOneField()
  @TechFieldCodes(LISTING_LIMITS.fieldCodes)
  fieldCodes: string[];

  @Field(() => [String], { description: 'At most 20, each 2–60 characters.' })
  @trimEach()
  @AtMostItems(LISTING_LIMITS.keywords)
  @EachTextLength(...LISTING_LIMITS.keyword)
  keywords: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @WholeNumberBetween(1, 9)
  trl?: number | null;

  @Field(() => [TransferMode])
  @ArrayMaxSize(LISTING_LIMITS.transferModes)
  transferModes: TransferMode[];

  @Field(() => IpStatus, { nullable: true })
  @IsOptional()
  ipStatus?: IpStatus | null;

  @Field(() => Float, { nullable: true, description: 'Whole units of the currency (VND: dong).' })
  @IsOptional()
  @WholeAmount()
  priceMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Whole units of the currency (VND: dong); not below priceMin.' })
  @IsOptional()
  @WholeAmount()
  @NotBelow('priceMin', (input) => priceOrder(input.kind))
  priceMax?: number | null;

  @Field(() => String, { nullable: true, defaultValue: 'VND', description: 'VND, USD or EUR.' })
  @IsOptional()
  @OneOf(CURRENCIES)
  currency?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  negotiable?: boolean | null;

  @Field()
  @ProvinceCode()
  provinceCode: string;

  @Field(() => String, { nullable: true, description: 'Offers: the technical specification.' })
  @IsOptional()
  @trim()
  @TextLength(0, LISTING_LIMITS.specification)
  specification?: string | null;

  @Field(() => String, { nullable: true, description: 'Offers: advantages over other solutions.' })
  @IsOptional()
  @trim()
  @TextLength(0, LISTING_LIMITS.advantages)
  advantages?: string | null;

  @Field(() => [String], { nullable: true, description: 'Links to images, video and documents (at most 20).' })
  @IsOptional()
  @trimEach()
  @MediaUrls()
  mediaUrls?: string[] | null;

  @Field(() => String, { nullable: true, description: "'vi' or 'en'; detected from the text when omitted." })
  @IsOptional()
  @OneOf(LISTING_LANGUAGES)
  language?: string | null;
}

/**
 * Changes to a listing. Omitted fields stay as they are; null clears an optional field
 * (trl, ipStatus, prices, specification, advantages, language → detected again).
 */
@InputType()
export class ListingUpdateInput {
  @Field(() => Int, { description: 'The version read; a stale one is refused with CONFLICT.' })
  @WholeNumberBetween(1, 2_147_483_647)
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(...LISTING_LIMITS.title)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(...LISTING_LIMITS.summary)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(...LISTING_LIMITS.description)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @AtLeastOneField()
  @TechFieldCodes(LISTING_LIMITS.fieldCodes)
  fieldCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @trimEach()
  @AtMostItems(LISTING_LIMITS.keywords)
  @EachTextLength(...LISTING_LIMITS.keyword)
  keywords?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @WholeNumberBetween(1, 9)
  trl?: number | null;

  @Field(() => [TransferMode], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LISTING_LIMITS.transferModes)
  transferModes?: TransferMode[] | null;

  @Field(() => IpStatus, { nullable: true })
  @IsOptional()
  ipStatus?: IpStatus | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @WholeAmount()
  priceMin?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @WholeAmount()
  @NotBelow('priceMin', PRICE_ORDER)
  priceMax?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @OneOf(CURRENCIES)
  currency?: string | null;

  @Field(() => Boolean, { nullable: true })
  negotiable?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @ProvinceCode()
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(0, LISTING_LIMITS.specification)
  specification?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(0, LISTING_LIMITS.advantages)
  advantages?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @trimEach()
  @MediaUrls()
  mediaUrls?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @OneOf(LISTING_LANGUAGES)
  language?: string | null;
}
