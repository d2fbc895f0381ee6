import { describe, expect, it } from 'vitest';
import { availableActions, canRequestProof } from './memberActions.ts';
import { membersExportUrl } from './exportUrl.ts';

describe('the actions offered on a member', () => {
  it('follow the shared transitions', () => {
    expect(availableActions('pending_review')).toEqual(['approve', 'reject', 'ban', 'erase']);
    expect(availableActions('approved')).toEqual(['suspend', 'ban', 'erase']);
    expect(availableActions('suspended')).toEqual(['reinstate', 'ban', 'erase']);
    expect(availableActions('banned')).toEqual(['erase']);
    expect(availableActions('erased')).toEqual([]);
  });

  it('ask for a proof of address only while the registration is reviewed', () => {
    expect(canRequestProof('pending_review')).toBe(true);
    expect(canRequestProof('approved')).toBe(false);
  });
});

describe('the CSV export link', () => {
  it("carries the list's filters in the API's dialect and leaves cleared ones out", () => {
    const url = membersExportUrl({ status: 'approved', neighbourhood_id: 3, q: '', channel: undefined });
    expect(url).toBe(`/api/members/export.csv?filter=${encodeURIComponent('{"status":"approved","neighbourhood_id":3}')}`);
    expect(membersExportUrl({})).toBe('/api/members/export.csv');
  });
});
