import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { CommuneConfig } from '@vigie/shared';
import type { LiveDataProvider } from '../providers/dataProvider.ts';

/** The commune served by this instance (name, police desk, emergency number); undefined until loaded. */
export function useCommuneConfig(): CommuneConfig | undefined {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const [config, setConfig] = useState<CommuneConfig>();
  useEffect(() => {
    let mounted = true;
    dataProvider.getConfig().then(
      (value) => mounted && setConfig(value),
      () => undefined, // the screens fall back to the generic name
    );
    return () => {
      mounted = false;
    };
  }, [dataProvider]);
  return config;
}
