import { Controller, Get, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '@techport/shared';
import { AppError } from '../../common/errors.js';
import { t, type Localized } from '../../common/i18n.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { clientOf } from '../accounts/sessions.service.js';
import { AttachmentKind, DerivativeStatus } from './attachment.entity.js';
import { MediaService } from './media.service.js';
import { DERIVATIVE_WIDTHS, derivativeKey, originalKey, UploadRefused } from './upload-pipeline.js';
import { bearerToken } from '../../common/rest.js';

const NOT_FOUND: Localized = { vi: 'Không tìm thấy tệp.', en: 'File not found.' };

/**
 * The two HTTP routes of media (everything else is GraphQL):
 *   POST /media/uploads/<token>?name=<file name>   the bytes of one file as the request body, to an
 *        upload URL from the requestAttachmentUpload mutation (signed, short-lived, single use).
 *        Streamed: never buffered whole; cut off at the type's size limit.
 *   GET  /media/<id>/original | /media/<id>/w<width>   a file or one of its WebP sizes, with its
 *        type, nosniff and a sandboxing CSP (nothing served here runs in a browser); PDFs as
 *        downloads; a byte range answered 206 (video seeking). Files that are not public need a
 *        signature (from the GraphQL `url` fields) or the bearer token of someone allowed; anyone
 *        else gets 404, as if the file did not exist.
 * Errors answer with a GraphQL-shaped `errors` body in the request's language.
 */
@Controller('media')
export class MediaController {
  private readonly logger = new Logger('Media');

  constructor(
    private readonly media: MediaService,
    private readonly accounts: AccountsService,
  ) {}

  @Post('uploads/:token')
  async upload(@Param('token') token: string, @Query('name') name: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    // An upload refused at the limit stops reading the body and answers early: the client may go
    // on writing, or drop the connection, after that. Such stream errors concern nobody any more;
    // unlistened, an 'error' event would be an uncaught exception that takes the process down.
    const ignore = (what: string) => (err: Error) => this.logger.debug(`upload ${what} after the answer: ${err.message}`);
    req.on('error', ignore('request'));
    res.on('error', ignore('response'));
    req.socket?.on('error', ignore('connection'));
    try {
      const a = await this.media.storeUpload(token, typeof name === 'string' ? name : 'file', req);
      res.status(201).json({ data: { attachment: { id: a.id, kind: a.kind, mime: a.mime, size: a.size, width: a.width, height: a.height, fileName: a.fileName } } });
    } catch (err) {
      if (err instanceof UploadRefused) {
        const code = err.status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT;
        const message = t(err.localized);
        this.answerEarly(req, res, err.status, { errors: [{ message, extensions: code === ErrorCode.BAD_USER_INPUT ? { code, fields: { file: message } } : { code } }] });
        return;
      }
      if (err instanceof AppError) {
        this.answerEarly(req, res, err.code === ErrorCode.NOT_FOUND ? 404 : err.code === ErrorCode.FORBIDDEN ? 403 : 409, { errors: [{ message: t(err.localized), extensions: { code: err.code } }] });
        return;
      }
      this.logger.error(`upload failed: ${err instanceof Error ? err.stack : String(err)}`);
      this.answerEarly(req, res, 500, { errors: [{ message: t({ vi: 'Đã có lỗi xảy ra. Vui lòng thử lại.', en: 'Something went wrong. Please try again.' }), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  }

  /**
   * Answers before the body has been read to the end (refused at the limit or by its first bytes):
   * the rest is not read, the connection closes after the answer.
   */
  private answerEarly(req: Request, res: Response, status: number, body: unknown): void {
    if (!req.readableEnded) res.setHeader('connection', 'close');
    res.status(status).json(body);
    if (!req.readableEnded) res.once('finish', () => req.socket.destroySoon?.() ?? req.socket.end());
  }

  @Get(':id/:variant')
  async serve(@Param('id') id: string, @Param('variant') variant: string, @Query('exp') exp: string | undefined, @Query('sig') sig: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const notFound = () => void res.status(404).json({ errors: [{ message: t(NOT_FOUND), extensions: { code: ErrorCode.NOT_FOUND } }] });
    const a = await this.media.findForServing(id);
    if (!a || !a.sha256 || a.kind === AttachmentKind.VIDEO_LINK) return notFound();
    const width = /^w(\d+)$/.exec(variant)?.[1];
    let key: string;
    let type: string;
    if (variant === 'original') {
      key = originalKey(a.sha256);
      type = a.mime ?? 'application/octet-stream';
    } else if (width && DERIVATIVE_WIDTHS.includes(Number(width) as (typeof DERIVATIVE_WIDTHS)[number]) && a.derivatives === DerivativeStatus.READY && a.derivativeWidths.includes(Number(width))) {
      key = derivativeKey(a.sha256, Number(width));
      type = 'image/webp';
    } else return notFound();

    const publicFile = await this.media.canSee(null, a);
    let allowed = publicFile || this.media.verifyFileSignature(a.id, exp, sig);
    if (!allowed) {
      const header = req.headers.authorization;
      const token = bearerToken(header);
      const viewer = token ? await this.accounts.viewerFromToken(token, clientOf(req)) : null;
      allowed = !!viewer && (await this.media.canSee(viewer, a));
    }
    if (!allowed) return notFound();

    const info = await this.media.store.stat(key);
    if (!info) return notFound();
    // Content-addressed: the key's bytes never change, so the key is a strong validator.
    const etag = `"${a.sha256}${variant === 'original' ? '' : `-${variant}`}"`;
    res.setHeader('etag', etag);
    res.setHeader('accept-ranges', 'bytes');
    // Range requests (a video player seeking, a PDF viewer reading a page): one range is served as
    // 206 partial content; several (rare) get the whole file; one past the end answers 416.
    const ifRange = req.headers['if-range'];
    const ranges = !ifRange || ifRange === etag ? req.range(info.size, { combine: true }) : undefined;
    if (ranges === -1) {
      res.status(416).setHeader('content-range', `bytes */${info.size}`);
      res.end();
      return;
    }
    const range = Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
    const stream = await this.media.store.open(key, range);
    if (!stream) return notFound();
    if (range) {
      res.status(206);
      res.setHeader('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
    }
    res.setHeader('content-type', type);
    res.setHeader('content-length', String(range ? range.end - range.start + 1 : info.size));
    res.setHeader('x-content-type-options', 'nosniff');
    // Nothing served here may run: no scripts, no plugins, a unique origin even if opened directly.
    res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
    // The storefront shows these files from its own origin (it passes /media/ through) and may embed them from here.
    res.setHeader('cross-origin-resource-policy', 'cross-origin');
    res.setHeader('cache-control', publicFile ? 'public, max-age=31536000, immutable' : 'private, no-store');
    const fileName = a.fileName ?? 'file';
    const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    const disposition = a.kind === AttachmentKind.DOCUMENT && variant === 'original' ? 'attachment' : 'inline';
    res.setHeader('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    await pipeline(stream, res).catch(() => undefined);
  }
}
