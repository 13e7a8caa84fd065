import { linkIn, mailsTo } from './mail.js';

/**
 * The mailboxes of the apps a spec started (startTestApp), by base URL, so the GraphQL helpers
 * (registerUser, addMember…) can follow the links the API e-mails, as a person would: send the
 * account's e-mails now (the outbox, for that topic only) and read them from MAIL_OUTBOX_DIR.
 */
export interface Mailbox {
  mailDir: string;
  /** Sends the account e-mails waiting on the outbox (activation, invitations…). */
  deliverAccountMail(): Promise<void>;
}

const mailboxes = new Map<string, Mailbox>();

export function registerMailbox(baseUrl: string, mailbox: Mailbox): void {
  mailboxes.set(baseUrl, mailbox);
}

export function forgetMailbox(baseUrl: string): void {
  mailboxes.delete(baseUrl);
}

/** The secret of the newest link to `pathPrefix` e-mailed to `email` by the app at `baseUrl` (waiting for it). */
export async function secretFromMail(baseUrl: string, email: string, pathPrefix: string, options: { notFrom?: string } = {}): Promise<string> {
  const mailbox = mailboxes.get(baseUrl);
  if (!mailbox) throw new Error(`no mailbox for ${baseUrl}: start the app with startTestApp()`);
  // Another spec's app on the same database may have claimed the e-mail (the outbox is shared):
  // it then lands in the same folder a moment later.
  const deadline = Date.now() + 20_000;
  for (;;) {
    await mailbox.deliverAccountMail();
    const mails = mailsTo(mailbox.mailDir, email).filter((m) => m.includes(pathPrefix));
    const secret = mails.length ? decodeURIComponent(linkIn(mails.at(-1)!, pathPrefix).pathname.slice(pathPrefix.length)) : null;
    // notFrom: wait for a newer e-mail than the one that carried this secret.
    if (secret && secret !== options.notFrom) return secret;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${email} with a link to ${pathPrefix}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
