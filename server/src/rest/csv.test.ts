import { describe, expect, it } from 'vitest';
import { csvChunk, csvResponse, type CsvColumn } from './csv.ts';

interface Row {
  id: number;
  name: string;
  at: Date;
  ok: boolean;
}
const columns: CsvColumn<Row>[] = [
  { header: 'N°', value: (r) => r.id },
  { header: 'Nom', value: (r) => r.name },
  { header: 'Reçu le', value: (r) => r.at },
  { header: 'Traité', value: (r) => r.ok },
];
const at = new Date('2026-12-04T16:05:00Z');

async function* batches(...chunks: Row[][]) {
  for (const chunk of chunks) yield chunk;
}

describe('csv exports', () => {
  it('starts with a BOM and French headers, separated by semicolons', async () => {
    const res = csvResponse({ filename: 'signalements.csv', columns, batches: batches([{ id: 1, name: 'Élodie', at, ok: true }]) });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFN°;Nom;Reçu le;Traité\r\n1;Élodie;04/12/2026 17:05;oui\r\n');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    const text = csvChunk(columns, [
      { id: 2, name: 'Dupont; "Jean"\nligne', at, ok: false },
      { id: 3, name: '=HYPERLINK("http://x")', at, ok: false },
      { id: 4, name: '-2+3', at, ok: false },
    ]);
    expect(text).toBe(
      '2;"Dupont; ""Jean""\nligne";04/12/2026 17:05;non\r\n' + `3;"'=HYPERLINK(""http://x"")";04/12/2026 17:05;non\r\n` + "4;'-2+3;04/12/2026 17:05;non\r\n",
    );
  });

  it('reads a batch only when the previous one was taken, and stops the source when the client leaves', async () => {
    let produced = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 1000; i++) {
          produced++;
          yield [{ id: i, name: 'x', at, ok: true }];
        }
      } finally {
        closed = true;
      }
    }
    const res = csvResponse({ filename: 'x.csv', columns, batches: source() });
    const reader = res.body!.getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it('names the file in ASCII and in UTF-8', () => {
    const res = csvResponse({ filename: 'journal d’audit.csv', columns, batches: batches() });
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="journal_d_audit.csv"; filename*=UTF-8''journal%20d%E2%80%99audit.csv`);
  });
});
