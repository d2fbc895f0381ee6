import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SectorErrors } from './sectorErrors.ts';
import type { EditorMode } from './sectorTypes.ts';

export interface SectorFormProps {
  mode: Exclude<EditorMode, { kind: 'view' }>;
  name: string;
  onName: (name: string) => void;
  vertices: number;
  errors: SectorErrors;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}

/** Names the sector being drawn or reshaped; the shape itself is on the map. */
export const SectorForm = ({ mode, name, onName, vertices, errors, saving, onSave, onCancel }: SectorFormProps) => {
  const translate = useTranslate();
  const drawn = vertices >= 3;
  return (
    <Box
      component="form"
      aria-label={translate(mode.kind === 'draw' ? 'vigie.neighbourhoods.new_title' : 'vigie.neighbourhoods.edit_title')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
      sx={{ display: 'grid', gap: 1.5, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate(mode.kind === 'draw' ? 'vigie.neighbourhoods.new_title' : 'vigie.neighbourhoods.edit_title')}
      </Typography>
      <Typography variant="body2" id="sector-shape-hint" color={errors.area ? 'error' : 'text.secondary'} role={errors.area ? 'alert' : undefined}>
        {errors.area ?? translate(mode.kind === 'draw' && !drawn ? 'vigie.neighbourhoods.draw_hint' : 'vigie.neighbourhoods.edit_hint')}
      </Typography>
      <TextField
        label={translate('vigie.neighbourhoods.name_label')}
        value={name}
        onChange={(event) => onName(event.target.value)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        slotProps={{ htmlInput: { maxLength: 100 } }}
        size="small"
        required
        autoFocus={mode.kind === 'edit'}
      />
      {errors.form && (
        <Typography variant="body2" color="error" role="alert">
          {errors.form}
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={saving}>
          {translate('vigie.neighbourhoods.save')}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {translate('vigie.neighbourhoods.cancel')}
        </Button>
      </Stack>
    </Box>
  );
};
