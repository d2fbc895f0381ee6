import { connectDatabase } from '../client.ts';
import { MigrationChecksumError, migrate } from '../migrate.ts';

// `pnpm --filter @vigie/db migrate`: the embedded engine under ./.data unless DATABASE_URL is set.
const db = await connectDatabase({ url: process.env.DATABASE_URL });
try {
  const { applied, version } = await migrate(db.sql);
  for (const name of applied) console.log(`applied ${name}`);
  console.log(`Schema at version ${version} (${db.engine}); ${applied.length === 0 ? 'nothing to apply' : `${applied.length} applied`}.`);
} catch (error) {
  if (!(error instanceof MigrationChecksumError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
