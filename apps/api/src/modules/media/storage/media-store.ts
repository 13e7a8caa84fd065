import type { Readable } from 'node:stream';
import type { FileStore } from '../../../backup/file-stores.js';

/** What `put` stores: bytes in memory, or a file on this machine (a spooled upload) of a known size. */
export type MediaBody = Buffer | { path: string; size: number };

/**
 * The media storage port: where uploaded files and their derivatives live, outside PostgreSQL.
 * Keys are relative paths with forward slashes (`o/ab/cd/<sha256>`, `d/<sha256>/w640.webp`), chosen
 * by the caller from the content's hash, so the same bytes always land on the same key and a
 * re-upload is stored once. Two drivers implement it (local folder, S3-compatible store); both
 * pass the one conformance suite (media-store.spec.ts). It is also a backup `FileStore`
 * (list/read/write), so `npm run backup` carries the files.
 */
export interface MediaStore extends FileStore {
  /** Stores the bytes under `key`, replacing what was there; a reader never sees a partial object. */
  put(key: string, body: MediaBody, contentType: string): Promise<void>;
  /** Size and last write of the object, or null when there is none. */
  stat(key: string): Promise<{ size: number; modifiedAt: Date } | null>;
  /**
   * A stream of the object's bytes, or null when there is none; with `range`, only the bytes from
   * `start` to `end` inclusive (HTTP Range requests: a video player seeking), which the caller has
   * checked against the object's size.
   */
  open(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** Bytes `start` to `end` of an object, both inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Keys are relative, forward-slashed, without `..` or empty parts: a key can never leave the store. */
export const MEDIA_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function assertKey(key: string): void {
  if (!MEDIA_KEY.test(key) || key.split('/').some((p) => p === '..' || p === '.')) throw new Error(`not a media key: ${key}`);
}
