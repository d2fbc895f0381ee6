import { Alert, Box, List, ListItem, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatArea, formatShare } from './sectorShapes.ts';
import type { Coverage } from './sectorTypes.ts';

const Swatch = ({ fill, border }: { fill: string; border: string }) => (
  <Box component="span" aria-hidden sx={{ display: 'inline-block', width: 14, height: 14, mr: 1, verticalAlign: 'middle', bgcolor: fill, border: `2px solid ${border}`, borderRadius: 0.5 }} />
);

/** The server's coverage report in words, with the map's legend: overlapping pairs, then the gaps. */
export const CoverageReport = ({ coverage, failed }: { coverage: Coverage | undefined; failed: boolean }) => {
  const translate = useTranslate();
  const [locale = 'fr'] = useLocaleState();
  if (failed) return <Alert severity="warning">{translate('vigie.neighbourhoods.coverage_failed')}</Alert>;
  if (!coverage) return null;
  const covered = coverage.uncovered.length === 0;
  return (
    <Box component="section" aria-labelledby="sector-coverage-title">
      <Typography id="sector-coverage-title" component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('vigie.neighbourhoods.coverage_title')}
      </Typography>
      {coverage.overlaps.length === 0 ? (
        <Typography variant="body2">{translate('vigie.neighbourhoods.no_overlap')}</Typography>
      ) : (
        <List dense disablePadding aria-label={translate('vigie.neighbourhoods.overlaps_label')}>
          {coverage.overlaps.map((overlap) => (
            <ListItem key={`${overlap.a.id}-${overlap.b.id}`} disableGutters>
              <Typography variant="body2">
                <Swatch fill="rgba(179, 38, 30, 0.45)" border="#b3261e" />
                {translate('vigie.neighbourhoods.overlap', { a: overlap.a.name, b: overlap.b.name, area: formatArea(overlap.area_m2, locale) })}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {covered ? (
          translate('vigie.neighbourhoods.fully_covered')
        ) : (
          <>
            <Swatch fill="rgba(242, 193, 78, 0.35)" border="#8a5a00" />
            {translate('vigie.neighbourhoods.uncovered', { share: formatShare(coverage.uncovered_share, locale), area: formatArea(coverage.uncovered_area_m2, locale) })}
          </>
        )}
      </Typography>
    </Box>
  );
};
