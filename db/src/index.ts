export { connectDatabase, type Database, type DatabaseOptions, type Engine } from './client.ts';
export { migrate, readMigrations, MigrationChecksumError, type MigrationResult } from './migrate.ts';
export { createFanOut, type FanOut, type FanOutMessage } from './fanout.ts';
export { hashPassword, verifyPassword, ARGON2_OPTIONS } from './passwords.ts';
export type { Sql, TxSql } from './types.ts';
export { loadCommune, loadCommuneSectors, loadSectorsIfNone, outerRing, toPgPolygon, DEFAULT_COMMUNE_FILE, type CommuneSector } from './commune.ts';
export { DEFAULT_DATA_DIR } from './client.ts';
export { ADVISORY_LOCKS } from './locks.ts';
export { isDatabaseUnavailable } from './unavailable.ts';
