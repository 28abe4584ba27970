/**
 * The program of the thread that holds a PGlite database for `createPgliteThread`, as source run with
 * `new Worker(source, { eval: true })`, valid both as a CommonJS script and as an ES module (the process's
 * `--input-type` decides which): a file beside the module would have to be found again in every build
 * (ESM, CommonJS, the sources under test), a string is where the module is.
 *
 * It imports PGlite from the file it is given, opens `PGlite.create(dataDir, options)`, then answers each message of the
 * protocol: `query` (on the database, or on an open transaction), `begin` (answered once PGlite's `transaction()`
 * has started, so transactions queue in PGlite as they do in one process), `end` (commit or roll back) and `close`.
 * Every answer carries the id of its message; an error is sent as its name, message and plain own fields (`code`,
 * `detail`, `constraint`…), since an Error object loses its fields on the way. Internal.
 */
export const PGLITE_THREAD_SOURCE = `
const ROLLBACK = new Error("rolled back by the caller");
const plain = (value) => value === null || ["string", "number", "boolean"].includes(typeof value);
const describe = (error) => {
  const fields = {};
  if (error !== null && typeof error === "object") {
    for (const [key, value] of Object.entries(error)) if (plain(value)) fields[key] = value;
  }
  return {
    ...fields,
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  };
};

async function answer(db, open, message) {
  if (message.op === "query") {
    const target = message.tx === undefined ? db : open.get(message.tx)?.tx;
    if (target === undefined) throw new Error("This transaction is over.");
    const result = await target.query(message.text, message.params);
    return { rows: result.rows };
  }
  if (message.op === "begin") {
    return new Promise((started, failed) => {
      const entry = {};
      const ended = db.transaction(
        (tx) =>
          new Promise((commit, rollback) => {
            Object.assign(entry, { tx, commit, rollback });
            open.set(message.tx, entry);
            started({});
          }),
      );
      ended.then(
        () => entry.done?.({}),
        (error) => {
          if (!open.has(message.tx)) return failed(error);
          if (error === ROLLBACK) entry.done?.({});
          else entry.done?.({ error: describe(error) });
        },
      ).finally(() => open.delete(message.tx));
    });
  }
  if (message.op === "end") {
    const entry = open.get(message.tx);
    if (entry === undefined) throw new Error("This transaction is over.");
    const done = new Promise((resolve) => (entry.done = resolve));
    if (message.commit) entry.commit();
    else entry.rollback(ROLLBACK);
    return done;
  }
  if (message.op === "close") {
    await db.close();
    return {};
  }
  throw new Error("Unknown operation: " + message.op);
}

(async () => {
  const { parentPort, workerData } = await import("node:worker_threads");
  let db;
  try {
    const { pathToFileURL } = await import("node:url");
    const loaded = await import(pathToFileURL(workerData.module).href);
    const PGlite = loaded.PGlite ?? loaded.default.PGlite;
    db = await PGlite.create(workerData.dataDir, workerData.options);
  } catch (error) {
    parentPort.postMessage({ id: 0, error: describe(error) });
    return;
  }
  const open = new Map();
  parentPort.on("message", (message) => {
    answer(db, open, message).then(
      (reply) => parentPort.postMessage({ ...reply, id: message.id }),
      (error) => parentPort.postMessage({ id: message.id, error: describe(error) }),
    );
  });
  parentPort.postMessage({ id: 0 });
})();
`;
