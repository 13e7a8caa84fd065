import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsOptional, Matches, type ValidationOptions } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/pagination.js';
import { AtMostItems, EachTextLength, ProvinceCode, ProvinceCodes, TechFieldCodes, TextLength, WholeNumberBetween } from '../../../common/validation.js';
import type { Localized } from '../../../common/i18n.js';
import { EXPERT_LIMITS } from '@techport/shared';

export const EXPERT_SEARCH_LIMITS = {
  query: 200,
  codes: 50,
  maxPage: 10_000,
} as const;

const say = (m: Localized, each = false): ValidationOptions => ({ message: () => JSON.stringify(m), each });
const AtLeastOne = (m: Localized) => ArrayMinSize(1, say(m));

const CONTROL = { vi: 'Không được chứa ký tự điều khiển.', en: 'Must not contain control characters.' };
/** One line of text: no control characters (no line breaks either). */
const OneLine = (each = false) => Matches(/^[^\u0000-\u001f\u007f]*$/, say(CONTROL, each));
/** Free text: line breaks and tabs allowed, other control characters (NUL…) not. */
const PlainText = () => Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, say(CONTROL));

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Trims each entry and drops blank ones ("" in a list of services is no service). */
const trimEach = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : v)).filter((v) => v !== '') : value,
  );

/**
 * The whole profile, as the expert writes it: the first call creates it (DRAFT), later calls
 * replace its content. Editing a published profile stores the content as a pending revision.
 */
@InputType()
export class ExpertProfileInput {
  @Field(() => Int, { nullable: true, description: 'The version read; a stale one is refused with CONFLICT. Omit to skip the check.' })
  @IsOptional()
  @WholeNumberBetween(1, 2_147_483_647)
  version?: number | null;

  @Field({ description: 'The expert’s full name, as it should appear publicly (2–120 characters).' })
  @trim()
  @TextLength(...EXPERT_LIMITS.fullName)
  @OneLine()
  fullName: string;

  @Field({ description: 'One line: title, speciality, position (10–200 characters).' })
  @trim()
  @TextLength(...EXPERT_LIMITS.headline)
  @OneLine()
  headline: string;

  @Field({ description: 'Background, experience, achievements (30–5000 characters).' })
  @trim()
  @TextLength(...EXPERT_LIMITS.bio)
  @PlainText()
  bio: string;

  @Field(() => [String], { description: 'Fields of expertise (taxonomy codes, see techFields): 1 to 10.' })
  @AtLeastOne({ vi: 'Chọn ít nhất một lĩnh vực chuyên môn.', en: 'Choose at least one field of expertise.' })
  @TechFieldCodes(EXPERT_LIMITS.fieldCodes)
  fieldCodes: string[];

  @Field(() => [String], { description: 'S&T services offered, e.g. "Tư vấn chuyển giao công nghệ": 1 to 20, each 2–200 characters.' })
  @trimEach()
  @AtLeastOne({ vi: 'Nêu ít nhất một dịch vụ khoa học và công nghệ bạn cung cấp.', en: 'Name at least one S&T service you offer.' })
  @AtMostItems(EXPERT_LIMITS.services)
  @EachTextLength(...EXPERT_LIMITS.service)
  @OneLine(true)
  services: string[];

  @Field(() => [String], { nullable: true, defaultValue: [], description: 'Technology transfers you took part in, one per entry: at most 30, each 5–500 characters.' })
  @IsOptional()
  @trimEach()
  @AtMostItems(EXPERT_LIMITS.pastTransfers)
  @EachTextLength(...EXPERT_LIMITS.pastTransfer)
  @OneLine(true)
  pastTransfers?: string[] | null;

  @Field()
  @ProvinceCode()
  provinceCode: string;

  @Field(() => ID, { nullable: true, description: 'Affiliation: an organisation you are a member of; null for an independent expert.' })
  @IsOptional()
  organizationId?: string | null;
}

/** Search over published expert profiles. Null means the default. */
@InputType()
export class ExpertSearchInput {
  @Field(() => String, { nullable: true, description: 'Words to look for (name, headline, services, fields, past transfers), with or without diacritics.' })
  @IsOptional()
  @TextLength(0, EXPERT_SEARCH_LIMITS.query)
  @OneLine()
  query?: string | null;

  @Field(() => [String], { nullable: true, description: 'Field codes; a parent code includes all its children.' })
  @IsOptional()
  @TechFieldCodes(EXPERT_SEARCH_LIMITS.codes)
  fieldCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ProvinceCodes(EXPERT_SEARCH_LIMITS.codes)
  provinceCodes?: string[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @WholeNumberBetween(1, EXPERT_SEARCH_LIMITS.maxPage)
  page?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @WholeNumberBetween(1, MAX_PAGE_SIZE)
  pageSize?: number | null;
}
