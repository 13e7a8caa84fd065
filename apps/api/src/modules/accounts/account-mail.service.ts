import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import { MailerService } from '../notifications/mailer.service.js';

/** The outbox topic of e-mails about the account itself (not in-app notifications). */
export const ACCOUNT_EMAIL = 'account.email';

export type AccountEmail =
  /** A password-reset link: the secret is made when the e-mail is sent. */
  | { kind: 'PASSWORD_RESET'; tokenId: string }
  /** Someone keeps failing to sign in to this account. */
  | { kind: 'LOGIN_ATTACK'; userId: string; failures: number; source: string };

/** The secret of a link as stored: SHA-256, hex. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Sends the account's own e-mails after commit (outbox topic `account.email`). Link secrets are
 * created here, at sending time, and only their hash is written back: the outbox payload holds
 * the token row's id, never a secret. Sending a link is idempotent: a row that already has its
 * hash was sent, and a retry after a failed send makes a fresh secret (the earlier one was never
 * stored).
 */
@Injectable()
export class AccountMailService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register(ACCOUNT_EMAIL, async (events) => {
      for (const e of events) await this.send(e);
    });
  }

  /** Records the e-mail in the caller's transaction; it leaves after commit. */
  publish(em: EntityManager, mail: AccountEmail): Promise<void> {
    return this.outbox.publish(em, ACCOUNT_EMAIL, mail as unknown as Record<string, unknown>);
  }

  private link(path: string): string {
    return new URL(path, this.config.PUBLIC_WEB_URL).toString();
  }

  private async send(event: OutboxEvent): Promise<void> {
    const mail = event.payload as unknown as AccountEmail;
    if (mail.kind === 'PASSWORD_RESET') return this.sendPasswordReset(mail.tokenId);
    if (mail.kind === 'LOGIN_ATTACK') return this.sendLoginAttack(mail);
  }

  private async sendPasswordReset(tokenId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const secret = randomBytes(32).toString('base64url');
      // TypeORM answers an UPDATE with [rows, affected].
      const [rows]: [{ email: string }[], number] = await em.query(
        `UPDATE account_token t SET token_hash = $2
         FROM app_user u
         WHERE t.id = $1 AND u.id = t.user_id AND t.token_hash IS NULL AND t.used_at IS NULL AND NOT u.disabled
         RETURNING u.email`,
        [tokenId, hashToken(secret)],
      );
      // Already sent (a retried batch), spent, or the account was disabled meanwhile.
      const row = rows[0];
      if (!row) return;
      const url = this.link(`/reset-password/${secret}`);
      const minutes = this.config.PASSWORD_RESET_TTL_MINUTES;
      await this.mailer.send({
        to: row.email,
        subject: 'Đặt lại mật khẩu Techport / Reset your Techport password',
        text:
          `Ai đó (có thể là bạn) vừa yêu cầu đặt lại mật khẩu cho tài khoản Techport gắn với địa chỉ này.\n` +
          `Mở liên kết sau để đặt mật khẩu mới. Liên kết chỉ dùng được một lần và hết hạn sau ${minutes} phút:\n\n${url}\n\n` +
          `Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\n---\n` +
          `Someone (probably you) asked to reset the password of the Techport account for this address.\n` +
          `Open this link to choose a new password. It works once and expires in ${minutes} minutes:\n\n${url}\n\n` +
          `If you did not ask for this, ignore this e-mail: your password has not changed.\n`,
      });
    });
  }

  private async sendLoginAttack(mail: Extract<AccountEmail, { kind: 'LOGIN_ATTACK' }>): Promise<void> {
    const [user]: { email: string }[] = await this.ds.query(`SELECT email FROM app_user WHERE id = $1 AND NOT disabled`, [mail.userId]);
    if (!user) return;
    const reset = this.link('/forgot-password');
    await this.mailer.send({
      to: user.email,
      subject: 'Cảnh báo: nhiều lần đăng nhập sai vào tài khoản Techport / Warning: failed sign-ins to your Techport account',
      text:
        `Trong một giờ qua có ${mail.failures} lần đăng nhập sai vào tài khoản Techport của bạn (lần gần nhất từ địa chỉ ${mail.source}).\n` +
        `Các lần thử từ những địa chỉ này đang bị làm chậm; bạn vẫn đăng nhập bình thường được.\n` +
        `Nếu không phải bạn, hãy đổi sang một mật khẩu mạnh, chưa dùng ở nơi khác: ${reset}\n\n---\n` +
        `In the last hour there were ${mail.failures} failed sign-ins to your Techport account (the latest from address ${mail.source}).\n` +
        `Attempts from those addresses are being slowed down; you can still sign in as usual.\n` +
        `If this was not you, choose a strong password you use nowhere else: ${reset}\n`,
    });
  }
}
