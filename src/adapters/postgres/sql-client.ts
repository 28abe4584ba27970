/** What the store needs from a query result: the rows. */
export interface SqlResult {
  /** The rows, as objects keyed by column name. */
  readonly rows: Record<string, unknown>[];
}

/** Anything that runs one parameterised statement: a pg `Pool` or `PoolClient`, a PGlite instance or transaction. */
export interface SqlQueryable {
  /** Runs one statement with `$1`, `$2`… placeholders bound to `params`. */
  query(text: string, params?: unknown[]): Promise<SqlResult>;
}

/** A pg `Pool`, taken by shape: `connect()` lends a client for a transaction. */
export interface PgPoolLike extends SqlQueryable {
  /** Lends a client of the pool, for a transaction. */
  connect(): Promise<PooledConnection>;
}

/** A client lent by a pg `Pool`: queries, then `release()` to give it back. */
export interface PooledConnection extends SqlQueryable {
  /** Gives the client back to the pool; an error argument destroys it instead. */
  release(error?: Error | boolean): void;
}

/** A PGlite instance, taken by shape: `transaction()` runs a function in a transaction. */
export interface PgliteLike extends SqlQueryable {
  /** Runs `fn` in a transaction, committed when it resolves and rolled back when it rejects. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/** The clients `createPostgresStore` accepts. */
export type PostgresClient = PgPoolLike | PgliteLike;

/** Runs `fn` in one transaction on either kind of client; rolls back when it throws. Internal. */
export async function inTransaction<T>(client: PostgresClient, fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  if ("transaction" in client && typeof client.transaction === "function") {
    return (client as PgliteLike).transaction(fn);
  }
  const connection = await (client as PgPoolLike).connect();
  let broken: Error | undefined;
  try {
    await connection.query("BEGIN");
    const result = await fn(connection);
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await connection.query("ROLLBACK");
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    connection.release(broken);
  }
}
