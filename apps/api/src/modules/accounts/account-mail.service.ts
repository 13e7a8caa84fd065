import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import { MailerService, type Mail } from '../notifications/mailer.service.js';
import type { Lang } from '@techport/shared';
import { webLink } from '../../common/web-link.js';

/**
 * A bilingual e-mail, the reader's language first: an account's (app_user.language, the interface
 * it last used); to an address that has no account yet, the language of the page it registered
 * from is all that is known of its reader.
 */
function bilingual(lang: Lang | undefined, vi: { subject: string; text: string }, en: { subject: string; text: string }): { subject: string; text: string } {
  const [first, second] = lang === 'en' ? [en, vi] : [vi, en];
  return { subject: `${first.subject} / ${second.subject}`, text: `${first.text}\n---\n${second.text}` };
}

/** The outbox topic of e-mails about the account itself (not in-app notifications). */
export const ACCOUNT_EMAIL = 'account.email';

export type AccountEmail =
  /** A password-reset link: the secret is made when the e-mail is sent. */
  | { kind: 'PASSWORD_RESET'; tokenId: string }
  /** The link that confirms a new account's address (and activates it); `lang`: the registration page's language, written first. */
  | { kind: 'ACTIVATION'; tokenId: string; lang?: Lang }
  /** Someone tried to register with an address that already has an account. */
  | { kind: 'REGISTER_EXISTING'; userId: string; lang?: Lang }
  /** An invitation to join an organisation (organization_invitation row). */
  | { kind: 'INVITATION'; invitationId: string }
  /** Someone keeps failing to sign in to this account. */
  | { kind: 'LOGIN_ATTACK'; userId: string; failures: number; source: string }
  /** Someone with the right password keeps giving wrong second-factor codes: the password is out. */
  | { kind: 'SECOND_FACTOR_ATTACK'; userId: string; failures: number; source: string }
  /** An administrator removed the account's second factor (a lost phone). */
  | { kind: 'SECOND_FACTOR_RESET'; userId: string };

/** A link's secret: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The secret of a link as stored: SHA-256, hex. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Sends the account's own e-mails after commit (outbox topic `account.email`). Link secrets are
 * created here, at sending time, and only their hash is written back: the outbox payload holds
 * the token row's id, never a secret. Sending a link is idempotent: a row that already has its
 * hash was sent, and a retry after a failed send makes a fresh secret (sendLink).
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
    this.outbox.register(ACCOUNT_EMAIL, 'account-mail', async (events) => {
      for (const e of events) await this.send(e);
    });
  }

  /** Records the e-mail in the caller's transaction; it leaves after commit. */
  publish(em: EntityManager, mail: AccountEmail): Promise<void> {
    return this.outbox.publish(em, ACCOUNT_EMAIL, mail);
  }

  /** A storefront link for the part of an e-mail in `lang` (English parts' links open English pages). */
  private link(path: string, lang: Lang = 'vi'): string {
    return webLink(this.config.PUBLIC_WEB_URL, path, lang);
  }

  private async send(event: OutboxEvent): Promise<void> {
    const mail = event.payload as unknown as AccountEmail;
    if (mail.kind === 'PASSWORD_RESET') return this.sendPasswordReset(mail.tokenId);
    if (mail.kind === 'ACTIVATION') return this.sendActivation(mail.tokenId, mail.lang);
    if (mail.kind === 'LOGIN_ATTACK') return this.sendLoginAttack(mail);
    if (mail.kind === 'SECOND_FACTOR_ATTACK') return this.sendSecondFactorAttack(mail);
    if (mail.kind === 'SECOND_FACTOR_RESET') return this.sendSecondFactorReset(mail.userId);
    if (mail.kind === 'REGISTER_EXISTING') return this.sendRegisterExisting(mail.userId, mail.lang);
    if (mail.kind === 'INVITATION') return this.sendInvitation(mail.invitationId);
  }

  private sendActivation(tokenId: string, lang?: Lang): Promise<void> {
    return this.sendLink<{ email: string; display_name: string }>(
      'account_token',
      tokenId,
      `UPDATE account_token t SET token_hash = $2
       FROM app_user u
       WHERE t.id = $1 AND u.id = t.user_id AND t.token_hash IS NULL AND t.used_at IS NULL AND NOT u.disabled AND u.email_verified_at IS NULL
       RETURNING u.email, u.display_name`,
      (secret, row) => {
        const url = (lang: Lang) => this.link(`/activate/${secret}`, lang);
        const hours = this.config.ACTIVATION_TTL_HOURS;
        return {
          to: row.email,
          ...bilingual(
            lang,
            {
              subject: 'Xác nhận địa chỉ e-mail để kích hoạt tài khoản Techport',
              text:
                `Chào ${row.display_name},\n\nĐịa chỉ này vừa được dùng để đăng ký tài khoản Techport. Mở liên kết sau để xác nhận và kích hoạt tài khoản:\n\n${url('vi')}\n\n` +
                `Liên kết dùng được một lần, trong ${hours} giờ. Nếu không phải bạn đăng ký, hãy bỏ qua thư này: tài khoản sẽ không được kích hoạt.\n`,
            },
            {
              subject: 'Confirm your e-mail to activate your Techport account',
              text:
                `Hello ${row.display_name},\n\nThis address was just used to register a Techport account. Open this link to confirm it and activate the account:\n\n${url('en')}\n\n` +
                `The link works once, within ${hours} hours. If you did not register, ignore this e-mail: the account will not be activated.\n`,
            },
          ),
        };
      },
    );
  }

  private async sendRegisterExisting(userId: string, lang?: Lang): Promise<void> {
    const [user]: { email: string }[] = await this.ds.query(`SELECT email FROM app_user WHERE id = $1 AND NOT disabled`, [userId]);
    if (!user) return;
    const login = (lang: Lang) => this.link('/login', lang);
    const reset = (lang: Lang) => this.link('/forgot-password', lang);
    await this.mailer.send({
      to: user.email,
      ...bilingual(
        lang,
        {
          subject: 'Có người vừa đăng ký Techport bằng địa chỉ của bạn',
          text:
            `Ai đó (có thể là bạn) vừa thử đăng ký một tài khoản Techport mới bằng địa chỉ này, nhưng địa chỉ đã có tài khoản. Không có gì thay đổi.\n` +
            `Đăng nhập: ${login('vi')}\nQuên mật khẩu: ${reset('vi')}\n`,
        },
        {
          subject: 'Someone tried to register with your address',
          text:
            `Someone (perhaps you) just tried to register a new Techport account with this address, which already has one. Nothing has changed.\n` +
            `Log in: ${login('en')}\nForgot your password: ${reset('en')}\n`,
        },
      ),
    });
  }

  private sendInvitation(invitationId: string): Promise<void> {
    return this.sendLink<{ email: string; role: string; organization: string; inviter: string; expires_at: Date }>(
      'organization_invitation',
      invitationId,
      `UPDATE organization_invitation i SET token_hash = $2
       FROM organization o, app_user u
       WHERE i.id = $1 AND o.id = i.organization_id AND u.id = i.invited_by AND i.token_hash IS NULL AND i.accepted_at IS NULL
       RETURNING i.email, i.role, o.name AS organization, u.display_name AS inviter, i.expires_at`,
      (secret, row) => {
        const url = (lang: Lang) => this.link(`/invitations/${secret}`, lang);
        const register = (lang: Lang) => this.link('/register', lang);
        const until = new Date(row.expires_at).toISOString().slice(0, 10);
        return {
          to: row.email,
          subject: `Lời mời tham gia ${row.organization} trên Techport / Invitation to join ${row.organization} on Techport`,
          text:
            `${row.inviter} mời bạn tham gia tổ chức "${row.organization}" trên Techport${row.role === 'OWNER' ? ' với vai trò chủ sở hữu' : ''}.\n` +
            `Mở liên kết sau, đăng nhập bằng địa chỉ này rồi bấm "Nhận lời mời" (chưa có tài khoản? Đăng ký bằng chính địa chỉ này: ${register('vi')}):\n\n${url('vi')}\n\n` +
            `Lời mời dùng được một lần, đến hết ngày ${until}.\n\n---\n` +
            `${row.inviter} invites you to join the organisation "${row.organization}" on Techport${row.role === 'OWNER' ? ' as an owner' : ''}.\n` +
            `Open this link, log in with this address and choose "Accept the invitation" (no account yet? Register with this very address: ${register('en')}):\n\n${url('en')}\n\n` +
            `The invitation works once, until ${until}.\n`,
        };
      },
    );
  }

  private sendPasswordReset(tokenId: string): Promise<void> {
    return this.sendLink<{ email: string; language: Lang }>(
      'account_token',
      tokenId,
      `UPDATE account_token t SET token_hash = $2
       FROM app_user u
       WHERE t.id = $1 AND u.id = t.user_id AND t.token_hash IS NULL AND t.used_at IS NULL AND NOT u.disabled
       RETURNING u.email, u.language`,
      (secret, row) => {
        const url = (lang: Lang) => this.link(`/reset-password/${secret}`, lang);
        const minutes = this.config.PASSWORD_RESET_TTL_MINUTES;
        return {
          to: row.email,
          ...bilingual(
            row.language,
            {
              subject: 'Đặt lại mật khẩu Techport',
              text:
                `Ai đó (có thể là bạn) vừa yêu cầu đặt lại mật khẩu cho tài khoản Techport gắn với địa chỉ này.\n` +
                `Mở liên kết sau để đặt mật khẩu mới. Liên kết chỉ dùng được một lần và hết hạn sau ${minutes} phút:\n\n${url('vi')}\n\n` +
                `Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n`,
            },
            {
              subject: 'Reset your Techport password',
              text:
                `Someone (probably you) asked to reset the password of the Techport account for this address.\n` +
                `Open this link to choose a new password. It works once and expires in ${minutes} minutes:\n\n${url('en')}\n\n` +
                `If you did not ask for this, ignore this e-mail: your password has not changed.\n`,
            },
          ),
        };
      },
    );
  }

  /**
   * An e-mail carrying a link. A fresh secret's hash is written to the row and committed first,
   * so that the link works the moment the e-mail arrives: sent from inside the transaction, the
   * e-mail could be opened (a quick reader, a test reading the mail folder) before the commit,
   * and found the link invalid. Then the e-mail leaves; if sending fails, the hash is taken back
   * (when it is still this one) so that the outbox's retry makes a fresh secret. `claimSql` sets
   * `token_hash = $2` on row `$1` only when it has none yet, and answers what the e-mail needs: no
   * row means the link was sent already (a retried job), is spent, or its account was disabled.
   * (A worker killed between the commit and the send leaves a link never sent: the user asks for
   * another, which signing in, "forgot password" and a new invitation all give.)
   */
  private async sendLink<Row>(table: 'account_token' | 'organization_invitation', id: string, claimSql: string, compose: (secret: string, row: Row) => Mail): Promise<void> {
    const secret = newSecret();
    const hash = hashToken(secret);
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows]: [Row[], number] = await this.ds.query(claimSql, [id, hash]);
    const row = rows[0];
    if (!row) return;
    try {
      await this.mailer.send(compose(secret, row));
    } catch (err) {
      await this.ds.query(`UPDATE ${table} SET token_hash = NULL WHERE id = $1 AND token_hash = $2`, [id, hash]);
      throw err;
    }
  }

  /** An e-mail to an account's own address, if the account is still active (nothing otherwise). */
  private async sendToAccount(
    userId: string,
    mail: (user: { email: string; display_name: string }) => { vi: { subject: string; text: string }; en: { subject: string; text: string } },
  ): Promise<void> {
    const [user]: { email: string; display_name: string; language: Lang }[] = await this.ds.query(
      `SELECT email, display_name, language FROM app_user WHERE id = $1 AND NOT disabled`,
      [userId],
    );
    if (!user) return;
    const { vi, en } = mail(user);
    await this.mailer.send({ to: user.email, ...bilingual(user.language, vi, en) });
  }

  private sendLoginAttack(mail: Extract<AccountEmail, { kind: 'LOGIN_ATTACK' }>): Promise<void> {
    const reset = (lang: Lang) => this.link('/forgot-password', lang);
    return this.sendToAccount(mail.userId, () => ({
      vi: {
        subject: 'Cảnh báo: nhiều lần đăng nhập sai vào tài khoản Techport',
        text:
          `Trong một giờ qua có ${mail.failures} lần đăng nhập sai vào tài khoản Techport của bạn (lần gần nhất từ địa chỉ ${mail.source}).\n` +
          `Các lần thử từ những địa chỉ này đang bị làm chậm; bạn vẫn đăng nhập bình thường được.\n` +
          `Nếu không phải bạn, hãy đổi sang một mật khẩu mạnh, chưa dùng ở nơi khác: ${reset('vi')}\n`,
      },
      en: {
        subject: 'Warning: failed sign-ins to your Techport account',
        text:
          `In the last hour there were ${mail.failures} failed sign-ins to your Techport account (the latest from address ${mail.source}).\n` +
          `Attempts from those addresses are being slowed down; you can still sign in as usual.\n` +
          `If this was not you, choose a strong password you use nowhere else: ${reset('en')}\n`,
      },
    }));
  }

  private sendSecondFactorAttack(mail: Extract<AccountEmail, { kind: 'SECOND_FACTOR_ATTACK' }>): Promise<void> {
    const reset = (lang: Lang) => this.link('/forgot-password', lang);
    return this.sendToAccount(mail.userId, () => ({
      vi: {
        subject: 'Cảnh báo: mật khẩu Techport của bạn có thể đã lộ',
        text:
          `Trong một giờ qua, ai đó đã nhập đúng mật khẩu tài khoản Techport của bạn rồi nhập sai mã xác thực hai bước ${mail.failures} lần (lần gần nhất từ địa chỉ ${mail.source}).\n` +
          `Mã xác thực hai bước vẫn đang bảo vệ tài khoản, và các lần thử từ địa chỉ đó đang bị làm chậm.\n` +
          `Nếu không phải bạn, hãy đổi mật khẩu ngay (một mật khẩu mạnh, chưa dùng ở nơi khác): ${reset('vi')}\n`,
      },
      en: {
        subject: 'Warning: your Techport password may be known to someone else',
        text:
          `In the last hour someone entered the right password of your Techport account, then ${mail.failures} wrong two-step verification codes (the latest from address ${mail.source}).\n` +
          `Your second factor is still protecting the account, and attempts from that address are being slowed down.\n` +
          `If this was not you, change your password now (a strong one you use nowhere else): ${reset('en')}\n`,
      },
    }));
  }

  private sendSecondFactorReset(userId: string): Promise<void> {
    const login = (lang: Lang) => this.link('/login', lang);
    return this.sendToAccount(userId, (user) => ({
      vi: {
        subject: 'Xác thực hai bước của tài khoản Techport đã được đặt lại',
        text:
          `Chào ${user.display_name},\n\nQuản trị viên của sàn vừa đặt lại xác thực hai bước của tài khoản Techport của bạn (ví dụ vì bạn mất điện thoại). ` +
          `Hãy đăng nhập bằng mật khẩu và thiết lập lại ngay: ${login('vi')}\n` +
          `Nếu bạn không yêu cầu việc này, hãy liên hệ Sở KH&CN ngay.\n`,
      },
      en: {
        subject: 'The two-step verification of your Techport account was reset',
        text:
          `Hello ${user.display_name},\n\nThe exchange's administrator has just reset the two-step verification of your Techport account (after a lost phone, say). ` +
          `Sign in with your password and set it up again now: ${login('en')}\n` +
          `If you did not ask for this, contact the Department of Science and Technology at once.\n`,
      },
    }));
  }
}
