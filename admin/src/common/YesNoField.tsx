import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A yes/no in words (« Oui » / « Non ») rather than a bare ✓ / ✕ icon a reader has to guess. */
export const YesNoField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const value = record?.[source];
  return <Typography variant="body2">{typeof value === 'boolean' ? translate(value ? 'ra.boolean.true' : 'ra.boolean.false') : '—'}</Typography>;
};
