import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { CreateButton, FilterButton, Link, TopToolbar, useCanAccess, useListContext, useTranslate } from 'react-admin';
import { membersExportUrl } from './exportUrl.ts';

/**
 * « Exporter » is a plain link to the server's streamed CSV with the current filters (every page,
 * not react-admin's in-browser export of what was fetched); the browser downloads it itself.
 */
const ExportCsvLink = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'export', resource: 'members' });
  if (!canAccess) return null;
  return (
    <Button component="a" href={membersExportUrl(filterValues)} download startIcon={<DownloadIcon />} size="small">
      {translate('vigie.members.export_csv')}
    </Button>
  );
};

const ImportLink = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'create', resource: 'members' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to="/members/import" startIcon={<UploadIcon />} size="small">
      {translate('vigie.members.import.menu')}
    </Button>
  );
};

export const MemberListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="vigie.members.desk.button" />
    <ImportLink />
    <ExportCsvLink />
  </TopToolbar>
);
