import { DEMO_PASSWORD, seedDemo } from '../../seeds/index.ts';
import { connectDatabase } from '../client.ts';
import { loadCommune } from '../commune.ts';
import { migrate } from '../migrate.ts';

// `pnpm --filter @vigie/db seed`: the embedded engine under ./.data unless DATABASE_URL is set.
const db = await connectDatabase({ url: process.env.DATABASE_URL });
try {
  await migrate(db.sql);
  const commune = loadCommune(process.env.VIGIE_COMMUNE_FILE || undefined);
  const started = performance.now();
  const summary = await seedDemo(db.sql, commune);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    summary.seeded
      ? `Seeded ${commune.name} (${db.engine}) in ${seconds} s: ${summary.staff} staff, ${summary.neighbourhoods} sectors, ${summary.members} members, ${summary.reports} reports. Demo password: ${DEMO_PASSWORD}.`
      : `Not seeded: the database already has staff accounts (${db.engine}).`,
  );
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
