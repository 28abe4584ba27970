export type { PgliteThread, PgliteThreadOptions } from "./pglite-thread";
export { createPgliteThread } from "./pglite-thread";
export type { PostgresStore, PostgresStoreOptions } from "./postgres-store";
export { createPostgresStore } from "./postgres-store";
export { SCHEMA_VERSION } from "./schema";
export type { PgliteLike, PgPoolLike, PooledConnection, PostgresClient, SqlQueryable, SqlResult } from "./sql-client";
