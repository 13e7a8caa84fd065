/**
 * The image and file-type libraries, loaded on first use. Every process that loads the app module
 * (the API, the CLI, each end-to-end spec file) would otherwise pay their import, 180 ms natively,
 * though only uploads, thumbnails and the demo's pictures need them.
 */
import type Sharp from 'sharp';

export const loadSharp = (): Promise<typeof Sharp> => import('sharp').then((m) => m.default);

export const loadFileTypeFromBuffer = (): Promise<typeof import('file-type').fileTypeFromBuffer> => import('file-type').then((m) => m.fileTypeFromBuffer);
