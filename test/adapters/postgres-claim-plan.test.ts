import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { claimSql } from "../../src/adapters/postgres/claim-links";
import { makeOrderWithLinks } from "../../src/testing";
import { closeSharedClients, DATABASES, sharedClient } from "../support/postgres";

afterAll(closeSharedClients);

/** Every node of a JSON plan, depth first. */
function nodesOf(plan: Record<string, unknown>): Record<string, unknown>[] {
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [plan, ...children.flatMap(nodesOf)];
}

/** The plan the database makes of a claim right after a large order was saved (no statistics on it yet). */
async function claimPlan(client: PostgresClient, schema: string, scoped: boolean, orderId: string) {
  const now = new Date(Date.now() + 60_000).toISOString();
  const params: unknown[] = [now, "worker-1", now, 8, ...(scoped ? [orderId] : [])];
  const result = await client.query(
    `explain (format json) ${claimSql(`"${schema}".paylinks_links`, "email", scoped, "l.id")}`,
    params,
  );
  const raw = result.rows[0]?.["QUERY PLAN"];
  const document = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[];
  return nodesOf(document[0]?.Plan as Record<string, unknown>);
}

for (const kind of DATABASES) {
  describe(`the claim's plan on ${kind}`, () => {
    it("claims one order's e-mails through its own index, in due order, with no sort of the order's links", async () => {
      const client = await sharedClient(kind);
      const schema = `paylinks_plan_${process.pid}_${Date.now().toString(36)}`;
      const store = createPostgresStore({ client, schema });
      try {
        await store.migrate();
        const other = makeOrderWithLinks({ links: 300 });
        await store.saveOrder(other.order, other.links);
        const { order, links } = makeOrderWithLinks({ links: 1000 });
        await store.saveOrder(order, links);

        const scoped = await claimPlan(client, schema, true, order.id);
        expect(scoped.map((node) => node["Index Name"])).toContain("paylinks_links_order_due");
        expect(scoped.map((node) => node["Node Type"])).not.toContain("Sort");
        expect(scoped.map((node) => node["Node Type"])).not.toContain("Bitmap Heap Scan");

        const everyOrder = await claimPlan(client, schema, false, order.id);
        expect(everyOrder.map((node) => node["Index Name"])).toContain("paylinks_links_due");
      } finally {
        await client.query(`drop schema "${schema}" cascade`);
      }
    }, 60_000);
  });
}
