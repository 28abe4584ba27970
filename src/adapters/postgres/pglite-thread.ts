import { PGLITE_THREAD_SOURCE } from "./pglite-thread-source";
import type { PgliteLike, SqlQueryable, SqlResult } from "./sql-client";

/** How {@link createPgliteThread} opens its database. Everything here crosses to the thread, so only plain values. */
export interface PgliteThreadOptions {
  /**
   * What `PGlite.create` is given: a folder to keep the database in (its parent must exist), or nothing to keep it
   * in memory.
   */
  readonly dataDir?: string;
  /** PGlite's `relaxedDurability`: answer a write before it is flushed to the folder. @defaultValue `false` */
  readonly relaxedDurability?: boolean;
  /**
   * Where `@electric-sql/pglite` is: the path of its entry file (CommonJS or ES module).
   * @defaultValue the one paylinks itself resolves
   */
  readonly module?: string;
}

/** A PGlite database running in a worker thread: a client for `createPostgresStore`, and `close()`. */
export interface PgliteThread extends PgliteLike {
  /** Closes the database (everything is on disk after it) and stops the thread. Later calls reject. */
  close(): Promise<void>;
}

/** A message's answer from the thread: rows, or an error's name, message and plain fields. */
interface Answer {
  readonly id: number;
  readonly rows?: Record<string, unknown>[];
  readonly error?: { readonly name: string; readonly message: string } & Record<string, unknown>;
}

/** An Error with the name, message and fields (`code`, `detail`…) of the one thrown in the thread. Internal. */
function rebuilt(error: NonNullable<Answer["error"]>): Error {
  const { name, message, ...fields } = error;
  return Object.assign(new Error(message), fields, { name });
}

/** Where `@electric-sql/pglite`'s CommonJS entry is, seen from this module (in either build, or the sources). */
async function pgliteEntry(): Promise<string> {
  const { createRequire } = await import("node:module");
  const here = typeof __filename === "string" ? __filename : import.meta.url;
  return createRequire(here).resolve("@electric-sql/pglite");
}

/**
 * Opens a PGlite database in a worker thread of its own and answers with a client that `createPostgresStore`
 * takes like a PGlite instance. PGlite runs PostgreSQL in the thread that calls it: in the main thread, every
 * statement's parsing, planning and execution waits with the event loop, and the SMTP connections wait with it.
 * In a thread, the database works on another core while the main thread sends. Statements and transactions run
 * exactly as PGlite runs them (one at a time, transactions queued); rows and parameters are copied between the
 * threads, and an error comes back with its message and its fields (`code`, `detail`, `constraint`…).
 *
 * The thread does not keep the process alive while no statement is running. Node.js only (`node:worker_threads`).
 * @example
 * ```ts
 * const db = await createPgliteThread({ dataDir: "./paylinks-data" });
 * const store = createPostgresStore({ client: db });
 * await store.migrate();
 * // …
 * await db.close();
 * ```
 */
export async function createPgliteThread(options: PgliteThreadOptions = {}): Promise<PgliteThread> {
  const { Worker } = await import("node:worker_threads");
  const module = options.module ?? (await pgliteEntry());
  const worker = new Worker(PGLITE_THREAD_SOURCE, {
    eval: true,
    workerData: { module, dataDir: options.dataDir, options: { relaxedDurability: options.relaxedDurability } },
  });
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  let stopped: Error | undefined;
  let nextId = 1;
  let nextTransaction = 1;

  const settle = (answer: Answer) => {
    const entry = waiting.get(answer.id);
    if (entry === undefined) return;
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if (answer.error) entry.reject(rebuilt(answer.error));
    else entry.resolve(answer);
  };
  const stop = (error: Error) => {
    stopped ??= error;
    for (const entry of waiting.values()) entry.reject(stopped);
    waiting.clear();
  };
  worker.on("message", settle);
  worker.on("error", (error) => stop(new Error(`The PGlite thread failed: ${error.message}`, { cause: error })));
  worker.on("exit", (code) => stop(new Error(`The PGlite thread has stopped (exit code ${code}).`)));

  const call = (message: Record<string, unknown>, id = nextId++): Promise<Answer> =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(stopped);
      waiting.set(id, { resolve, reject });
      worker.ref();
      try {
        worker.postMessage({ ...message, id });
      } catch (error) {
        // A parameter that cannot be copied to the thread (a function, a symbol): nothing was sent.
        settle({ id, error: { name: "DataCloneError", message: (error as Error).message } });
      }
    });
  const opened = new Promise<Answer>((resolve, reject) => {
    waiting.set(0, { resolve, reject });
  });
  try {
    await opened;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();

  const queryable = (tx: number | undefined): SqlQueryable => ({
    async query(text: string, params?: unknown[]): Promise<SqlResult> {
      const answer = await call({ op: "query", text, params, tx });
      return { rows: answer.rows ?? [] };
    },
  });

  return {
    ...queryable(undefined),
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const tx = nextTransaction++;
      await call({ op: "begin", tx });
      let result: T;
      try {
        result = await fn(queryable(tx));
      } catch (error) {
        await call({ op: "end", tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: "end", tx, commit: true });
      return result;
    },
    async close(): Promise<void> {
      if (stopped) return;
      await call({ op: "close" });
      stop(new Error("The PGlite thread is closed."));
      await worker.terminate();
    },
  };
}
