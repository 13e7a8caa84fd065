import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { OrganizationKind, PROVINCES } from '@techport/shared';
import { OrganizationKind as OrganizationKindEnum } from '../../../common/graphql-enums.js';
import { Email, OneOf, TextLength, WebUrl } from '../../../common/validation.js';

@InputType()
export class OrganizationInput {
  @Field()
  @TextLength(3, 200)
  name: string;

  @Field(() => OrganizationKindEnum)
  @OneOf(Object.values(OrganizationKind))
  kind: OrganizationKind;

  @Field()
  @OneOf(PROVINCES.map((p) => p.code))
  provinceCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(0, 5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @WebUrl()
  @TextLength(0, 300)
  website?: string | null;

  /** Vietnamese tax code: 10 digits, or 10 digits + "-" + 3 digits for a branch. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{10}(-\d{3})?$/, {
    message: () => JSON.stringify({ vi: 'Mã số thuế gồm 10 chữ số (hoặc 10-3 cho chi nhánh); chưa có mã số thuế Việt Nam thì để trống.', en: 'A Vietnamese tax code has 10 digits (or 10-3 for a branch); leave it empty if your company has none.' }),
  })
  taxCode?: string | null;
}

const PHONE = /^\+?[0-9 .()-]{8,20}$/;

/**
 * A member edits the organisation's profile. Every field is optional: what is left out stays;
 * null or "" clears an optional field. Renaming a verified organisation sends it back to verification.
 */
@InputType()
export class OrganizationUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(3, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @OneOf(PROVINCES.map((p) => p.code))
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(0, 5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined && v !== '')
  @WebUrl()
  @TextLength(0, 300)
  website?: string | null;

  /** Vietnamese tax code, as on creation; a verified organisation that changes it is verified again. */
  @Field(() => String, { nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined && v !== '')
  @Matches(/^\d{10}(-\d{3})?$/, {
    message: () => JSON.stringify({ vi: 'Mã số thuế gồm 10 chữ số (hoặc 10-3 cho chi nhánh); chưa có mã số thuế Việt Nam thì để trống.', en: 'A Vietnamese tax code has 10 digits (or 10-3 for a branch); leave it empty if your company has none.' }),
  })
  taxCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact e-mail of the organisation.' })
  @ValidateIf((_, v) => v !== null && v !== undefined && v !== '')
  @Email()
  @TextLength(0, 254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact telephone (digits, spaces, + . ( ) -).' })
  @ValidateIf((_, v) => v !== null && v !== undefined && v !== '')
  @Matches(PHONE, {
    message: () => JSON.stringify({ vi: 'Số điện thoại gồm 8–20 chữ số (có thể có +, dấu cách, dấu chấm, ngoặc, gạch nối).', en: 'A telephone number has 8–20 digits (+, spaces, dots, brackets and hyphens allowed).' }),
  })
  contactPhone?: string | null;
}
