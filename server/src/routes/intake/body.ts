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
 */
export async function readLimitedBody(request: Request, max: number): Promise<Buffer> {
  refuseDeclaredOversize(request, max);
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
