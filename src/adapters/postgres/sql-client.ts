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

/** A pg `Pool` running a named statement: parsed and planned once per connection, then only bound and run. */
interface NamedStatementRunner {
  query(config: { readonly name: string; readonly text: string; readonly values: unknown[] }): Promise<SqlResult>;
}

/**
 * Whether `client` is a pg `Pool` (it lends clients and counts them), the one client that runs named statements.
 * A PGlite database, or an object that only forwards `query(text, params)`, is not. Internal.
 */
export function isPgPool(client: PostgresClient): boolean {
  return typeof (client as { totalCount?: unknown }).totalCount === "number" && "connect" in client;
}

/**
 * A 64-bit digest of `text`, as 16 hex digits: a 32-bit FNV-1a pass, and a second pass from another offset that
 * also folds its high bits in, so that the two halves do not follow each other.
 */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x2a5f3c91;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * Runs the store's fixed statements (the same text at every call): as named statements on a pg `Pool` when
 * `prepare` is set, so that each connection parses and plans each text once; otherwise as `query(text, params)`.
 * The name is a digest of the text, so stores of different schemas on one pool never share a name. Internal.
 * @param client - The store's client.
 * @param prepare - Whether to name the statements; only a pg `Pool` accepts them.
 * @returns A function running one fixed statement with its parameters.
 */
export function fixedStatements(
  client: PostgresClient,
  prepare: boolean,
): (text: string, params: unknown[]) => Promise<SqlResult> {
  if (!prepare) return (text, params) => client.query(text, params);
  const names = new Map<string, string>();
  const runner = client as unknown as NamedStatementRunner;
  return (text, values) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `paylinks_${digest(text)}`;
      names.set(text, name);
    }
    return runner.query({ name, text, values });
  };
}
