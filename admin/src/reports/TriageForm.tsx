import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useCanAccess, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { REPORT_PRIORITIES, type Report, type ReportStatus, type ResponseTemplate } from '@vigie/shared';
import { canReply, templatesFor } from './replyTemplates.ts';
import { useTriageUpdate, type TriageChange } from './useTriageUpdate.ts';

interface Officer {
  id: number;
  full_name: string;
}

const UNASSIGNED = '';

/**
 * What an officer may change on a report besides its status: priority, assignment, a note for the
 * timeline and the resident's reply (from a template of the current status). The status changes
 * only through ReportStatusActions' buttons, which ask for what each step needs (reason,
 * confirmation, reference): one way to do it, not a selector that skipped those questions.
 * Only what changed is sent; the server's field errors show beside their fields.
 */
export const TriageForm = () => {
  const record = useRecordContext<Report>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'reports' });
  if (!record || !canAccess) return null;
  // Another report starts a fresh form.
  return <TriageFormFields key={record.id} record={record} />;
};

const TriageFormFields = ({ record }: { record: Report }) => {
  const translate = useTranslate();
  const { apply, isPending, errors } = useTriageUpdate(record);
  const replyable = canReply(record);
  const status: ReportStatus = record.status;
  const [priority, setPriority] = useState(record.priority);
  const [assignee, setAssignee] = useState(record.assigned_to === null ? UNASSIGNED : String(record.assigned_to));
  const [templateId, setTemplateId] = useState('');
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');

  // When the report changes (our save, or another officer's), the selects follow the server;
  // text being typed is kept.
  useEffect(() => {
    setPriority(record.priority);
    setAssignee(record.assigned_to === null ? UNASSIGNED : String(record.assigned_to));
    setTemplateId('');
  }, [record.updated_at, record.status, record.priority, record.assigned_to]);

  const { data: officers = [] } = useGetList<Officer>('officers', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'full_name', order: 'ASC' },
  });
  const { data: templates = [] } = useGetList<ResponseTemplate>(
    'response_templates',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'title', order: 'ASC' }, filter: { active: true } },
    { enabled: replyable },
  );
  const offered = templatesFor(templates, status);
  const chosen = offered.find((template) => String(template.id) === templateId);

  const change: TriageChange = {};
  if (priority !== record.priority) change.priority = priority;
  const assignedTo = assignee === UNASSIGNED ? null : Number(assignee);
  if (assignedTo !== record.assigned_to) change.assigned_to = assignedTo;
  if (note.trim()) change.note = note.trim();
  // The template's own id when its text was sent unchanged, so the timeline names it.
  if (replyable && reply.trim()) {
    if (chosen && reply.trim() === chosen.body.trim()) change.template_id = chosen.id;
    else change.reply = reply.trim();
  }
  const nothingToSave = Object.keys(change).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nothingToSave) return;
    void apply(change, 'vigie.triage.saved').then((saved) => {
      if (!saved) return;
      setNote('');
      setReply('');
    });
  };
  const id = (name: string) => `triage-${record.id}-${name}`;

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      <TextField
        select
        id={id('priority')}
        label={translate('resources.reports.fields.priority')}
        value={priority}
        onChange={(event) => setPriority(event.target.value as Report['priority'])}
        error={Boolean(errors.priority)}
        helperText={errors.priority}
      >
        {REPORT_PRIORITIES.map((option) => (
          <MenuItem key={option} value={option}>
            {translate(`vigie.priorities.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        id={id('assignee')}
        label={translate('resources.reports.fields.assigned_to')}
        value={assignee}
        onChange={(event) => setAssignee(event.target.value)}
        error={Boolean(errors.assigned_to)}
        helperText={errors.assigned_to}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        sx={{ gridColumn: { sm: '1 / -1' } }}
      >
        <MenuItem value={UNASSIGNED}>{translate('vigie.report.unassigned')}</MenuItem>
        {/* The current assignee stays selectable even if the list has not loaded (or they left). */}
        {record.assigned_to !== null && !officers.some((officer) => officer.id === record.assigned_to) && (
          <MenuItem value={String(record.assigned_to)}>
            {record.assigned_to_name ?? translate('vigie.report.assignee_other', { id: record.assigned_to })}
          </MenuItem>
        )}
        {officers.map((officer) => (
          <MenuItem key={officer.id} value={String(officer.id)}>
            {officer.full_name}
          </MenuItem>
        ))}
      </TextField>
      {replyable ? (
        <>
          <TextField
            select
            id={id('template')}
            label={translate('vigie.triage.template')}
            value={templateId}
            onChange={(event) => {
              setTemplateId(event.target.value);
              const template = offered.find((t) => String(t.id) === event.target.value);
              if (template) setReply(template.body);
            }}
            helperText={offered.length ? translate('vigie.triage.template_help') : translate('vigie.triage.no_template', { status: translate(`vigie.statuses.${status}`) })}
            disabled={offered.length === 0}
            // The explanation stays readable (WCAG contrast) even when the select is disabled.
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, formHelperText: { sx: { color: 'text.secondary', '&.Mui-disabled': { color: 'text.secondary' } } } }}
            sx={{ gridColumn: '1 / -1' }}
          >
            <MenuItem value="">{translate('vigie.triage.no_template_chosen')}</MenuItem>
            {offered.map((template) => (
              <MenuItem key={template.id} value={String(template.id)}>
                {template.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id={id('reply')}
            label={translate('vigie.triage.reply')}
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            multiline
            minRows={2}
            error={Boolean(errors.reply || errors.template_id)}
            helperText={
              errors.reply ?? errors.template_id ?? `${translate('vigie.triage.reply_help')} ${translate('vigie.triage.reply_count', { count: reply.length })}`
            }
            slotProps={{ htmlInput: { maxLength: 1000 } }}
            sx={{ gridColumn: '1 / -1' }}
          />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1' }}>
          {translate('vigie.triage.no_reply')}
        </Typography>
      )}
      <TextField
        id={id('note')}
        label={translate('vigie.triage.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        multiline
        minRows={2}
        error={Boolean(errors.note)}
        helperText={errors.note ?? translate('vigie.triage.note_help')}
        slotProps={{ htmlInput: { maxLength: 4000 } }}
        sx={{ gridColumn: '1 / -1' }}
      />
      <Box sx={{ gridColumn: '1 / -1', display: 'flex', justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={isPending || nothingToSave}>
          {translate('vigie.triage.save')}
        </Button>
      </Box>
    </Box>
  );
};
