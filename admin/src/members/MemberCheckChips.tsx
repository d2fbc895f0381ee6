import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Member, MemberChecks } from '@vigie/shared';
import { CheckChip } from './MemberChips.tsx';
import { memberChecks } from './memberChecks.ts';

/** The automatic checks of one registration as chips, from the record the server shaped. */
export const MemberCheckChips = (_props: { label?: string }) => {
  const record = useRecordContext<Member & Partial<MemberChecks> & { geocode_score?: number | null }>();
  if (!record) return null;
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
      {memberChecks(record).map((check, index) => (
        <li key={`${check.key}-${index}`}>
          <CheckChip check={check} />
        </li>
      ))}
    </Box>
  );
};
