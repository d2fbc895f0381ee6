import ApproveIcon from '@mui/icons-material/HowToReg';
import { Box, Button, Checkbox } from '@mui/material';
import { useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { Member } from '@vigie/shared';
import { useMemberAction } from './useMemberAction.ts';

/**
 * The queue's own selection checkbox, on react-admin's list selection (selectedIds/onToggleItem):
 * react-admin's row checkbox puts its label on a wrapper, not the input, and names no one; this
 * one is labelled with the resident's name.
 */
export const SelectMemberCheckbox = (_props: { label?: string }) => {
  const record = useRecordContext<Member>();
  const { selectedIds, onToggleItem } = useListContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Checkbox
      checked={selectedIds.includes(record.id)}
      onClick={(event) => event.stopPropagation()}
      onChange={() => onToggleItem(record.id)}
      slotProps={{ input: { 'aria-label': translate('vigie.members.queue.select', { name: record.full_name ?? record.id }) } }}
    />
  );
};

/** Above the queue: select the page, clear, and approve the selection in one request (each id answered on its own). */
export const QueueSelectionBar = () => {
  const { data, selectedIds, onSelect, onUnselectItems } = useListContext<Member>();
  const translate = useTranslate();
  const { approveMany, pending } = useMemberAction();
  const pageIds = (data ?? []).map((member) => member.id);
  return (
    <Box role="toolbar" aria-label={translate('vigie.members.queue.selection')} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', p: 1 }}>
      <Button size="small" onClick={() => onSelect(pageIds)} disabled={pageIds.length === 0}>
        {translate('vigie.members.queue.select_page')}
      </Button>
      <Button size="small" onClick={() => onUnselectItems()} disabled={selectedIds.length === 0}>
        {translate('vigie.members.queue.clear')}
      </Button>
      <Button
        size="small"
        variant="contained"
        startIcon={<ApproveIcon />}
        disabled={pending || selectedIds.length === 0}
        onClick={async () => onSelect(await approveMany(selectedIds.map(Number)))}
      >
        {translate('vigie.members.actions.bulk_approve', { smart_count: selectedIds.length })}
      </Button>
    </Box>
  );
};
