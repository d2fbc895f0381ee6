import { Box } from '@mui/material';
import { useGetList, useRecordContext } from 'react-admin';
import type { Member, Relative } from '@vigie/shared';
import { CheckChip } from './MemberChips.tsx';
import { memberChecks } from './memberChecks.ts';
import { useMemberDuplicates } from './useMemberDuplicates.ts';

/**
 * The automatic checks of one registration as chips: computed from the record, the members found
 * with the same contacts and, for a senior, whether the relatives confirmed theirs.
 */
export const MemberCheckChips = ({ withName = false }: { label?: string; withName?: boolean }) => {
  const record = useRecordContext<Member & { geocode_score?: number | null }>();
  const duplicates = useMemberDuplicates(record, withName);
  const { data: relatives } = useGetList<Relative>(
    'relatives',
    { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: { member_id: record?.id } },
    { enabled: record?.kind === 'senior' },
  );
  if (!record) return null;
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
      {memberChecks(record, duplicates, record.kind === 'senior' ? relatives : undefined).map((check, index) => (
        <li key={`${check.key}-${index}`}>
          <CheckChip check={check} />
        </li>
      ))}
    </Box>
  );
};
