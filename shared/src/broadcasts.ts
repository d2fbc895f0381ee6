import type { Channel } from './members.ts';

export const BROADCAST_CATEGORIES = ['burglary', 'abusive_canvassing', 'road_closure', 'exceptional_event', 'information'] as const;
export type BroadcastCategory = (typeof BROADCAST_CATEGORIES)[number];

export const BROADCAST_STATUSES = ['draft', 'pending_approval', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'dead', 'captured', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const FOLLOW_KINDS = ['update', 'end', 'reopen'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

/** « Diffuser » from a report: the broadcast category its category suggests. */
export function broadcastCategoryForReport(category: string): BroadcastCategory {
  if (category === 'burglary' || category === 'burglary_attempt') return 'burglary';
  if (category === 'abusive_canvassing') return 'abusive_canvassing';
  if (category === 'road_hazard') return 'road_closure';
  return 'information';
}

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}
export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}
export interface ZoneFeature {
  type: 'Feature';
  geometry: GeoJsonPolygon | GeoJsonPoint;
  /** Points are circles of `radius_m` metres on the ground. */
  properties?: { radius_m?: number } | null;
}

export type BroadcastTarget =
  | { commune: true }
  | { neighbourhood_ids: number[] }
  | { zones: { type: 'FeatureCollection'; features: ZoneFeature[] } };

export interface BroadcastClosure {
  geometry: GeoJsonPolygon | { type: 'LineString'; coordinates: [number, number][] };
  starts_at: string;
  ends_at: string;
  reopen: 'propose' | 'send';
}

export type ChannelCounts = Record<'queued' | 'sent' | 'delivered' | 'failed' | 'dead', number>;

export interface Broadcast {
  id: number;
  category: BroadcastCategory;
  title: string;
  sms_text: string | null;
  email_subject: string | null;
  email_body: string | null;
  channels: Channel[];
  target: BroadcastTarget;
  closure: BroadcastClosure | null;
  status: BroadcastStatus;
  send_at: string | null;
  report_id: number | null;
  follows_id: number | null;
  follow_kind: FollowKind | null;
  created_by: number;
  created_by_name: string;
  approved_by: number | null;
  approved_by_name: string | null;
  sent_at: string | null;
  counts: Partial<Record<Channel, ChannelCounts>>;
}

export interface BroadcastPreview {
  members: number;
  relatives: number;
  sms: number;
  email: number;
  unreachable: number;
  sms_segments: number;
  estimated_cost: number;
}

export interface Delivery {
  id: number;
  broadcast_id: number;
  member_id: number | null;
  relative_id: number | null;
  channel: Channel;
  to: string;
  recipient_name: string | null;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  provider_id: string | null;
  updated_at: string;
}

/** `06 •• •• •• 78` for +33 6 12 34 56 78; e-mails keep their first letter and domain. */
export function maskContact(to: string): string {
  if (to.includes('@')) {
    const [local = '', domain = ''] = to.split('@');
    return `${local.slice(0, 1)}•••@${domain}`;
  }
  const national = to.startsWith('+33') ? `0${to.slice(3)}` : to;
  if (national.length < 4) return '••';
  return `${national.slice(0, 2)} •• •• •• ${national.slice(-2)}`;
}
