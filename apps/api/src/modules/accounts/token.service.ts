import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, decodeJwt, jwtVerify } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

/** A verified token: whose it is, its id (null in tokens issued before ids existed) and its expiry. */
export interface VerifiedToken {
  userId: string;
  tokenId: string | null;
  expiresAt: Date;
}

/**
 * Signed bearer tokens (HS256). They carry the user id and their own id (jti), nothing else:
 * roles are read fresh on every request, and a token is accepted only while the session row
 * with its id (user_session) exists.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  /**
   * A new token with a fresh id. Callers outside SessionsService should not use this: a token is
   * accepted only while its session row exists, so sign-ins go through `SessionsService.open`.
   */
  async issue(userId: string): Promise<{ token: string; tokenId: string; expiresAt: Date }> {
    const tokenId = randomUUID();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti(tokenId)
      .setIssuedAt()
      .setIssuer('techport')
      .setExpirationTime(this.config.JWT_TTL)
      .sign(this.key);
    return { token, tokenId, expiresAt: new Date(decodeJwt(token).exp! * 1000) };
  }

  /** The token's facts, or null for a missing, forged or expired token. (Revocation is the caller's check.) */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'techport', algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      return { userId: payload.sub, tokenId: typeof payload.jti === 'string' ? payload.jti : null, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return null;
    }
  }
}
