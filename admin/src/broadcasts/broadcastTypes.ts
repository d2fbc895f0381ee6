import type { Broadcast as ApiBroadcast } from '@vigie/shared';

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

/** The API's broadcast, with the form's editing shapes for what it draws (zones, the closure). */
export interface Broadcast extends Omit<ApiBroadcast, 'target' | 'closure' | 'follow_kind' | 'created_by_name'> {
  target: BroadcastTarget;
  closure: Closure | null;
  follow_kind?: ApiBroadcast['follow_kind'];
  created_by_name: string | null;
}
