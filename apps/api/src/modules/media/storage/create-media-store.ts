import type { AppConfig } from '../../../config/config.js';
import { LocalMediaStore } from './local-media-store.js';
import type { MediaStore } from './media-store.js';
import { S3MediaStore } from './s3-media-store.js';

export type MediaStoreSettings = Pick<
  AppConfig,
  | 'MEDIA_STORAGE'
  | 'MEDIA_DIR'
  | 'MEDIA_S3_ENDPOINT'
  | 'MEDIA_S3_REGION'
  | 'MEDIA_S3_BUCKET'
  | 'MEDIA_S3_ACCESS_KEY_ID'
  | 'MEDIA_S3_SECRET_ACCESS_KEY'
  | 'MEDIA_S3_FORCE_PATH_STYLE'
  | 'MEDIA_S3_PREFIX'
>;

/** The configured driver (MEDIA_STORAGE). */
export function createMediaStore(c: MediaStoreSettings): MediaStore {
  if (c.MEDIA_STORAGE === 's3') {
    return new S3MediaStore({
      endpoint: c.MEDIA_S3_ENDPOINT,
      region: c.MEDIA_S3_REGION,
      bucket: c.MEDIA_S3_BUCKET!,
      accessKeyId: c.MEDIA_S3_ACCESS_KEY_ID,
      secretAccessKey: c.MEDIA_S3_SECRET_ACCESS_KEY,
      forcePathStyle: c.MEDIA_S3_FORCE_PATH_STYLE,
      prefix: c.MEDIA_S3_PREFIX,
    });
  }
  return new LocalMediaStore(c.MEDIA_DIR);
}

/** The media store as the API would configure it (the same MEDIA_* variables). */
export function mediaStoreFromEnv(e: NodeJS.ProcessEnv): MediaStore {
  const set = (v: string | undefined) => (v ? v : undefined);
  return createMediaStore({
    MEDIA_STORAGE: e.MEDIA_STORAGE === 's3' ? 's3' : 'local',
    MEDIA_DIR: set(e.MEDIA_DIR) ?? '.data/media',
    MEDIA_S3_ENDPOINT: set(e.MEDIA_S3_ENDPOINT),
    MEDIA_S3_REGION: set(e.MEDIA_S3_REGION) ?? 'us-east-1',
    MEDIA_S3_BUCKET: set(e.MEDIA_S3_BUCKET),
    MEDIA_S3_ACCESS_KEY_ID: set(e.MEDIA_S3_ACCESS_KEY_ID),
    MEDIA_S3_SECRET_ACCESS_KEY: set(e.MEDIA_S3_SECRET_ACCESS_KEY),
    MEDIA_S3_FORCE_PATH_STYLE: !['false', '0'].includes(e.MEDIA_S3_FORCE_PATH_STYLE ?? ''),
    MEDIA_S3_PREFIX: e.MEDIA_S3_PREFIX ?? '',
  });
}
