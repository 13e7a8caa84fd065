import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import type { Client } from './graphql.js';
import { simplePdf } from '../../src/modules/media/simple-pdf.js';

/** A small, valid PDF with one page per text (see simplePdf). */
export function makePdf(pages: string[]): Buffer {
  return simplePdf(pages.map((p) => [p]));
}

export interface UploadAnswer {
  status: number;
  body: { data?: { attachment: { id: string; kind: string; mime: string; size: number; width: number | null; height: number | null } }; errors?: { message: string; extensions: { code: string; fields?: Record<string, string> } }[] };
}

/** Asks for an upload URL as `client` and streams `body` to it (chunked, like a browser's fetch with a stream). */
export async function upload(
  client: Client,
  owner: { ownerKind: string; ownerId: string; private?: boolean; captionVi?: string },
  fileName: string,
  body: Buffer | Readable,
): Promise<UploadAnswer> {
  const { requestAttachmentUpload: u } = await client.ok<{ requestAttachmentUpload: { url: string } }>(
    `mutation($input: AttachmentUploadInput!) { requestAttachmentUpload(input: $input) { url expiresAt maxImageBytes } }`,
    { input: owner },
  );
  return postTo(client.baseUrl, `${u.url}?name=${encodeURIComponent(fileName)}`, body, client.lang);
}

/**
 * POSTs a body with Node's http client (the answer may come before the body is all sent: the
 * server stops reading at the limit), resolving with the answer and ignoring the write errors of
 * a connection the server closed after answering.
 */
export function postTo(baseUrl: string, path: string, body: Buffer | Readable, lang: 'vi' | 'en' = 'vi'): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'accept-language': lang, 'transfer-encoding': 'chunked' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
      res.on('error', reject);
    });
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    source.on('error', () => undefined);
    source.pipe(req);
    req.on('close', () => source.destroy());
  });
}

/** A stream of `total` zero bytes after `head`, made as it is read (never held in memory). */
export function longStream(head: Buffer, total: number): Readable {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024);
  return new Readable({
    read() {
      if (sent === 0) {
        sent += head.length;
        this.push(head);
        return;
      }
      if (sent >= total) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}
