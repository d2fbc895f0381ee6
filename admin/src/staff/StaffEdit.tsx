import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { Confirm, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext, useSaveContext } from 'react-admin';
import type { Staff } from '@vigie/shared';
import { StaffInputs } from './StaffInputs.tsx';

// Only what PUT /api/staff/:id accepts; an empty password field means "keep it".
const toPayload = ({ full_name, role, disabled, password }: Record<string, unknown>) => ({
  full_name,
  role,
  disabled,
  ...(typeof password === 'string' && password !== '' ? { password } : {}),
});

const StaffTitle = () => {
  const record = useRecordContext<Staff>();
  return <>{record?.full_name ?? ''}</>;
};

/** Disabling ends the colleague's sessions at once (mid-shift, maybe): ask before saving that. */
const SaveWithDisableConfirm = () => {
  const record = useRecordContext<Staff>();
  const { getValues, handleSubmit } = useFormContext();
  const { save } = useSaveContext();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <SaveButton
        onClick={(event) => {
          if (getValues('disabled') === true && record && !record.disabled) {
            event.preventDefault();
            setConfirming(true);
          }
        }}
      />
      <Confirm
        isOpen={confirming}
        title="vigie.staff.disable_confirm_title"
        content="vigie.staff.disable_confirm"
        translateOptions={{ name: record?.full_name ?? '' }}
        confirm="vigie.staff.disable_confirm_button"
        confirmColor="warning"
        onConfirm={() => {
          setConfirming(false);
          void handleSubmit((values) => save?.(values))();
        }}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};

// Accounts are disabled, never deleted (the audit log keeps naming its authors): no delete button.
const StaffToolbar = () => (
  <Toolbar>
    <SaveWithDisableConfirm />
  </Toolbar>
);

export const StaffEdit = () => (
  <Edit title={<StaffTitle />} mutationMode="pessimistic" transform={toPayload} redirect="list">
    <SimpleForm toolbar={<StaffToolbar />}>
      <StaffInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
