import { HttpError } from 'react-admin';
import type { Member } from '@vigie/shared';
import type { StaffAction } from '../members/memberActions.ts';
import { API_URL, httpClient } from './httpClient.ts';

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

/** One line of `POST /api/members/approve`: each id succeeds or fails on its own. */
export interface BulkApproveResult {
  id: number;
  status: 'approved' | 'error';
  http_status: number;
  message: string | null;
}

/** What `POST /api/members/import` answers, preview (`dry_run`) or done. */
export interface ImportReport {
  dry_run: boolean;
  total: number;
  valid: number;
  invalid: number;
  duplicates: Array<{ line: number; field: 'email' | 'phone'; member_id?: number; earlier_line?: number }>;
  imported: number;
  problems: Array<{ line: number; field: string; message: string }>;
}

export interface GeocodeResult {
  label: string;
  lat: number;
  lng: number;
  score: number;
  in_commune: boolean;
}

/**
 * The members' named methods of the data provider (issue 7): thin transport, the server decides.
 * Spread into dataProvider.ts.
 */
export const membersMethods = {
  /** `POST /api/members/:id/<action>`, `{ reason, note? }` for those that need one; answers the record. */
  memberAction: async (id: number, action: StaffAction, decision?: { reason: string; note?: string }): Promise<{ data: Member }> => {
    const { json } = await httpClient(`${API_URL}/members/${id}/${action}`, post(decision ?? {}));
    return { data: json as Member };
  },
  /** Asks the resident for a proof of address (the message goes out through the outbox). */
  requestMemberProof: async (id: number, note?: string): Promise<{ data: Member }> => {
    const { json } = await httpClient(`${API_URL}/members/${id}/request_proof`, post(note ? { note } : {}));
    return { data: json as Member };
  },
  approveMembers: async (ids: number[]): Promise<{ data: BulkApproveResult[] }> => {
    const { json } = await httpClient(`${API_URL}/members/approve`, post({ ids }));
    return { data: (json as { results: BulkApproveResult[] }).results };
  },
  /** Everything held about the member (RGPD access), as the JSON file the server names. */
  exportMember: async (id: number): Promise<Blob> => {
    const { body } = await httpClient(`${API_URL}/members/${id}/export`);
    return new Blob([body], { type: 'application/json' });
  },
  /**
   * The CSV file as the body (`text/csv`); a 400 still carries the per-line report (`problems`),
   * returned rather than thrown so the page can show it.
   */
  importMembers: async (file: File, dryRun: boolean): Promise<{ data: ImportReport } | { error: { message: string; problems: ImportReport['problems'] } }> => {
    try {
      const { json } = await httpClient(`${API_URL}/members/import${dryRun ? '?dry_run=1' : ''}`, {
        method: 'POST',
        body: file,
        headers: new Headers({ 'Content-Type': 'text/csv', Accept: 'application/json' }),
      });
      return { data: json as ImportReport };
    } catch (error) {
      if (error instanceof HttpError && error.status === 400) {
        const body = (error.body ?? {}) as { message?: string; problems?: ImportReport['problems'] };
        return { error: { message: body.message ?? error.message, problems: body.problems ?? [] } };
      }
      throw error;
    }
  },
  geocode: async (q: string, signal?: AbortSignal): Promise<GeocodeResult[]> => {
    const { json } = await httpClient(`${API_URL}/geocode?q=${encodeURIComponent(q)}`, { signal });
    return (json as { results: GeocodeResult[] }).results;
  },
  approvePost: async (id: number) => (await httpClient(`${API_URL}/posts/${id}/approve`, post({}))).json as Record<string, unknown>,
  hidePost: async (id: number, reason: string) => (await httpClient(`${API_URL}/posts/${id}/hide`, post({ reason }))).json as Record<string, unknown>,
};

export type MembersMethods = typeof membersMethods;
