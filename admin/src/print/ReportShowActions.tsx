import PrintIcon from '@mui/icons-material/Print';
import { Button } from '@mui/material';
import { Link, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { Report } from '@vigie/shared';

/** « Imprimer »: the report's sheet, a page of its own without menus, ready for the browser's print. */
export const ReportShowActions = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <TopToolbar>
      <Button component={Link} to={`/reports/${record.id}/print`} startIcon={<PrintIcon />} size="small">
        {translate('vigie.print.button')}
      </Button>
    </TopToolbar>
  );
};
