import { Field, InputType } from '@nestjs/graphql';
import { Email, NotContaining, TextLength } from '../../../common/validation.js';

@InputType()
export class RegisterInput {
  @Field()
  @Email()
  @TextLength(3, 254)
  email: string;

  /** Policy: at least 10 characters and not containing the e-mail address (checked with the other fields). */
  @Field()
  @TextLength(10, 200)
  @NotContaining('email', { vi: 'Mật khẩu không được trùng với e-mail.', en: 'The password must not be your e-mail address.' })
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
