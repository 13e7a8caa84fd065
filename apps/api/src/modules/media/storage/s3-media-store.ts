import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
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

// The SDK is loaded on first use: most installations (and test runs) store media on disk, and
// @aws-sdk/client-s3 takes 130–200 ms to import, paid by every process that loads the app module.
type S3Sdk = typeof import('@aws-sdk/client-s3');
let sdkLoading: Promise<S3Sdk> | undefined;
const loadSdk = (): Promise<S3Sdk> => (sdkLoading ??= import('@aws-sdk/client-s3'));

function isMissing(sdk: S3Sdk, err: unknown): boolean {
  if (err instanceof sdk.S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound';
  return false;
}

/** The S3-compatible driver (MinIO, Ceph, any cloud), for deployments with several API replicas. */
export class S3MediaStore implements MediaStore {
  readonly name = 'media';
  private connection?: Promise<{ sdk: S3Sdk; client: S3Client }>;
  private readonly prefix: string;

  constructor(private readonly settings: S3Settings) {
    this.prefix = settings.prefix ? settings.prefix.replace(/\/+$/, '') + '/' : '';
  }

  /** The SDK and its client, made on first use. */
  private connect(): Promise<{ sdk: S3Sdk; client: S3Client }> {
    const { settings } = this;
    return (this.connection ??= loadSdk().then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: settings.endpoint,
        region: settings.region,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
        // Checksums only where S3 requires them: S3-compatible servers (and s3rver) do not all
        // understand the SDK's default aws-chunked checksum trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  }

  get describe(): string {
    return `s3://${this.settings.bucket}/${this.prefix}${this.settings.endpoint ? ` at ${this.settings.endpoint}` : ''}`;
  }

  private k(key: string): string {
    assertKey(key);
    return this.prefix + key;
  }

  async put(key: string, body: MediaBody, contentType: string): Promise<void> {
    const { sdk, client } = await this.connect();
    const Body = Buffer.isBuffer(body) ? body : createReadStream(body.path);
    const ContentLength = Buffer.isBuffer(body) ? body.length : body.size;
    await client.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key), Body, ContentLength, ContentType: contentType }));
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    const { sdk, client } = await this.connect();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key) }));
      return { size: Number(head.ContentLength ?? 0), modifiedAt: head.LastModified ?? new Date(0) };
    } catch (err) {
      if (isMissing(sdk, err)) return null;
      throw err;
    }
  }

  async open(key: string, range?: ByteRange): Promise<Readable | null> {
    const { sdk, client } = await this.connect();
    try {
      const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key), Range }));
      return out.Body as Readable;
    } catch (err) {
      if (isMissing(sdk, err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.k(key) }));
  }

  async list(): Promise<string[]> {
    const { sdk, client } = await this.connect();
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: this.prefix || undefined, ContinuationToken: token }),
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
    void this.connection?.then(({ client }) => client.destroy(), () => {});
  }
}
