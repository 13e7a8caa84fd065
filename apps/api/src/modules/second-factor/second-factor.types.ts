import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SecondFactorSetup', { description: 'A new authenticator secret, pending until confirmed with a code from the app.' })
export class SecondFactorSetupType {
  @Field({ description: 'The Base32 secret, for typing into the app by hand.' })
  secret: string;

  @Field({ description: 'The otpauth:// address the QR code encodes.' })
  otpauthUri: string;

  @Field({ description: 'The QR code as an SVG document (no script), rendered on the server.' })
  qrCodeSvg: string;
}

@ObjectType('RecoveryCodes', { description: 'One-time codes for signing in without the authenticator. Shown only this once.' })
export class RecoveryCodesType {
  @Field(() => [String])
  codes: string[];
}
