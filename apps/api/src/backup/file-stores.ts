import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A place where the exchange keeps files outside PostgreSQL. A backup copies every file of every
 * store into the archive under files/<store name>/<path>, and a restore writes them back into the
 * store of the same name. Paths are relative, with forward slashes.
 *
 * Today there is one: the mail outbox (e-mails written as .eml files when no SMTP_URL is set,
 * which is the record of what the exchange sent); and the media store (uploaded images and
 * documents, local folder or S3: modules/media/storage), passed in by the backup command.
 */
export interface FileStore {
  /** Stable name, used as the folder inside the archive: lower-case letters, digits and dashes. */
  readonly name: string;
  /** Where it is, for messages. */
  readonly describe: string;
  /** Every file's path, in any order. A missing store lists nothing. */
  list(): Promise<string[]>;
  read(path: string): Readable;
  /** Writes a file (replacing one of the same path). */
  write(path: string, content: Readable): Promise<void>;
}

/** A store that is a folder on this machine. */
export class LocalFolderStore implements FileStore {
  readonly root: string;
  constructor(
    readonly name: string,
    root: string,
  ) {
    this.root = resolve(root);
  }

  get describe(): string {
    return this.root;
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, prefix: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const e of entries) {
        const rel = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(join(dir, e.name), rel);
        else if (e.isFile()) out.push(rel);
        else if (e.isSymbolicLink() && (await stat(join(dir, e.name))).isFile()) out.push(rel);
      }
    };
    await walk(this.root, '');
    return out.sort();
  }

  protected resolvePath(path: string): string {
    const full = resolve(this.root, ...path.split('/'));
    if (!full.startsWith(this.root + sep)) throw new Error(`${this.name}: path outside the store: ${path}`);
    return full;
  }

  read(path: string): Readable {
    return createReadStream(this.resolvePath(path));
  }

  async write(path: string, content: Readable): Promise<void> {
    const full = this.resolvePath(path);
    await mkdir(dirname(full), { recursive: true });
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${full}.restoring`;
    await pipeline(content, createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, full);
  }
}

export interface FileStoreSettings {
  /** The mail outbox folder (MAIL_OUTBOX_DIR, default .data/mail-outbox). */
  MAIL_OUTBOX_DIR?: string;
  /** The media store (modules/media/storage/create-media-store.ts), when the installation has one. */
  media?: FileStore;
}

/** The file stores of an installation, from its settings. Add new stores here. */
export function fileStores(settings: FileStoreSettings): FileStore[] {
  const stores: FileStore[] = [new LocalFolderStore('mail-outbox', settings.MAIL_OUTBOX_DIR || '.data/mail-outbox')];
  if (settings.media) stores.push(settings.media);
  return stores;
}

export const STORE_NAME = /^[a-z0-9][a-z0-9-]*$/;
