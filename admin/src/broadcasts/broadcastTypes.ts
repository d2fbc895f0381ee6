import type { BroadcastCategory, BroadcastStatus, Channel, ChannelCounts } from '@vigie/shared';

// The API's vocabulary comes from @vigie/shared; this file keeps only the shapes the compose form
// edits (zones being drawn, a closure whose line is not drawn yet).
// Delivery statuses too: the admin once kept its own shorter list, and SMS kept in the outbox
// (`captured`) showed a blank status in the delivery log.
export { BROADCAST_CATEGORIES, BROADCAST_STATUSES, DELIVERY_STATUSES } from '@vigie/shared';
export type { BroadcastCategory, BroadcastPreview as ReachPreview, BroadcastStatus, ChannelCounts, DeliveryStatus } from '@vigie/shared';

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

