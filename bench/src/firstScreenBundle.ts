import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile, mergeConfig, type Manifest, type UserConfig } from 'vite';
import type { Benchmark } from './table.ts';

const ADMIN_ROOT = path.resolve(import.meta.dirname, '../../admin');
const MINIMAL_ROOT = path.resolve(import.meta.dirname, '../minimal-admin');

const kB = (bytes: number) => bytes / 1000;

/** Goal: Vigie's first screen may weigh at most 30 % more than a bare react-admin app. */
const MAX_RATIO = 1.3;

/**
 * The admin's own Vite config (admin/vite.config.*), loaded afresh for each build because plugin
 * instances keep per-build state. Both apps build with it; only root and outDir differ.
 */
async function adminConfig(): Promise<UserConfig> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production', isSsrBuild: false, isPreview: false },
    undefined,
    ADMIN_ROOT,
    'silent',
  );
  if (!loaded) throw new Error(`No vite.config.* in ${ADMIN_ROOT}: the bundle benchmark builds with the admin's own config.`);
  return loaded.config;
}

interface InitialJs {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  buildMs: number;
}

async function buildAndMeasure(label: string, root: string, outDir: string): Promise<InitialJs> {
  const started = performance.now();
  await build(
    mergeConfig(await adminConfig(), {
      configFile: false,
      root,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, manifest: true },
    }),
  );
  const buildMs = performance.now() - started;
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const files = initialChunks(manifest);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(path.join(outDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  console.log(
    `  ${label}: ${files.length} initial JS file(s), ${kB(rawBytes).toFixed(1)} kB raw, ` +
      `${kB(gzipBytes).toFixed(1)} kB gzip -9 (built in ${(buildMs / 1000).toFixed(1)} s)`,
  );
  return { files, rawBytes, gzipBytes, buildMs };
}

/** The entry chunks and everything they import statically: what the first route must download. */
export function initialChunks(manifest: Manifest): string[] {
  const pending = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (pending.length === 0) throw new Error('The Vite manifest has no entry chunk.');
  const seen = new Set<string>();
  while (pending.length) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    // `imports` only: `dynamicImports` (React.lazy screens, the map) load after the first screen.
    pending.push(...(manifest[key]?.imports ?? []));
  }
  return [...seen].map((key) => manifest[key]!.file).filter((file) => /\.m?js$/.test(file));
}

export const firstScreenBundle: Benchmark = {
  name: 'firstScreenBundle',
  description: "gzipped JS of the admin's first screen vs a minimal react-admin app, same Vite config",
  async run() {
    const tmp = await mkdtemp(path.join(tmpdir(), 'vigie-bench-bundle-'));
    try {
      const baseline = await buildAndMeasure('minimal react-admin (baseline)', MINIMAL_ROOT, path.join(tmp, 'minimal'));
      const admin = await buildAndMeasure('admin', ADMIN_ROOT, path.join(tmp, 'admin'));
      return [
        {
          name: 'admin initial JS (gzip)',
          value: kB(admin.gzipBytes),
          baseline: kB(baseline.gzipBytes),
          unit: 'kB',
          maxRatio: MAX_RATIO,
        },
      ];
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  },
};
