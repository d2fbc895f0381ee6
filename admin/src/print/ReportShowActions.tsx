import PrintIcon from '@mui/icons-material/Print';
import { Button, TopToolbar, useRecordContext } from 'react-admin';
import type { Report } from '@vigie/shared';

/** « Imprimer »: the report's sheet, a page of its own without menus, ready for the browser's print. */
export const ReportShowActions = () => {
  const record = useRecordContext<Report>();
  if (!record) return null;
  return (
    <TopToolbar>
      <Button label="vigie.print.button" to={`/reports/${record.id}/print`}>
        <PrintIcon />
      </Button>
    </TopToolbar>
  );
};
