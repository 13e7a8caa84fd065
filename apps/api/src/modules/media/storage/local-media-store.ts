import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { LocalFolderStore } from '../../../backup/file-stores.js';
import { assertKey, type ByteRange, type MediaBody, type MediaStore } from './media-store.js';

/** The default driver: a folder on this machine (MEDIA_DIR, `.data/media`). */
export class LocalMediaStore extends LocalFolderStore implements MediaStore {
  constructor(root: string) {
    super('media', root);
  }

  private pathOf(key: string): string {
    assertKey(key);
    return this.resolvePath(key);
  }

  async put(key: string, body: MediaBody, _contentType: string): Promise<void> {
    const full = this.pathOf(key);
    await mkdir(dirname(full), { recursive: true });
    // Written beside under a unique name, then renamed: readers never see half a file, and two
    // uploads of the same bytes at once each rename a whole copy over the other.
    const partial = `${full}.${randomBytes(6).toString('hex')}.partial`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(partial, body, { mode: 0o600 });
      else await copyFile(body.path, partial);
      await rename(partial, full);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { size: s.size, modifiedAt: s.mtime } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async open(key: string, range?: ByteRange): Promise<Readable | null> {
    const full = this.pathOf(key);
    const stream = createReadStream(full, range ? { start: range.start, end: range.end } : undefined);
    // Wait for the open to succeed or fail, so a missing file answers null instead of an error later.
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? resolve(null) : reject(err)));
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  override async list(): Promise<string[]> {
    // Half-written files of an interrupted put are not objects.
    return (await super.list()).filter((p) => !p.endsWith('.partial') && !p.endsWith('.restoring'));
  }
}
