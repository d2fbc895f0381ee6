import { useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Confirm, useDataProvider, useDelete, useTranslate } from 'react-admin';
import type { Counts, Sector, ShownSector, WrittenSector } from './sectorTypes.ts';

/**
 * Removing a sector moves its members and reports: the confirmation says how many, read from the
 * server just before (GET /api/neighbourhoods/:id answers `assigned`), not guessed from the list.
 */
export const SectorDeleteButton = ({ sector, disabled, onDeleted }: { sector: Sector; disabled?: boolean; onDeleted: (written: WrittenSector) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const [deleteOne, { isPending }] = useDelete<WrittenSector>();
  const [assigned, setAssigned] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = translate('vigie.neighbourhoods.delete_label', { name: sector.name });

  const open = async () => {
    setError(null);
    try {
      const { data } = await dataProvider.getOne<ShownSector>('neighbourhoods', { id: sector.id });
      setAssigned(data.assigned);
    } catch {
      setError(translate('vigie.neighbourhoods.delete_failed'));
    }
  };
  const confirm = async () => {
    try {
      const written = (await deleteOne('neighbourhoods', { id: sector.id, previousData: sector }, { returnPromise: true })) as WrittenSector | undefined;
      setAssigned(null);
      if (written) onDeleted({ ...written, name: written.name ?? sector.name });
    } catch {
      setAssigned(null);
      setError(translate('vigie.neighbourhoods.delete_failed'));
    }
  };

  return (
    <>
      <Tooltip title={error ?? label}>
        <span>
          <IconButton aria-label={label} onClick={open} disabled={disabled || isPending} color={error ? 'error' : 'default'} edge="end">
            <DeleteIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Confirm
        isOpen={assigned !== null}
        loading={isPending}
        title={translate('vigie.neighbourhoods.delete_title', { name: sector.name })}
        content={
          assigned
            ? translate('vigie.neighbourhoods.delete_content', {
                members: translate('vigie.neighbourhoods.members_count', { smart_count: assigned.members }),
                reports: translate('vigie.neighbourhoods.reports_count', { smart_count: assigned.reports }),
              })
            : ''
        }
        confirm={translate('vigie.neighbourhoods.delete')}
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setAssigned(null)}
      />
    </>
  );
};
