import ApproveIcon from '@mui/icons-material/HowToReg';
import { Button, useListContext, useTranslate } from 'react-admin';
import { useMemberAction } from './useMemberAction.ts';

/** react-admin bulk action: approves the selected registrations; refused ones stay selected. */
export const BulkApproveButton = () => {
  const { selectedIds, onSelect } = useListContext();
  const translate = useTranslate();
  const { approveMany, pending } = useMemberAction();
  return (
    <Button
      label={translate('vigie.members.actions.bulk_approve', { smart_count: selectedIds.length })}
      disabled={pending || selectedIds.length === 0}
      onClick={async () => onSelect(await approveMany(selectedIds.map(Number)))}
    >
      <ApproveIcon />
    </Button>
  );
};
