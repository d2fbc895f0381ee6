import { useCallback, useEffect, useState } from 'react';
import { API_URL, httpClient } from '../providers/httpClient.ts';
import type { Coverage } from './sectorTypes.ts';

/**
 * The server's overlap and gap report (GET /api/neighbourhoods/coverage), computed there from the
 * stored sectors; `reload` after each save so it always describes what is saved.
 */
export function useCoverage(): { coverage: Coverage | undefined; failed: boolean; reload: () => void } {
  const [coverage, setCoverage] = useState<Coverage>();
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    httpClient(`${API_URL}/neighbourhoods/coverage`).then(
      ({ json }) => {
        if (!current) return;
        setCoverage(json as Coverage);
        setFailed(false);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { coverage, failed, reload };
}
