import { existsSync } from "node:fs";
import { join } from "node:path";
import { createPostgresStore, type PostgresStore } from "../../adapters/postgres/postgres-store";
import type { PgliteLike, PgPoolLike } from "../../adapters/postgres/sql-client";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import type { StorageSettings } from "../config/settings";
import type { CliText } from "../text/cli-text";
import { reasonOf, redactUrl } from "./describe-error";
import { lockEmbedded } from "./embedded-lock";
import { importOptional } from "./optional-import";

/** An open store, and how to close it. */
export interface OpenedStore {
  /** The store, migrated. */
  readonly store: PostgresStore;
  /** Closes the database (and releases the embedded database's lock). */
  close(): Promise<void>;
}

interface PgliteModule {
  readonly PGlite: { create(dataDir: string): Promise<PgliteLike & { close(): Promise<void> }> };
}

interface PgPool extends PgPoolLike {
  on(event: "error", listener: (error: Error) => void): unknown;
  end(): Promise<void>;
}

interface PgModule {
  readonly Pool?: new (config: Record<string, unknown>) => PgPool;
  readonly default?: { readonly Pool: new (config: Record<string, unknown>) => PgPool };
}

/** How long a command waits for another one that holds the embedded database. */
const EMBEDDED_WAIT_MS = 30_000;

async function openEmbedded(dir: string, io: CliIo, text: CliText): Promise<OpenedStore> {
  const { PGlite } = await importOptional<PgliteModule>("@electric-sql/pglite", text.errors.purposeEmbedded, text);
  const lock = await lockEmbedded(`${dir}.lock`, EMBEDDED_WAIT_MS);
  if ("busyPid" in lock) {
    throw new CliError("database_busy", text.errors.databaseBusy(dir, lock.busyPid), {
      details: { dir, pid: String(lock.busyPid) },
    });
  }
  try {
    if (!existsSync(join(dir, "PG_VERSION")) && io.stderr.isTTY) io.stderr.write(`${text.out.creatingDatabase(dir)}\n`);
    const db = await PGlite.create(dir);
    const store = createPostgresStore({ client: db });
    try {
      await store.migrate();
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return {
      store,
      close: async () => {
        try {
          await db.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw new CliError("database_unreachable", text.errors.embeddedFailed(dir, reasonOf(error)), {
      cause: error,
      details: { dir },
    });
  }
}

async function openServer(
  settings: Extract<StorageSettings, { kind: "postgres" }>,
  text: CliText,
): Promise<OpenedStore> {
  const pg = await importOptional<PgModule>("pg", text.errors.purposePostgres(settings.source), text);
  const Pool = pg.Pool ?? pg.default?.Pool;
  if (!Pool) throw new Error("The pg module has no Pool");
  const pool = new Pool({ connectionString: settings.url, connectionTimeoutMillis: 10_000, max: 4 });
  pool.on("error", () => undefined); // an idle connection that drops is replaced; a query reports its own error
  const store = createPostgresStore({ client: pool, schema: settings.schema });
  try {
    await store.migrate();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new CliError(
      "database_unreachable",
      text.errors.databaseUnreachable(settings.source, redactUrl(settings.url), reasonOf(error)),
      { cause: error, details: { source: settings.source } },
    );
  }
  return { store, close: () => pool.end() };
}

/**
 * Opens the store the settings name, and creates or upgrades its tables: the embedded PGlite database (created
 * on first use) or a PostgreSQL server.
 *
 * @param settings - The storage settings.
 * @param io - For the note on first use.
 * @param text - The messages.
 * @returns The store and its `close`.
 * @throws CliError `missing_dependency`, `database_busy` or `database_unreachable` (exit code 3).
 */
export function openStore(settings: StorageSettings, io: CliIo, text: CliText): Promise<OpenedStore> {
  return settings.kind === "embedded" ? openEmbedded(settings.dir, io, text) : openServer(settings, text);
}
