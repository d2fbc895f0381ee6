import { useCallback, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Divider, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/AddLocationAlt';
import { Title, useCanAccess, useCreate, useGetList, useTranslate, useUpdate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { CoverageReport } from './CoverageReport.tsx';
import { sectorErrors } from './sectorErrors.ts';
import { SectorForm, type SectorFormProps } from './SectorForm.tsx';
import { SectorRows } from './SectorRows.tsx';
import { SectorsMap } from './SectorsMap.tsx';
import type { Counts, EditorMode, Sector, WrittenSector } from './sectorTypes.ts';
import { useSubscribeToRecordList } from '../live/useSubscribe.ts';
import { useCoverage } from './useCoverage.ts';

type Ring = Array<[number, number]>;
type Outcome = { action: 'saved' | 'deleted'; name: string; reassigned: Counts };

/**
 * « Secteurs »: every sector over the commune, the server's overlap and gap report, and — for the
 * roles allowed to (supervisor, admin) — drawing, reshaping, renaming and removing sectors. Members
 * and reports are re-assigned by the server; the page says how many moved.
 */
export const SectorsEditor = () => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  const { data: sectors = [], refetch } = useGetList<Sector & { member_count: number }>('neighbourhoods', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  const { coverage, failed, reload } = useCoverage();
  // A colleague drawing on another screen: their sectors and the coverage report appear here too.
  useSubscribeToRecordList(() => {
    void refetch();
    reload();
  }, 'neighbourhoods');
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'neighbourhoods', action: 'create' });
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'neighbourhoods', action: 'edit' });
  const { canAccess: canDelete = false } = useCanAccess({ resource: 'neighbourhoods', action: 'delete' });
  const [create, { isPending: creating }] = useCreate<WrittenSector>();
  const [update, { isPending: updating }] = useUpdate<WrittenSector>();
  const [mode, setMode] = useState<EditorMode>({ kind: 'view' });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [ring, setRing] = useState<Ring | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<SectorFormProps['errors']>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const saving = creating || updating;

  const onShape = useCallback((next: Ring | null) => {
    setRing(next);
    setErrors((current) => ({ ...current, area: undefined }));
  }, []);
  const start = (next: EditorMode, initialName: string) => {
    setOutcome(null);
    setErrors({});
    setRing(null);
    setName(initialName);
    setMode(next);
  };
  const done = (written: WrittenSector, action: Outcome['action']) => {
    setMode({ kind: 'view' });
    setRing(null);
    setSelectedId(action === 'saved' ? written.id : null);
    setOutcome({ action, name: written.name, reassigned: written.reassigned ?? { members: 0, reports: 0 } });
    reload();
  };

  const save = async () => {
    if (mode.kind === 'view') return;
    const missing: SectorFormProps['errors'] = {};
    if (!name.trim()) missing.name = translate('vigie.neighbourhoods.need_name');
    if (!ring || ring.length < 3) missing.area = translate('vigie.neighbourhoods.need_shape');
    if (!ring || missing.name || missing.area) return setErrors(missing);
    const data = { name: name.trim(), area: ring };
    try {
      const written =
        mode.kind === 'draw'
          ? await create('neighbourhoods', { data }, { returnPromise: true })
          : await update('neighbourhoods', { id: mode.id, data, previousData: sectors.find((s) => s.id === mode.id) }, { returnPromise: true });
      if (written) done(written as WrittenSector, 'saved');
    } catch (error) {
      setErrors(sectorErrors(error, translate('vigie.neighbourhoods.save_failed')));
    }
  };

  const editing = mode.kind !== 'view';
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="vigie.neighbourhoods.title" />
      <Card>
        <CardContent sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Typography component="h2" variant="h6">{translate('vigie.neighbourhoods.title')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(canCreate || canEdit ? 'vigie.neighbourhoods.intro_editor' : 'vigie.neighbourhoods.read_only')}
            </Typography>
          </Box>
          {config ? (
            <SectorsMap config={config} sectors={sectors} coverage={coverage} mode={mode} selectedId={selectedId} onSelect={setSelectedId} onShape={onShape} height="65vh" />
          ) : (
            <Box sx={{ height: '65vh' }} />
          )}
          <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
            {outcome && (
              <Alert severity="success" role="status" onClose={() => setOutcome(null)}>
                {translate(outcome.action === 'saved' ? 'vigie.neighbourhoods.saved' : 'vigie.neighbourhoods.deleted', {
                  name: outcome.name,
                  members: translate('vigie.neighbourhoods.members_count', { smart_count: outcome.reassigned.members }),
                  reports: translate('vigie.neighbourhoods.reports_count', { smart_count: outcome.reassigned.reports }),
                })}
              </Alert>
            )}
            {editing ? (
              <SectorForm mode={mode} name={name} onName={setName} vertices={ring?.length ?? 0} errors={errors} saving={saving} onSave={save} onCancel={() => setMode({ kind: 'view' })} />
            ) : (
              canCreate && (
                <Button variant="contained" startIcon={<AddIcon />} onClick={() => start({ kind: 'draw' }, '')} sx={{ justifySelf: 'start' }}>
                  {translate('vigie.neighbourhoods.new')}
                </Button>
              )
            )}
            <CoverageReport coverage={coverage} failed={failed} />
            <Divider />
            <SectorRows
              sectors={sectors}
              selectedId={selectedId}
              onSelect={setSelectedId}
              {...(canEdit ? { onEdit: (sector: Sector) => start({ kind: 'edit', id: sector.id }, sector.name) } : {})}
              {...(canDelete ? { onDeleted: (written: WrittenSector) => done(written, 'deleted') } : {})}
              busy={editing || saving}
            />
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
