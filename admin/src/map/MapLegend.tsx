import { useId, useState } from 'react';
import { Box, Button, Paper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { REPORT_CATEGORIES, REPORT_STATUSES } from '@vigie/shared';
import { STATUS_MARKER_COLOURS } from './markerStyle.ts';
import { ShapeIcon } from './ShapeIcon.tsx';

const listSx = { listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.25 } as const;
const itemSx = { display: 'flex', alignItems: 'center', gap: 0.75, fontSize: '0.8125rem' } as const;

/** Colours are statuses, shapes are categories; clusters show a count, ringed red when they hold new reports. */
export const MapLegend = ({ defaultOpen = false }: { defaultOpen?: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <Paper elevation={3} sx={{ position: 'absolute', left: 8, bottom: 24, zIndex: 1000, maxHeight: 'calc(100% - 48px)', overflow: 'auto', p: 0.5 }}>
      <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {translate(open ? 'vigie.map.legend_hide' : 'vigie.map.legend')}
      </Button>
      <Box id={id} hidden={!open} sx={{ px: 1, pb: 1, display: open ? 'grid' : 'none', gap: 1 }}>
        <div>
          <Typography component="h3" variant="caption" sx={{ fontWeight: 700 }}>
            {translate('resources.reports.fields.status')}
          </Typography>
          <Box component="ul" sx={listSx}>
            {REPORT_STATUSES.map((status) => (
              <Box component="li" key={status} sx={itemSx}>
                <Box component="span" aria-hidden sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: STATUS_MARKER_COLOURS[status], flexShrink: 0 }} />
                {translate(`vigie.statuses.${status}`)}
              </Box>
            ))}
          </Box>
        </div>
        <div>
          <Typography component="h3" variant="caption" sx={{ fontWeight: 700 }}>
            {translate('resources.reports.fields.category')}
          </Typography>
          <Box component="ul" sx={listSx}>
            {REPORT_CATEGORIES.map((category) => (
              <Box component="li" key={category} sx={itemSx}>
                <ShapeIcon category={category} size={16} />
                {translate(`vigie.categories.${category}`)}
              </Box>
            ))}
          </Box>
        </div>
        <Typography variant="caption" sx={{ maxWidth: 220 }}>
          {translate('vigie.map.legend_clusters')}
        </Typography>
      </Box>
    </Paper>
  );
};
