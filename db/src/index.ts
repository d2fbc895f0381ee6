export { connectDatabase, type Database, type DatabaseOptions, type Engine } from './client.ts';
export { migrate, readMigrations, MigrationChecksumError, type MigrationResult } from './migrate.ts';
export { createFanOut, type FanOut, type FanOutMessage } from './fanout.ts';
export { hashPassword, verifyPassword, ARGON2_OPTIONS } from './passwords.ts';
export type { Sql, TxSql } from './types.ts';
export { loadCommune, outerRing, toPgPolygon, DEFAULT_COMMUNE_FILE } from './commune.ts';
export { DEFAULT_DATA_DIR } from './client.ts';
