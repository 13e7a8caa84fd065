import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { OrganizationKind, PROVINCES } from '@techport/shared';
import { OrganizationKind as OrganizationKindEnum } from '../../../common/graphql-enums.js';
import { OneOf, TextLength, WebUrl } from '../../../common/validation.js';

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
    message: () => JSON.stringify({ vi: 'Mã số thuế gồm 10 chữ số (hoặc 10-3 cho chi nhánh).', en: 'A tax code has 10 digits (or 10-3 for a branch).' }),
  })
  taxCode?: string | null;
}
