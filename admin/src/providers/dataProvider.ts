import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import type { CommuneConfig } from '@vigie/shared';
import { liveClient } from '../live/liveClient.ts';
import type { LiveEvent, LiveListener } from '../live/liveEvents.ts';
import { API_URL, httpClient } from './httpClient.ts';

const rest = simpleRestProvider(API_URL, httpClient);

let config: Promise<CommuneConfig> | undefined;

/**
 * ra-data-simple-rest, plus react-admin's realtime methods (topics `resource/reports`,
 * `resource/reports/12`) backed by the session's socket, plus the public commune configuration.
 */
export const dataProvider = {
  ...rest,
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
  /** GET /api/config, public and immutable while the page lives: fetched once. */
  getConfig: (): Promise<CommuneConfig> => {
    config ??= httpClient(`${API_URL}/config`).then(({ json }) => json as CommuneConfig);
    config.catch(() => (config = undefined));
    return config;
  },
} satisfies DataProvider;

export type LiveDataProvider = typeof dataProvider;
