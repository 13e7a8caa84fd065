import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import type { Client } from './graphql.js';

/** Builds a small, valid PDF with one page per text (Helvetica), for document uploads and text extraction. */
export function makePdf(pages: string[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers from 1
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const text of pages) {
    const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
    const stream = `BT /F1 14 Tf 40 760 Td (${escaped}) Tj ET`;
    const content = add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
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
