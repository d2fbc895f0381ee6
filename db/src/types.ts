import type postgres from 'postgres';

/** The connection pool; helpers that may run inside a transaction take `Sql | TxSql`. */
export type Sql = postgres.Sql<{}>;
export type TxSql = postgres.TransactionSql<{}>;
