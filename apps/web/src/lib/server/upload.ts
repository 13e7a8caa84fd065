/**
 * Uploads through the storefront without client JavaScript: a multipart form posts to a form
 * action, which streams the file part on to the API's upload URL (requestAttachmentUpload) as it
 * arrives, never holding it whole in memory (busboy parses the multipart body as a stream). The
 * API decides the type from the bytes and enforces the limits; its message names the file.
 *
 * The form must put its text fields (captions) before the file input: they arrive first.
 * adapter-node refuses bodies over BODY_SIZE_LIMIT (default 512K), so the storefront runs with
 * BODY_SIZE_LIMIT at least the largest upload (see .env.example).
 */
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { m } from '$lib/paraglide/messages';
import { RequestAttachmentUpload } from '$lib/graphql/documents';
import type { AttachmentOwnerKind } from '$lib/graphql/types';
import type { Api } from './api';
import { apiBase } from './config';
import { formatUploadLimit } from '$lib/format';

export type UploadResult = { ok: true; id: string } | { ok: false; fields: Record<string, string>; error?: string; values: Record<string, string> };

interface ApiAnswer {
  data?: { attachment: { id: string } };
  errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string> } }[];
}

export async function streamUpload(request: Request, api: Api, owner: { ownerKind: AttachmentOwnerKind; ownerId: string }): Promise<UploadResult> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || !request.body) return { ok: false, fields: { file: m.media_chooseFile() }, values: {} };
  const values: Record<string, string> = {};
  return new Promise<UploadResult>((resolve, reject) => {
    let pending: Promise<UploadResult> | null = null;
    // Browsers send a file's name as UTF-8 bytes; busboy reads parameters as latin1 unless told,
    // which turned "Tờ rơi.pdf" into "Tá»\u009d rÆ¡i.pdf".
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 2000 } });
    parser.on('field', (name: string, value: string) => {
      values[name] = value.trim();
    });
    parser.on('file', (_name: string, file: Readable, info: { filename?: string }) => {
      if (!info.filename) {
        file.resume();
        return;
      }
      pending = send(api, owner, values, info.filename, file).catch((err: unknown) => {
        file.resume(); // let the parser finish reading the form
        throw err;
      });
    });
    parser.on('error', reject);
    parser.on('close', () => {
      if (!pending) resolve({ ok: false, fields: { file: m.media_chooseFile() }, values });
      else pending.then(resolve, reject);
    });
    Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(parser);
  });
}

async function send(api: Api, owner: { ownerKind: AttachmentOwnerKind; ownerId: string }, values: Record<string, string>, fileName: string, file: Readable): Promise<UploadResult> {
  const { requestAttachmentUpload: u } = await api.request(RequestAttachmentUpload, {
    input: {
      ...owner,
      captionVi: values.captionVi || null,
      captionEn: values.captionEn || null,
      // Organisations only: a verification document that only members and moderators see.
      ...(owner.ownerKind === 'ORGANIZATION' && { private: values.private === 'on' }),
    },
  });
  let res: Response;
  try {
    res = await fetch(`${apiBase()}${u.url}?name=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'accept-language': api.lang },
      body: Readable.toWeb(file) as unknown as BodyInit,
      // Node's fetch streams a request body only in half-duplex mode.
      duplex: 'half',
    } as RequestInit);
  } catch {
    // The API stopped reading (a file over the limit) and closed the connection before fetch saw its answer.
    file.resume();
    return { ok: false, fields: { file: failed(fileName, u) }, values };
  }
  file.resume();
  const body = (await res.json().catch(() => ({}))) as ApiAnswer;
  if (res.ok && body.data) return { ok: true, id: body.data.attachment.id };
  const message = body.errors?.[0]?.message ?? failed(fileName, u);
  return { ok: false, fields: { file: message }, values };
}

/** An upload that broke off without the API's word: the limits, so the owner can tell whether the file was too large. */
function failed(name: string, u: { maxImageBytes: number; maxDocumentBytes: number; maxVideoBytes: number }): string {
  return m.media_uploadFailed({ name, image: formatUploadLimit(u.maxImageBytes), document: formatUploadLimit(u.maxDocumentBytes), video: formatUploadLimit(u.maxVideoBytes) });
}
