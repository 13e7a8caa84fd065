import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertKey, type ByteRange, type MediaBody, type MediaStore } from './media-store.js';

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (http://host/bucket/key): what MinIO, Ceph and s3rver expect. */
  forcePathStyle: boolean;
  /** Prefix of every key inside the bucket (several installations may share one). */
  prefix?: string;
}

function isMissing(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound';
  return false;
}

/** The S3-compatible driver (MinIO, Ceph, any cloud), for deployments with several API replicas. */
export class S3MediaStore implements MediaStore {
  readonly name = 'media';
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: S3-compatible servers (and s3rver) do not all
      // understand the SDK's default aws-chunked checksum trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.prefix = settings.prefix ? settings.prefix.replace(/\/+$/, '') + '/' : '';
  }

  get describe(): string {
    return `s3://${this.settings.bucket}/${this.prefix}${this.settings.endpoint ? ` at ${this.settings.endpoint}` : ''}`;
  }

  private k(key: string): string {
    assertKey(key);
    return this.prefix + key;
  }

  async put(key: string, body: MediaBody, contentType: string): Promise<void> {
    const Body = Buffer.isBuffer(body) ? body : createReadStream(body.path);
    const ContentLength = Buffer.isBuffer(body) ? body.length : body.size;
    await this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key), Body, ContentLength, ContentType: contentType }));
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key) }));
      return { size: Number(head.ContentLength ?? 0), modifiedAt: head.LastModified ?? new Date(0) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async open(key: string, range?: ByteRange): Promise<Readable | null> {
    try {
      const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key), Range }));
      return out.Body as Readable;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key) }));
  }

  async list(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: this.prefix || undefined, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(this.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  /** Backup's reader: a stream that starts when the object answers. */
  read(path: string): Readable {
    const out = new PassThrough();
    this.open(path).then(
      (s) => (s ? s.pipe(out) : out.destroy(new Error(`${this.describe}: no object ${path}`))),
      (err: Error) => out.destroy(err),
    );
    return out;
  }

  /** Restore's writer: S3 wants the length up front, so the stream is spooled to a temporary file first. */
  async write(path: string, content: Readable): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'techport-s3-'));
    const file = join(dir, 'object');
    try {
      await pipeline(content, createWriteStream(file));
      await this.put(path, { path: file, size: (await stat(file)).size }, 'application/octet-stream');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
