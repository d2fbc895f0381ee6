import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Member } from '@vigie/shared';
import type { LiveDataProvider } from '../providers/dataProvider.ts';

/** RGPD right of access: everything held about the person, saved as a JSON file (audited by the server). */
export const ExportJsonButton = () => {
  const record = useRecordContext<Member>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const { canAccess } = useCanAccess({ action: 'export', resource: 'members' });
  const [pending, setPending] = useState(false);
  if (!record || !canAccess) return null;
  const download = async () => {
    setPending(true);
    try {
      const blob = await dataProvider.exportMember(record.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `membre-${record.id}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button startIcon={<DownloadIcon />} onClick={download} disabled={pending}>
      {translate('vigie.members.export_json')}
    </Button>
  );
};
