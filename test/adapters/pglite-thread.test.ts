import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaptureTransport } from "../../src/adapters/memory";
import { createPgliteThread, createPostgresStore, type PgliteThread } from "../../src/adapters/postgres";
import { createPaylinks } from "../../src/service";
import { makeActor, makeShop } from "../support/fixtures";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("createPgliteThread", () => {
  let db: PgliteThread;
  beforeAll(async () => {
    db = await createPgliteThread();
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it("answers rows with their types: numbers, dates, jsonb, arrays and nulls", async () => {
    const { rows } = await db.query(
      "select 1::int as n, '2026-12-08T10:00:00Z'::timestamptz as t, $1::jsonb as j, $2::text[] as a, null as z",
      [JSON.stringify({ a: [1, "x"] }), ["p", "q"]],
    );
    expect(rows).toEqual([{ n: 1, t: new Date("2026-12-08T10:00:00Z"), j: { a: [1, "x"] }, a: ["p", "q"], z: null }]);
  });

  it("rejects a failed statement with PGlite's message and fields", async () => {
    const error = await db.query("select * from no_such_table").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "42P01", message: 'relation "no_such_table" does not exist' });
    expect((await db.query("select 2 as n")).rows).toEqual([{ n: 2 }]);
  });

  it("commits a transaction that resolves and rolls back one that throws, with the caller's error", async () => {
    await db.query("create table tx_kept (id int primary key)");
    await expect(
      db.transaction(async (tx) => (await tx.query("insert into tx_kept values (1) returning id")).rows),
    ).resolves.toEqual([{ id: 1 }]);
    const thrown = new Error("changed my mind");
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into tx_kept values (2)");
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    const duplicate = await db
      .transaction(async (tx) => {
        await tx.query("insert into tx_kept values (3)");
        await tx.query("insert into tx_kept values (1)");
      })
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: "23505", constraint: "tx_kept_pkey" });
    expect((await db.query("select id from tx_kept order by id")).rows).toEqual([{ id: 1 }]);
  });

  it("rejects a commit that fails (a deferred constraint), and keeps nothing of it", async () => {
    await db.query(
      "create table tx_deferred (id int primary key, parent int references tx_deferred (id) deferrable initially deferred)",
    );
    const error = await db
      .transaction(async (tx) => {
        await tx.query("insert into tx_deferred values (1, 99)");
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "23503" });
    expect((await db.query("select count(*)::int as n from tx_deferred")).rows).toEqual([{ n: 0 }]);
  });

  it("runs transactions one at a time, as PGlite does: two read-then-write increments both count", async () => {
    await db.query("create table tx_counter (n int not null)");
    await db.query("insert into tx_counter values (0)");
    const increment = () =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query("select n from tx_counter");
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.query("update tx_counter set n = $1", [Number(rows[0]?.n) + 1]);
      });
    await Promise.all([increment(), increment(), increment()]);
    expect((await db.query("select n from tx_counter")).rows).toEqual([{ n: 3 }]);
  });

  it("rejects a parameter that cannot cross to the thread, and goes on answering", async () => {
    await expect(db.query("select $1::text as v", [() => "x"])).rejects.toMatchObject({ name: "DataCloneError" });
    expect((await db.query("select $1::text as v", ["y"])).rows).toEqual([{ v: "y" }]);
  });

  it("refuses a statement on a transaction that is over", async () => {
    let kept: { query: (text: string) => Promise<unknown> } | undefined;
    await db.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept?.query("select 1")).rejects.toThrow("This transaction is over.");
  });

  it("serves a store and a send(): the links are saved and sent", async () => {
    const store = createPostgresStore({ client: db, schema: "thread_send" });
    await store.migrate();
    const transport = createCaptureTransport();
    const paylinks = createPaylinks({
      store,
      transport,
      shops: [makeShop()],
      paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
    });
    const recipients = ["a@example.fr", "b@example.fr", "c@example.fr"];
    const { results } = await paylinks.send(
      { link: { shopId: "shop-1", amount: 1250, currency: "EUR", orderReference: "Thread", recipients } },
      { actor: makeActor() },
    );
    expect(results.map((r) => [r.reference, r.deliveryStatus])).toEqual([
      ["Thread-001", "SENT"],
      ["Thread-002", "SENT"],
      ["Thread-003", "SENT"],
    ]);
    expect(transport.messages.map((message) => message.to).sort()).toEqual(recipients);
    const { links } = await store.listLinks({}, { limit: 10 });
    expect(links.map((link) => link.delivery.status)).toEqual(["SENT", "SENT", "SENT"]);
  }, 60_000);
});

describe("createPgliteThread: opening and closing", () => {
  it("keeps a folder's database across a close and a new thread", async () => {
    const folder = await mkdtemp(join(tmpdir(), "paylinks-thread-"));
    try {
      const first = await createPgliteThread({ dataDir: join(folder, "db") });
      await first.query("create table kept (v text)");
      await first.query("insert into kept values ($1)", ["still here"]);
      await first.close();
      const second = await createPgliteThread({ dataDir: join(folder, "db") });
      expect((await second.query("select v from kept")).rows).toEqual([{ v: "still here" }]);
      await second.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("rejects every call after close(), and a second close() does nothing", async () => {
    const db = await createPgliteThread();
    await db.close();
    await expect(db.query("select 1")).rejects.toThrow("The PGlite thread is closed.");
    await expect(db.transaction(async () => 1)).rejects.toThrow("The PGlite thread is closed.");
    await expect(db.close()).resolves.toBeUndefined();
  }, 60_000);

  it("rejects the opening when PGlite cannot be loaded", async () => {
    await expect(createPgliteThread({ module: join(root, "no-such-pglite.cjs") })).rejects.toThrow(
      /Cannot find module/,
    );
  });

  it("does not keep the process alive while no statement runs", async () => {
    const script = [
      `import { createPgliteThread } from ${JSON.stringify(join(root, "src/adapters/postgres/index.ts"))};`,
      "const db = await createPgliteThread();",
      "console.log(JSON.stringify((await db.query('select 7 as n')).rows));",
    ].join("\n");
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 50_000);
    const [code, signal] = await once(child, "exit");
    clearTimeout(killer);
    expect({ code, signal, output: output.trim() }).toEqual({ code: 0, signal: null, output: '[{"n":7}]' });
  }, 60_000);
});
