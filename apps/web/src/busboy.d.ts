/** The part of busboy (npm; installed with @nestjs/platform-express, no types published) the upload action uses. */
declare module 'busboy' {
  import type { Writable, Readable } from 'node:stream';
  interface BusboyConfig {
    headers: Record<string, string>;
    /** The charset of header parameters such as a file's name (busboy's default: latin1). */
    defParamCharset?: string;
    limits?: { files?: number; fields?: number; fieldSize?: number; fileSize?: number };
  }
  interface Busboy extends Writable {
    on(event: 'field', listener: (name: string, value: string) => void): this;
    on(event: 'file', listener: (name: string, file: Readable, info: { filename?: string; encoding: string; mimeType: string }) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'close', listener: () => void): this;
  }
  export default function busboy(config: BusboyConfig): Busboy;
}
