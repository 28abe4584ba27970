import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStore } from "../../src/adapters/postgres";
import { describeStoreContract } from "../../src/testing";
import { closeSharedClients, freshStore, STORE_DATABASES, sharedClient } from "../support/postgres";

afterAll(closeSharedClients);

for (const kind of STORE_DATABASES) {
  describe(`postgres store on ${kind}`, () => {
    describeStoreContract(`postgres (${kind})`, () => freshStore(kind), { timeout: 60_000 });

    describe("migrate", () => {
      it("applies version 1 once, and nothing when run again", async () => {
        const client = await sharedClient(kind);
        const schema = `paylinks_migrate_${process.pid}_${Date.now().toString(36)}`;
        const store = createPostgresStore({ client, schema });
        try {
          expect(await store.migrate()).toEqual([1, 2, 3, 4, 5]);
          expect(await store.migrate()).toEqual([]);
          const tables = await client.query(
            "select table_name from information_schema.tables where table_schema = $1 order by table_name",
            [schema],
          );
          expect(tables.rows.map((row) => row.table_name)).toEqual([
            "paylinks_delivery_attempts",
            "paylinks_links",
            "paylinks_orders",
            "paylinks_schema_versions",
          ]);
        } finally {
          await client.query(`drop schema "${schema}" cascade`);
        }
      }, 60_000);

      it("refuses a schema name that is not a plain identifier", () => {
        expect(() =>
          createPostgresStore({ client: { query: async () => ({ rows: [] }) } as never, schema: 'x"; drop' }),
        ).toThrow(RangeError);
      });
    });
  });
}
