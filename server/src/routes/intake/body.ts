import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../errors.ts';

// The unread rest of the body would spoil a kept-alive connection: ask the client to open a new one.
const tooLarge = (max: number) => new ApiError(413, `Corps trop volumineux (${max / 1024} Kio au plus).`, undefined, { Connection: 'close' });

export function refuseDeclaredOversize(request: Request, max: number) {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) throw tooLarge(max);
}

/**
 * The raw bytes, as signed: never more than `max` held in memory. A declared length over the
 * limit is refused before reading; a chunked body is cut off as soon as it passes the limit.
 * Under @hono/node-server the bytes are read from Node's own request: asking Hono for the body
 * would first wrap it in a web ReadableStream, a tenth of the intake's CPU under load.
 */
export async function readLimitedBody(request: Request, max: number, incoming?: IncomingMessage): Promise<Buffer> {
  refuseDeclaredOversize(request, max);
  return incoming ? readIncoming(incoming, max) : readStream(request, max);
}

function readIncoming(incoming: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      incoming.off('data', onData).off('end', onEnd).off('error', done);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        incoming.pause(); // the 413 closes the connection; nothing more is read
        return done(tooLarge(max));
      }
      chunks.push(chunk);
    };
    const onEnd = () => done();
    incoming.on('data', onData).on('end', onEnd).on('error', done);
    if (incoming.readableEnded) done();
  });
}

async function readStream(request: Request, max: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
