import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { NotBlank, TextLength } from '../../../common/validation.js';
import { SearchInput } from '../../search/dto/search.input.js';

export const SAVED_SEARCH_LIMITS = {
  name: [1, 100],
  /** Saved searches per user. */
  perUser: 20,
} as const;

const required = { message: () => JSON.stringify({ vi: 'Vui lòng điền trường này.', en: 'Please fill in this field.' }) };

/** The contract's SavedSearchInput: a name, the search (validated as `search` validates it) and whether to be alerted. */
@InputType()
export class SavedSearchInput {
  @Field({ description: '1–100 characters.' })
  @TextLength(SAVED_SEARCH_LIMITS.name[0], SAVED_SEARCH_LIMITS.name[1])
  @NotBlank({ vi: 'Hãy đặt tên cho tìm kiếm.', en: 'Give the search a name.' })
  name: string;

  @Field(() => SearchInput, { description: 'The criteria; page and pageSize are not kept.' })
  @IsDefined(required)
  @ValidateNested()
  @Type(() => SearchInput)
  search: SearchInput;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Alert me (in the app, and by e-mail) when a newly published listing satisfies it.' })
  @IsOptional()
  notify?: boolean | null;
}

/** A saved search's new name or alert setting (the criteria stay: save another search for others). */
@InputType()
export class SavedSearchUpdateInput {
  @Field(() => String, { nullable: true, description: '1–100 characters; absent: unchanged.' })
  @IsOptional()
  @TextLength(SAVED_SEARCH_LIMITS.name[0], SAVED_SEARCH_LIMITS.name[1])
  @NotBlank({ vi: 'Hãy đặt tên cho tìm kiếm.', en: 'Give the search a name.' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Alert me when a newly published listing satisfies it; absent: unchanged.' })
  @IsOptional()
  notify?: boolean | null;
}
