import { IconButton, List, ListItem, ListItemButton, ListItemText, Tooltip, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/EditOutlined';
import { useTranslate } from 'react-admin';
import { SectorDeleteButton } from './SectorDeleteButton.tsx';
import type { Sector, WrittenSector } from './sectorTypes.ts';

export interface SectorRowsProps {
  sectors: ReadonlyArray<Sector & { member_count?: number }>;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Absent for roles that may not redraw or remove: the list is then read-only. */
  onEdit?: (sector: Sector) => void;
  onDeleted?: (written: WrittenSector) => void;
  busy: boolean;
}

/** Every sector with its member count; selecting one outlines it on the map. */
export const SectorRows = ({ sectors, selectedId, onSelect, onEdit, onDeleted, busy }: SectorRowsProps) => {
  const translate = useTranslate();
  if (sectors.length === 0) return <Typography variant="body2">{translate('vigie.neighbourhoods.empty')}</Typography>;
  return (
    <List dense aria-label={translate('vigie.neighbourhoods.list_label')} sx={{ maxHeight: { lg: '40vh' }, overflowY: 'auto' }}>
      {sectors.map((sector) => {
        const editLabel = translate('vigie.neighbourhoods.edit_label', { name: sector.name });
        return (
          <ListItem
            key={sector.id}
            disablePadding
            secondaryAction={
              (onEdit || onDeleted) && (
                <>
                  {onEdit && (
                    <Tooltip title={editLabel}>
                      <span>
                        <IconButton aria-label={editLabel} onClick={() => onEdit(sector)} disabled={busy}>
                          <EditIcon />
                        </IconButton>
                      </span>
                    </Tooltip>
                  )}
                  {onDeleted && <SectorDeleteButton sector={sector} disabled={busy} onDeleted={onDeleted} />}
                </>
              )
            }
            sx={{ pr: onEdit && onDeleted ? 11 : undefined }}
          >
            <ListItemButton selected={sector.id === selectedId} onClick={() => onSelect(sector.id)} aria-current={sector.id === selectedId ? 'true' : undefined}>
              <ListItemText primary={sector.name} secondary={translate('vigie.neighbourhoods.members_count', { smart_count: sector.member_count ?? 0 })} />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
};
