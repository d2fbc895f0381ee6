import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { legendSteps, shadeFor, totalMembers, type SectorCount } from './sectorShades.ts';

const Swatch = ({ colour }: { colour: string }) => (
  <Box component="span" aria-hidden sx={{ display: 'inline-block', width: 14, height: 14, bgcolor: colour, border: 1, borderColor: 'divider', mr: 1, verticalAlign: 'middle' }} />
);

/** The numbers behind the colours, readable without the map: one row per sector, and the total. */
export const SectorCountsTable = ({ sectors }: { sectors: readonly SectorCount[] }) => {
  const translate = useTranslate();
  const max = Math.max(0, ...sectors.map((sector) => sector.member_count ?? 0));
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Table size="small" aria-label={translate('vigie.members_map.table')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('vigie.members_map.sector')}</TableCell>
            <TableCell align="right">{translate('vigie.members_map.members')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sectors.map((sector) => (
            <TableRow key={sector.id}>
              <TableCell component="th" scope="row">
                <Swatch colour={shadeFor(sector.member_count ?? 0, max)} />
                {sector.name}
              </TableCell>
              <TableCell align="right">{sector.member_count ?? '—'}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
              {translate('vigie.members_map.total')}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }}>
              {totalMembers(sectors)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Box component="ul" aria-label={translate('vigie.members_map.legend')} sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 1.5, fontSize: '0.8125rem' }}>
        {legendSteps(max).map((step) => (
          <li key={step.shade}>
            <Swatch colour={step.shade} />
            {step.from === step.to ? step.from : `${step.from}–${step.to}`}
          </li>
        ))}
      </Box>
    </Box>
  );
};
