import { Field, InputType } from '@nestjs/graphql';
import { Email, TextLength } from '../../../common/validation.js';

@InputType()
export class RegisterInput {
  @Field()
  @Email()
  @TextLength(3, 254)
  email: string;

  /** Policy: at least 10 characters and not the e-mail address (checked in AccountsService). */
  @Field()
  @TextLength(10, 200)
  password: string;

  @Field()
  @TextLength(2, 100)
  displayName: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @TextLength(1, 200)
  currentPassword: string;

  /** Same policy as at registration: at least 10 characters, not the e-mail, and not the current one. */
  @Field()
  @TextLength(10, 200)
  newPassword: string;
}
