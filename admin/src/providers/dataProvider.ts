import simpleRestProvider from 'ra-data-simple-rest';
import type { CreateParams, CreateResult, DataProvider, RaRecord, UpdateParams, UpdateResult } from 'react-admin';
import type { CommuneConfig, Report, Viewer } from '@vigie/shared';
import type { PointsPayload } from '../map/pointStore.ts';
import { scrubSecret, splitSecret, type PartnerWithSecret } from '../partners/partnerSecret.ts';
import type { Broadcast, BroadcastTarget, ReachPreview } from '../broadcasts/broadcastTypes.ts';
import { liveClient } from '../live/liveClient.ts';
import type { LiveEvent, LiveListener } from '../live/liveEvents.ts';
import { takeSubmissionKey } from '../reports/submissionKey.ts';
import { API_URL, httpClient } from './httpClient.ts';
import { membersMethods } from './membersMethods.ts';

const rest = simpleRestProvider(API_URL, httpClient);

let config: Promise<CommuneConfig> | undefined;

/** A report near another one of the same category (GET /api/reports/:id/duplicates). */
export type PossibleDuplicate = Report & { distance_m: number };

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

/** Only reports have presence; ra-realtime's lock API names the resource anyway. */
const reportId = (resource: string, id: unknown) => (resource === 'reports' ? Number(id) : Number.NaN);

/**
 * ra-data-simple-rest, plus react-admin's realtime methods (topics `resource/reports`,
 * `resource/reports/12`) and lock methods ("who is on it") backed by the session's socket,
 * plus the public commune configuration and a few named report and partner methods.
 */
export const dataProvider = {
  ...rest,
  // react-admin caches these answers: a partner's secret never gets there (see createPartner).
  create: async <R extends RaRecord = RaRecord>(resource: string, params: CreateParams): Promise<CreateResult<R>> => {
    // A form that names its submission (reports) sends it as Idempotency-Key: a retry is stored once.
    const { body, key } = takeSubmissionKey(params.data as Record<string, unknown>);
    if (key) {
      const headers = new Headers({ 'Idempotency-Key': key });
      const { json: created } = await httpClient(`${API_URL}/${resource}`, { method: 'POST', body: JSON.stringify(body), headers });
      return { data: created as R };
    }
    return scrubSecret(resource, await rest.create<Omit<R, 'id'>, R>(resource, params));
  },
  update: async <R extends RaRecord = RaRecord>(resource: string, params: UpdateParams): Promise<UpdateResult<R>> =>
    scrubSecret(resource, await rest.update<R>(resource, params)),
  subscribe: async (topic: string, callback: LiveListener) => {
    liveClient.subscribe(topic, callback);
    return { data: null };
  },
  unsubscribe: async (topic: string, callback: LiveListener) => {
    liveClient.unsubscribe(topic, callback);
    return { data: null };
  },
  publish: async (topic: string, event: LiveEvent) => {
    liveClient.publish(topic, event);
    return { data: null };
  },
  lock: async (resource: string, { id }: { id: unknown }) => {
    const report = reportId(resource, id);
    if (Number.isSafeInteger(report)) liveClient.lock(report);
    return { data: null };
  },
  unlock: async (resource: string, { id }: { id: unknown }) => {
    const report = reportId(resource, id);
    if (Number.isSafeInteger(report)) liveClient.unlock(report);
    return { data: null };
  },
  getLock: async (resource: string, { id }: { id: unknown }): Promise<{ data: Viewer[] }> => ({
    data: liveClient.getLock(reportId(resource, id)),
  }),
  getLocks: async (resource: string): Promise<{ data: Array<{ recordId: number; viewers: Viewer[] }> }> => ({
    data: resource === 'reports' ? [...liveClient.getLocks()].map(([recordId, viewers]) => ({ recordId, viewers })) : [],
  }),
  /** The map's compact payload: every matching report as parallel arrays (gzipped by the server). */
  getReportPoints: async (filter: Record<string, unknown>, signal?: AbortSignal): Promise<PointsPayload> => {
    const { json: body } = await httpClient(`${API_URL}/reports/points?filter=${encodeURIComponent(JSON.stringify(filter))}`, { signal });
    return body as PointsPayload;
  },
  getDuplicates: async (id: number): Promise<{ data: PossibleDuplicate[] }> => {
    const { json: body } = await httpClient(`${API_URL}/reports/${id}/duplicates`);
    return { data: body as PossibleDuplicate[] };
  },
  /** Links reports into this report's incident; answers the incident, primary report first. */
  linkReports: async (id: number, ids: number[]): Promise<{ data: Report[] }> => {
    const { json: body } = await httpClient(`${API_URL}/reports/${id}/link`, json({ ids }));
    return { data: body as Report[] };
  },
  unlinkReport: async (id: number): Promise<{ data: Report }> => {
    const { json: body } = await httpClient(`${API_URL}/reports/${id}/unlink`, json({}));
    return { data: body as Report };
  },
  /**
   * POST /api/partners outside react-admin's create, whose answer would be cached: the secret comes
   * back beside the partner, for the dialog that shows it once.
   */
  createPartner: async (data: Record<string, unknown>): Promise<PartnerWithSecret> => {
    const { json: body } = await httpClient(`${API_URL}/partners`, json(data));
    return splitSecret(body);
  },
  /** A new secret, shown once; the old one keeps verifying for `overlapHours` (0 revokes it now). */
  rotatePartnerSecret: async (id: string, overlapHours: number): Promise<PartnerWithSecret> => {
    const { json: body } = await httpClient(`${API_URL}/partners/${encodeURIComponent(id)}/rotate`, json({ overlap_hours: overlapHours }));
    return splitSecret(body);
  },
  /** Who a broadcast would reach (no side effect): recomputed while the officer draws. */
  previewBroadcast: async (
    body: { target: BroadcastTarget; channels: string[]; sms_text?: string },
    signal?: AbortSignal,
  ): Promise<ReachPreview> => {
    const { json: answer } = await httpClient(`${API_URL}/broadcasts/preview`, { ...json(body), signal });
    return answer as ReachPreview;
  },
  /** POST /api/broadcasts/:id/<action>; answers the broadcast as it now is. */
  broadcastAction: async (id: number, action: 'send' | 'approve' | 'cancel' | 'test' | 'retry_failed'): Promise<{ data: Broadcast }> => {
    const { json: answer } = await httpClient(`${API_URL}/broadcasts/${id}/${action}`, json({}));
    return { data: answer as Broadcast };
  },
  /** GET /api/config, public and immutable while the page lives: fetched once. */
  getConfig: (): Promise<CommuneConfig> => {
    config ??= httpClient(`${API_URL}/config`).then(({ json }) => json as CommuneConfig);
    config.catch(() => (config = undefined));
    return config;
  },
  ...membersMethods,
} satisfies DataProvider;

export type LiveDataProvider = typeof dataProvider;
