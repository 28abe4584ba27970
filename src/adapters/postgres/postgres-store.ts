import { preview } from "../../internal/preview";
import { PaylinksError } from "../../issues/paylinks-error";
import type { ClaimRequest, DeliveryCompletion, DeliveryQueue, PaymentOrderStore } from "../../ports/delivery-queue";
import type { LinkFilter, LinkPage, PageRequest } from "../../ports/order-store";
import type { DeliveryAttempt, StoredLink, StoredOrder } from "../../ports/payment-order-records";
import { CLAIMS, type ClaimKind, claimSql } from "./claim-links";
import { completeDeliveries, completeDeliveriesSql } from "./complete-deliveries";
import { linkInsert } from "./insert-links";
import { attemptFromRow, LINK_COLUMNS, linkFromRow, orderFromRow, orderValues } from "./row-mapping";
import { migrate, quoteSchema } from "./schema";
import { fixedStatements, inTransaction, isPgPool, type PostgresClient, type SqlQueryable } from "./sql-client";

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A pg `Pool` or a PGlite instance (taken by shape; both are optional peer dependencies). */
  readonly client: PostgresClient;
  /**
   * The PostgreSQL schema that holds the tables; created by `migrate()`.
   * @defaultValue `"public"`
   */
  readonly schema?: string | undefined;
  /**
   * Links inserted per statement when an order is saved.
   * @defaultValue 5000
   */
  readonly insertBatchSize?: number | undefined;
  /**
   * Whether the delivery statements (the claim, the write of delivery outcomes, the link update) go as named
   * statements, which a pg `Pool`'s connections parse and plan once each: less work for the server on every
   * e-mail. Only a pg `Pool` accepts them; set `false` for an object that looks like one (it has `connect` and
   * `totalCount`) but only forwards `query(text, params)`.
   * @defaultValue `true` for a pg `Pool`, `false` for PGlite and any other client
   */
  readonly preparedStatements?: boolean | undefined;
}

/** The PostgreSQL store: the port, plus `migrate()`. */
export interface PostgresStore extends PaymentOrderStore {
  /**
   * Records many attempts and their links' delivery states in one statement (see
   * {@link DeliveryQueue.completeDeliveries}).
   */
  completeDeliveries(completions: readonly DeliveryCompletion[]): Promise<boolean[]>;
  /** Creates or upgrades the tables; safe to run again and from several processes. Returns the versions applied. */
  migrate(): Promise<number[]>;
}

const ORDER_COLUMNS =
  "id, shop_id, mode, amount, currency, reference, buyer_reference, advanced, message, bcc, created_at, created_by, link_count, idempotency_key, request_fingerprint";

function encodeCursor(link: StoredLink): string {
  return Buffer.from(JSON.stringify([link.createdAt.toISOString(), link.id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through
  }
  throw new PaylinksError("invalid_request", "The page cursor is not one this store produced", {
    details: { cursor: preview(cursor) },
  });
}

/**
 * A {@link PaymentOrderStore} on PostgreSQL, through a pg `Pool` or an embedded PGlite database. Every query is
 * parameterised; amounts are `bigint` columns and instants `timestamptz`. An order of any size is saved in one
 * transaction with one insert per `insertBatchSize` links. Claims use `FOR UPDATE SKIP LOCKED`, so several
 * workers on one database never claim the same link while its lease runs; updates check the version.
 *
 * @param options - The client and the schema.
 * @returns The store; call `migrate()` once before using it.
 * @example
 * ```ts
 * import pg from "pg";
 * import { createPostgresStore } from "paylinks/postgres";
 *
 * const store = createPostgresStore({ client: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await store.migrate();
 * ```
 */

export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const { client } = options;
  const schema = options.schema ?? "public";
  const s = quoteSchema(schema);
  const batchSize = Math.max(1, options.insertBatchSize ?? 5000);
  const links = `${s}.paylinks_links`;
  const orders = `${s}.paylinks_orders`;
  const attempts = `${s}.paylinks_delivery_attempts`;
  const completeSql = completeDeliveriesSql(links, attempts);
  /** The delivery path's statements, named on a pg Pool (see `preparedStatements`). */
  const fixed = fixedStatements(client, options.preparedStatements ?? isPgPool(client));
  /** Every column, named: a named statement's result columns must not change when a migration adds one. */
  const linkColumns = LINK_COLUMNS.map(([column]) => `l.${column}`).join(", ");

  /** The claims of each kind: of every order, then of one order. */
  const claimStatements = {
    email: [claimSql(links, "email", false, linkColumns), claimSql(links, "email", true, linkColumns)],
    reminder: [claimSql(links, "reminder", false, linkColumns), claimSql(links, "reminder", true, linkColumns)],
  } as const;

  const updateSet = LINK_COLUMNS.slice(1)
    .map(([column, type], i) => `${column} = $${i + 2}${type === "jsonb" ? "::jsonb" : `::${type}`}`)
    .join(", ");
  const updateLinkSql = `update ${links} set ${updateSet} where id = $1 and version = $${LINK_COLUMNS.length + 1} returning id`;

  const insertBatch = async (tx: SqlQueryable, batch: readonly StoredLink[]): Promise<void> => {
    const insert = linkInsert(links, batch);
    await tx.query(insert.text, insert.values);
  };

  /**
   * Claims at most `limit` due links of one kind, atomically, in the order of their due column (see `claimSql`).
   */
  const claimWhere = async (request: ClaimRequest, kind: ClaimKind, limit: number): Promise<StoredLink[]> => {
    const params: unknown[] = [request.now.toISOString(), request.worker, request.leaseUntil.toISOString(), limit];
    if (request.orderId !== undefined) params.push(request.orderId);
    const result = await fixed(claimStatements[kind][request.orderId === undefined ? 0 : 1], params);
    const column = CLAIMS[kind].column;
    const dueOf = (link: StoredLink): number =>
      (column === "reminder_due_at" ? link.reminders?.nextAt : link.delivery.nextAttemptAt)?.getTime() ?? 0;
    return result.rows
      .map(linkFromRow)
      .sort(
        (a, b) =>
          dueOf(a) - dueOf(b) ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
  };

  return {
    migrate: () => migrate(client, schema),

    async saveOrder(order: StoredOrder, newLinks: readonly StoredLink[]) {
      return inTransaction(client, async (tx) => {
        const inserted = await tx.query(
          `insert into ${orders} (${ORDER_COLUMNS})
           values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13, $14, $15)
           on conflict on constraint paylinks_orders_idempotency do nothing
           returning id`,
          orderValues(order),
        );
        if (inserted.rows.length === 0) return "duplicate" as const;
        for (let start = 0; start < newLinks.length; start += batchSize) {
          await insertBatch(tx, newLinks.slice(start, start + batchSize));
        }
        return "saved" as const;
      });
    },

    async getOrder(id) {
      const result = await client.query(`select * from ${orders} where id = $1`, [id]);
      return result.rows[0] ? orderFromRow(result.rows[0]) : undefined;
    },

    async getLink(id) {
      const result = await client.query(`select * from ${links} where id = $1`, [id]);
      return result.rows[0] ? linkFromRow(result.rows[0]) : undefined;
    },

    async findLinkByToken(token) {
      const result = await client.query(`select * from ${links} where token = $1`, [token]);
      return result.rows[0] ? linkFromRow(result.rows[0]) : undefined;
    },

    async findOrderByIdempotencyKey(shopId, key) {
      const result = await client.query(`select * from ${orders} where shop_id = $1 and idempotency_key = $2`, [
        shopId,
        key,
      ]);
      return result.rows[0] ? orderFromRow(result.rows[0]) : undefined;
    },

    async listLinks(filter: LinkFilter, page: PageRequest): Promise<LinkPage> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: (p: string) => string, value: unknown): void => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (filter.shopIds) add((p) => `shop_id = any(${p}::text[])`, [...filter.shopIds]);
      if (filter.modes) add((p) => `mode = any(${p}::text[])`, [...filter.modes]);
      if (filter.orderId !== undefined) add((p) => `order_id = ${p}`, filter.orderId);
      if (filter.paymentStatuses) add((p) => `payment_status = any(${p}::text[])`, [...filter.paymentStatuses]);
      if (filter.deliveryStatuses) add((p) => `delivery_status = any(${p}::text[])`, [...filter.deliveryStatuses]);
      if (filter.referencePrefix !== undefined) add((p) => `starts_with(reference, ${p})`, filter.referencePrefix);
      if (filter.recipient !== undefined) add((p) => `lower(recipient) = lower(${p})`, filter.recipient);
      if (filter.createdFrom) add((p) => `created_at >= ${p}`, filter.createdFrom.toISOString());
      if (filter.createdTo) add((p) => `created_at < ${p}`, filter.createdTo.toISOString());
      if (filter.createdBy !== undefined) add((p) => `created_by = ${p}`, filter.createdBy);
      if (filter.expiresBefore) add((p) => `expires_at < ${p}`, filter.expiresBefore.toISOString());
      if (page.cursor !== undefined) {
        const [createdAt, id] = decodeCursor(page.cursor);
        params.push(createdAt, id);
        where.push(
          `(created_at, id collate "C") > ($${params.length - 1}::timestamptz, $${params.length} collate "C")`,
        );
      }
      const limit = Math.max(1, Math.floor(page.limit));
      params.push(limit + 1);
      const result = await client.query(
        `select * from ${links} ${where.length ? `where ${where.join(" and ")}` : ""}
         order by created_at, id collate "C" limit $${params.length}`,
        params,
      );
      const found = result.rows.map(linkFromRow);
      const more = found.length > limit;
      const pageLinks = more ? found.slice(0, limit) : found;
      const last = pageLinks[pageLinks.length - 1];
      return { links: pageLinks, nextCursor: more && last ? encodeCursor(last) : undefined };
    },

    async updateLink(link: StoredLink, expectedVersion: number) {
      const values = LINK_COLUMNS.map(([, , value]) => value(link));
      const result = await fixed(updateLinkSql, [...values, expectedVersion]);
      return result.rows.length === 1;
    },

    async claimDueLinks(request: ClaimRequest) {
      const emails = await claimWhere(request, "email", request.limit);
      if (emails.length >= request.limit) return emails;
      // Then the reminders that are due, once the e-mails are served.
      const reminders = await claimWhere(request, "reminder", request.limit - emails.length);
      return [...emails, ...reminders];
    },

    async nextDueAt(orderId?: string) {
      // The e-mails only: a query over the reminders' due column made the embedded PGlite hang under load, so a
      // reminder's retry waits for the next claim (the worker polls every idleMs).
      const result = await client.query(
        `select min(greatest(next_attempt_at, coalesce(lease_expires_at, next_attempt_at))) as due
         from ${links}
         where delivery_status = 'PENDING' and next_attempt_at is not null
           ${orderId === undefined ? "" : "and order_id = $1"}`,
        orderId === undefined ? [] : [orderId],
      );
      const due = result.rows[0]?.due;
      return due === null || due === undefined ? undefined : due instanceof Date ? due : new Date(String(due));
    },

    async recordAttempt(attempt: DeliveryAttempt) {
      await client.query(
        `insert into ${attempts} (link_id, send_count, attempt, at, worker, outcome, message_id, error, reminder)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          attempt.linkId,
          attempt.sendCount,
          attempt.attempt,
          attempt.at.toISOString(),
          attempt.worker,
          attempt.outcome,
          attempt.messageId ?? null,
          attempt.error ?? null,
          attempt.kind === "reminder" ? (attempt.reminder ?? null) : null,
        ],
      );
    },

    completeDeliveries: (completions) => completeDeliveries(fixed, completeSql, completions),

    async listAttempts(linkId: string) {
      const result = await client.query(`select * from ${attempts} where link_id = $1 order by at, id`, [linkId]);
      return result.rows.map(attemptFromRow);
    },
  };
}
