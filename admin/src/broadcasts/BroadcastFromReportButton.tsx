import CampaignIcon from '@mui/icons-material/Campaign';
import { Button } from '@mui/material';
import { useCanAccess, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { Report } from '@vigie/shared';
import { broadcastFromReport } from './fromReport.ts';

/** « Diffuser »: warn the neighbours around a report — category, text and a 300 m circle pre-filled. */
export const BroadcastFromReportButton = () => {
  const report = useRecordContext<Report>();
  const translate = useTranslate();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ action: 'create', resource: 'broadcasts' });
  if (!report || !canAccess) return null;
  const open = () => {
    const category = translate(`vigie.categories.${report.category}`);
    const record = broadcastFromReport(report, {
      title: (street) => translate(street ? 'vigie.broadcasts.from_report.title_street' : 'vigie.broadcasts.from_report.title', { category, street }),
      sms: (street) => translate(street ? 'vigie.broadcasts.from_report.sms_street' : 'vigie.broadcasts.from_report.sms', { category, street }),
    });
    redirect('create', 'broadcasts', undefined, undefined, { record });
  };
  return (
    <Button variant="outlined" startIcon={<CampaignIcon />} onClick={open}>
      {translate('vigie.broadcasts.from_report.button')}
    </Button>
  );
};
