import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  createPgliteThread,
  createPostgresStore,
  type PgliteThread,
  type PostgresClient,
  type PostgresStore,
} from "../../src/adapters/postgres";

/** A kind of database the PostgreSQL tests run on: PGlite in this thread or in a worker thread, or the server. */
export type DatabaseKind = "pglite" | "pglite-thread" | "server";

/** The databases the PostgreSQL tests run on: the embedded PGlite always, the server when DATABASE_URL is set. */
export const DATABASES: readonly DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "server"] : ["pglite"];

/** {@link DATABASES} and PGlite in a worker thread (`createPgliteThread`): the store contract runs on all three. */
export const STORE_DATABASES: readonly DatabaseKind[] = [...DATABASES, "pglite-thread"];

let pglite: Promise<PGlite> | undefined;
let pool: pg.Pool | undefined;
let thread: Promise<PgliteThread> | undefined;

/** One client per database kind for the whole test file (PGlite takes seconds to start). */
export function sharedClient(kind: DatabaseKind): Promise<PostgresClient> {
  if (kind === "pglite") {
    pglite ??= PGlite.create();
    return pglite as Promise<PostgresClient>;
  }
  if (kind === "pglite-thread") {
    thread ??= createPgliteThread();
    return thread;
  }
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return Promise.resolve(pool as unknown as PostgresClient);
}

/** Closes the shared clients. */
export async function closeSharedClients(): Promise<void> {
  const opened = pglite;
  pglite = undefined;
  if (opened) await (await opened).close();
  const threaded = thread;
  thread = undefined;
  if (threaded) await (await threaded).close();
  const server = pool;
  pool = undefined;
  if (server) await server.end();
}

let counter = 0;

/** A migrated store in a schema of its own, and the function that drops it. */
export async function freshStore(kind: DatabaseKind): Promise<{ store: PostgresStore; cleanup: () => Promise<void> }> {
  const client = await sharedClient(kind);
  const schema = `paylinks_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const store = createPostgresStore({ client, schema });
  await store.migrate();
  return { store, cleanup: async () => void (await client.query(`drop schema "${schema}" cascade`)) };
}
