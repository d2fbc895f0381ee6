import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A chart's figures as a table, folded under the chart: what a screen reader (or a copy-paste) reads. */
export const TableView = ({ caption, head, rows, open = false }: { caption: string; head: string[]; rows: string[][]; open?: boolean }) => {
  const translate = useTranslate();
  return (
    <Box component="details" open={open} sx={{ mt: 1, '@media print': { display: 'block' } }}>
      <Box component="summary" sx={{ cursor: 'pointer', color: 'primary.main' }}>
        {translate('vigie.stats.table_view')}
      </Box>
      <Box component="table" sx={{ borderCollapse: 'collapse', mt: 1, '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5, textAlign: 'right' }, '& th:first-of-type, & td:first-of-type': { textAlign: 'left' } }}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <thead>
          <tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>{row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}</tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
};
