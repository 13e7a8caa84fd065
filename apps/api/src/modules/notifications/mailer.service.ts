import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { tidyPunctuation } from '../../common/i18n.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail through SMTP_URL when it is set; otherwise writes each message as an .eml file
 * into MAIL_OUTBOX_DIR, the local outbox a developer can read.
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  private readonly outboxDir: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      this.transport = nodemailer.createTransport(config.SMTP_URL);
      this.outboxDir = null;
    } else {
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = resolve(config.MAIL_OUTBOX_DIR);
    }
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: tidyPunctuation(mail.subject), text: tidyPunctuation(mail.text) });
    if (this.outboxDir) {
      await mkdir(this.outboxDir, { recursive: true });
      // A random tail: two e-mails to one address in the same millisecond must not overwrite each other.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}-${mail.to.replace(/[^a-z0-9@._-]/gi, '_')}.eml`;
      // Written aside, then renamed: whoever reads the folder never sees half an e-mail.
      const path = join(this.outboxDir, name);
      await writeFile(`${path}.part`, (info as unknown as { message: Buffer }).message);
      await rename(`${path}.part`, path);
      this.logger.debug(`e-mail to ${mail.to} written to ${this.outboxDir}`);
    }
  }
}
