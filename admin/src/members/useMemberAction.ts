import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import type { StaffAction } from './memberActions.ts';

/**
 * Runs one action on a member and says what happened; pessimistic, since the server may refuse a
 * move another clerk made moot (409), and its French message is shown as is.
 */
export function useMemberAction() {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = async (work: () => Promise<unknown>, done: string, args: Record<string, unknown> = {}) => {
    setPending(true);
    try {
      await work();
      notify(done, { type: 'success', messageArgs: args });
      refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return false;
    } finally {
      setPending(false);
    }
  };

  return {
    pending,
    act: (id: number, action: StaffAction, decision?: { reason: string; note?: string }) =>
      run(() => dataProvider.memberAction(id, action, decision), `vigie.members.done.${action}`),
    requestProof: (id: number, note?: string) => run(() => dataProvider.requestMemberProof(id, note), 'vigie.members.done.request_proof'),
    approveMany: async (ids: number[]) => {
      setPending(true);
      try {
        const { data } = await dataProvider.approveMembers(ids);
        const failed = data.filter((result) => result.status === 'error');
        const approved = data.length - failed.length;
        if (failed.length === 0) notify('vigie.members.done.bulk_approve', { type: 'success', messageArgs: { smart_count: approved } });
        else
          notify('vigie.members.done.bulk_partial', {
            type: 'warning',
            messageArgs: { approved, failed: failed.length, details: failed.map((f) => `n° ${f.id} : ${f.message ?? f.http_status}`).join(' ; ') },
            autoHideDuration: 10_000,
          });
        refresh();
        return failed.map((f) => f.id);
      } catch (error) {
        notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
        return ids;
      } finally {
        setPending(false);
      }
    },
  };
}
