import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useTranslate } from 'react-admin';
import { exportUrl } from './exportUrl.ts';

/**
 * « Exporter (CSV) »: the server streams every row matching the list's current filters and sort,
 * not only the page on screen. A plain navigation, so the browser downloads the file itself with the
 * session cookie, whatever its size; the server writes the audit entry.
 */
export const ServerExportButton = ({ resource }: { resource: string }) => {
  const { filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  return (
    <Button
      label="vigie.export.button"
      title={translate('vigie.export.title')}
      disabled={total === 0}
      onClick={() => window.location.assign(exportUrl(resource, filterValues, sort))}
    >
      <DownloadIcon />
    </Button>
  );
};
