import type { Channel, ReportCategory } from '@vigie/shared';

/** The broadcasts API's shapes, as issue 8's contract gives them (snake_case, like the columns). */
export const BROADCAST_CATEGORIES = ['burglary', 'abusive_canvassing', 'road_closure', 'exceptional_event', 'information'] as const;
export type BroadcastCategory = (typeof BROADCAST_CATEGORIES)[number];

export const BROADCAST_STATUSES = ['draft', 'pending_approval', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type ZoneFeature =
  | { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon'; coordinates: number[][][] } }
  | { type: 'Feature'; properties: { radius_m: number } & Record<string, unknown>; geometry: { type: 'Point'; coordinates: [number, number] } };

export interface ZoneCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}

export type BroadcastTarget = { commune: true } | { neighbourhood_ids: number[] } | { zones: ZoneCollection };

export interface Closure {
  geometry: { type: 'LineString'; coordinates: number[][] } | { type: 'Polygon'; coordinates: number[][][] } | null;
  starts_at: string;
  ends_at: string;
  reopen: 'propose' | 'send';
}

export type ChannelCounts = Record<DeliveryStatus, number>;

export interface Broadcast {
  id: number;
  category: BroadcastCategory;
  title: string;
  sms_text: string | null;
  email_subject: string | null;
  email_body: string | null;
  channels: Channel[];
  target: BroadcastTarget;
  closure: Closure | null;
  status: BroadcastStatus;
  send_at: string | null;
  follows_id: number | null;
  follow_kind?: 'update' | 'end' | 'reopen' | null;
  report_id: number | null;
  created_by: number;
  created_by_name: string | null;
  approved_by: number | null;
  approved_by_name: string | null;
  sent_at: string | null;
  counts: Partial<Record<Channel, ChannelCounts>>;
}

export interface ReachPreview {
  members: number;
  relatives: number;
  sms: number;
  email: number;
  unreachable: number;
  sms_segments: number;
  estimated_cost: number;
}

/** What a report pre-fills (« Diffuser » from a report). */
export const CATEGORY_FROM_REPORT: Record<ReportCategory, BroadcastCategory> = {
  burglary: 'burglary',
  burglary_attempt: 'burglary',
  abusive_canvassing: 'abusive_canvassing',
  road_hazard: 'road_closure',
  suspicious_vehicle: 'information',
  suspicious_person: 'information',
  vandalism: 'information',
  other: 'information',
};
