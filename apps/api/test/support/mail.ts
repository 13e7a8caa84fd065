import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of an .eml, its body decoded (base64 or quoted-printable), good enough to search. */
export function plainEml(eml: string): string {
  const at = eml.search(/\r?\n\r?\n/);
  const head = eml.slice(0, at);
  const body = eml.slice(at).trim();
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    const text = body.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
    return `${head}\n\n${text}`;
  }
  return eml;
}

/** Every e-mail written to the mail outbox folder for an address, oldest first, decoded. */
export function mailsTo(mailDir: string, email: string): string[] {
  if (!existsSync(mailDir)) return [];
  const tag = email.toLowerCase().replace(/[^a-z0-9@._-]/gi, '_');
  return readdirSync(mailDir)
    .filter((f) => f.endsWith('.eml') && f.toLowerCase().includes(tag))
    .sort()
    .map((f) => plainEml(readFileSync(join(mailDir, f), 'utf8')));
}

/** The first link in an e-mail whose path starts with `pathPrefix` (e.g. "/reset-password/"). */
export function linkIn(mail: string, pathPrefix: string): URL {
  for (const match of mail.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url;
  }
  throw new Error(`no link to ${pathPrefix}… in the e-mail:\n${mail}`);
}
