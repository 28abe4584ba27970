export type { PostgresStore, PostgresStoreOptions } from "./postgres-store";
export { createPostgresStore } from "./postgres-store";
export { SCHEMA_VERSION } from "./schema";
export type { PgliteLike, PgPoolLike, PooledConnection, PostgresClient, SqlQueryable, SqlResult } from "./sql-client";
