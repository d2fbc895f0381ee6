import { useState } from 'react';
import { Box, Button, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { fillPlaceholders, placeholdersIn } from './placeholders.ts';

export interface BroadcastTemplate {
  id: number;
  category: string;
  title: string;
  sms_text: string | null;
  email_subject: string | null;
  email_body: string | null;
}

const FIELDS = ['title', 'sms_text', 'email_subject', 'email_body'] as const;

/**
 * Start from one of the commune's templates: pick it, fill its placeholders (street, dates, sector),
 * and the texts are written into the form, still editable.
 */
export const TemplatePicker = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const { data: templates = [] } = useGetList<BroadcastTemplate>('broadcast_templates', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'title', order: 'ASC' },
  });
  const [templateId, setTemplateId] = useState<number | ''>('');
  const [values, setValues] = useState<Record<string, string>>({});
  const template = templates.find((t) => t.id === templateId);
  const names = template ? placeholdersIn(...FIELDS.map((f) => template[f])) : [];

  const apply = () => {
    if (!template) return;
    setValue('category', template.category, { shouldDirty: true });
    for (const field of FIELDS) {
      const text = template[field];
      if (text != null) setValue(field, fillPlaceholders(text, values), { shouldDirty: true, shouldValidate: true });
    }
  };

  if (templates.length === 0) return null;
  return (
    <Box sx={{ mb: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="subtitle2" component="h2" gutterBottom>
        {translate('vigie.broadcasts.from_template')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <MuiTextField
          select
          size="small"
          label={translate('resources.broadcast_templates.name', { smart_count: 1 })}
          value={templateId}
          onChange={(event) => {
            setTemplateId(Number(event.target.value));
            setValues({});
          }}
          sx={{ minWidth: 260 }}
        >
          {templates.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.title}
            </MenuItem>
          ))}
        </MuiTextField>
        {names.map((name) => (
          <MuiTextField
            key={name}
            size="small"
            label={translate(`vigie.broadcasts.placeholders.${name}`, { _: name })}
            value={values[name] ?? ''}
            onChange={(event) => setValues((previous) => ({ ...previous, [name]: event.target.value }))}
          />
        ))}
        <Button variant="outlined" disabled={!template} onClick={apply}>
          {translate('vigie.broadcasts.apply_template')}
        </Button>
      </Box>
    </Box>
  );
};
