/**
 * PostgreSQL advisory lock ids, one per purpose and all in one place: two purposes sharing an id
 * would wait on each other for nothing (the seed used to share the last-admin guard's).
 */
export const ADVISORY_LOCKS = {
  /** One migrator at a time across processes. */
  migrate: 7_337_001,
  /** Staff changes that could leave no active admin are serialised. */
  lastAdmin: 7_337_002,
  /** Concurrent demo seeds: the loser finds staff rows and writes nothing. */
  seed: 7_337_003,
} as const;
