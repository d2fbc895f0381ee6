import { stringify } from 'csv-stringify/sync';

/** One column of an export: a French header and how to read it from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | Date | null | undefined;
}

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `04/12/2026 17:05`, Paris time: what a spreadsheet user in the town hall expects to read. */
export const parisDateTime = (date: Date) => PARIS.format(date).replace(',', '');

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection, OWASP):
// prefixing a quote keeps resident-typed text inert.
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: ReturnType<CsvColumn<never>['value']>): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return parisDateTime(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Header and rows as CSV text: `;`-separated (French Excel's list separator), CRLF lines. */
export function csvChunk<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], withHeader = false): string {
  const records = rows.map((row) => columns.map((column) => cell(column.value(row))));
  if (withHeader) records.unshift(columns.map((column) => column.header));
  return records.length ? stringify(records, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ }) : '';
}

/**
 * A streamed CSV download. `batches` is typically a postgres.js cursor (`sql\`…\`.cursor(500)`):
 * each batch is read only when the client has taken the previous one (pull), so an export of any
 * size runs in constant server memory. UTF-8 with a BOM, so Excel shows accents right.
 */
export function csvResponse<Row>(options: {
  filename: string;
  columns: readonly CsvColumn<Row>[];
  batches: AsyncIterable<readonly Row[]>;
  onError?: (error: unknown) => void;
}): Response {
  const encoder = new TextEncoder();
  const iterator = options.batches[Symbol.asyncIterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvChunk(options.columns, [], true)}`));
          return;
        }
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvChunk(options.columns, next.value)));
      } catch (error) {
        options.onError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      // The client went away: ending the cursor releases its connection.
      await iterator.return?.();
    },
  });
  const ascii = options.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      'Cache-Control': 'no-store',
    },
  });
}
