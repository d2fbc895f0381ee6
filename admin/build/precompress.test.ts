import { mkdtempSync, readFileSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'vigie-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes brotli and gzip copies that decompress to the very same bytes', () => {
    mkdirSync(path.join(dir, 'assets'));
    const js = path.join(dir, 'assets', 'index-abc123.js');
    const source = 'export const greet = (name) => `Bonjour ${name}`;\n'.repeat(200);
    writeFileSync(js, source);
    expect(precompressDir(dir)).toEqual([js]);
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(source);
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(source);
    expect(readFileSync(`${js}.br`).length).toBeLessThan(source.length / 10);
  });

  it('leaves images, tiny files and the compressed copies themselves alone', () => {
    writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7));
    writeFileSync(path.join(dir, 'tiny.css'), 'a{color:red}');
    precompressDir(dir);
    expect(existsSync(path.join(dir, 'logo.png.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'tiny.css.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'assets', 'index-abc123.js.br.br'))).toBe(false);
  });
});
