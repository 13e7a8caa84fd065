import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { LocalMediaStore } from './local-media-store.js';
import type { MediaStore } from './media-store.js';
import { S3MediaStore } from './s3-media-store.js';
import { startLocalS3, type LocalS3 } from '../../../../test/support/s3.js';

/**
 * The storage port's conformance suite: every driver must behave the same. The S3 driver runs
 * against s3rver (a local stand-in for an S3-compatible store), started in this process.
 */
let s3: LocalS3;
let localRoot: string;
let work: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  localRoot = await mkdtemp(join(tmpdir(), 'techport-media-local-'));
  work = await mkdtemp(join(tmpdir(), 'techport-media-work-'));
});

afterAll(async () => {
  await s3?.stop();
  await rm(localRoot, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const drivers: [string, () => MediaStore][] = [
  ['local folder', () => new LocalMediaStore(localRoot)],
  [
    'S3-compatible (s3rver)',
    () =>
      new S3MediaStore({ endpoint: s3.endpoint, region: 'us-east-1', bucket: s3.bucket, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, prefix: 'spec' }),
  ],
];

const keyOf = (bytes: Buffer) => {
  const h = createHash('sha256').update(bytes).digest('hex');
  return `o/${h.slice(0, 2)}/${h.slice(2, 4)}/${h}`;
};

describe.each(drivers)('media store: %s', (_name, make) => {
  let store: MediaStore;
  beforeAll(() => {
    store = make();
  });

  it('stores bytes from memory and reads back exactly them, with their size', async () => {
    const bytes = randomBytes(70_000);
    const key = keyOf(bytes);
    expect(await store.stat(key)).toBeNull();
    const before = Date.now();
    await store.put(key, bytes, 'image/jpeg');
    const info = await store.stat(key);
    expect(info?.size).toBe(bytes.length);
    // Its last write, to the second (S3 keeps whole seconds): what the orphan sweep ages files by.
    expect(Math.abs(info!.modifiedAt.getTime() - before)).toBeLessThan(5_000);
    const stream = await store.open(key);
    expect(stream).not.toBeNull();
    expect((await buffer(stream!)).equals(bytes)).toBe(true);
  });

  it('stores a spooled file by path (an upload) and replaces an object of the same key', async () => {
    const bytes = randomBytes(300_000);
    const file = join(work, `spool-${randomBytes(4).toString('hex')}`);
    await writeFile(file, bytes);
    const key = `d/${randomBytes(8).toString('hex')}/w640.webp`;
    await store.put(key, Buffer.from('first version'), 'image/webp');
    await store.put(key, { path: file, size: bytes.length }, 'image/webp');
    expect((await store.stat(key))?.size).toBe(bytes.length);
    expect((await buffer((await store.open(key))!)).equals(bytes)).toBe(true);
  });

  it('reads a byte range (a video player seeking)', async () => {
    const bytes = randomBytes(200_000);
    const key = keyOf(bytes);
    await store.put(key, bytes, 'video/mp4');
    expect((await buffer((await store.open(key, { start: 1000, end: 1999 }))!)).equals(bytes.subarray(1000, 2000))).toBe(true);
    expect((await buffer((await store.open(key, { start: 199_990, end: 199_999 }))!)).equals(bytes.subarray(199_990))).toBe(true);
  });

  it('answers null for a missing object, and deleting one twice is not an error', async () => {
    const key = `o/00/00/${'0'.repeat(64)}`;
    expect(await store.open(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    const bytes = randomBytes(10);
    const k2 = keyOf(bytes);
    await store.put(k2, bytes, 'application/pdf');
    await store.delete(k2);
    await store.delete(k2);
    expect(await store.stat(k2)).toBeNull();
    expect(await store.open(k2)).toBeNull();
  });

  it('lists every key (the backup reads them) and writes back through the backup interface', async () => {
    const a = randomBytes(20);
    const b = randomBytes(30);
    await store.put(keyOf(a), a, 'application/octet-stream');
    await store.put(keyOf(b), b, 'application/octet-stream');
    const keys = await store.list();
    expect(keys).toEqual(expect.arrayContaining([keyOf(a), keyOf(b)]));
    expect(keys.every((k) => !k.endsWith('.partial'))).toBe(true);
    // Restore's path: write a stream, read it back through read().
    const restored = `r/${randomBytes(6).toString('hex')}`;
    await store.write(restored, Readable.from([a, b]));
    expect((await buffer(store.read(restored))).equals(Buffer.concat([a, b]))).toBe(true);
  });

  it('refuses keys that could leave the store', async () => {
    await expect(store.put('../escape', Buffer.from('x'), 'text/plain')).rejects.toThrow(/not a media key/);
    await expect(store.stat('o/../../etc/passwd')).rejects.toThrow(/not a media key/);
    await expect(store.put('/absolute', Buffer.from('x'), 'text/plain')).rejects.toThrow(/not a media key/);
  });
});
