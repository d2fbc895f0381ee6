import { CreateButton, FilterButton, TopToolbar, useCanAccess, useResourceContext, useResourceDefinition } from 'react-admin';
import { ServerExportButton } from './ServerExportButton.tsx';

/** react-admin's default list actions, with the server-side CSV export for roles allowed to `export`. */
export const ExportListActions = () => {
  const resource = useResourceContext()!;
  const { hasCreate } = useResourceDefinition();
  const { canAccess } = useCanAccess({ action: 'export', resource });
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      {canAccess && <ServerExportButton resource={resource} />}
    </TopToolbar>
  );
};
