import { MODES } from "../../actor/actor";
import { ATTEMPT_OUTCOMES, DELIVERY_STATUSES, PAYMENT_STATUSES } from "../../ports/statuses";
import { inTransaction, type PostgresClient } from "./sql-client";

/** A list of known words as SQL string literals, for a check constraint. Internal. */
function sqlList(values: readonly string[]): string {
  return values
    .map((value) => {
      if (!/^[A-Za-z_]+$/.test(value)) throw new RangeError(`Not a plain word: ${value}`);
      return `'${value}'`;
    })
    .join(", ");
}

/** Quotes a schema name after checking it is a plain identifier. Internal. */
export function quoteSchema(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`Not a plain schema name: ${schema}`);
  return `"${schema}"`;
}

/** The schema versions, in order; each is applied once, in a transaction, and recorded. */
function migrations(s: string): readonly (readonly string[])[] {
  return [
    [
      `create table if not exists ${s}.paylinks_orders (
        id text primary key,
        shop_id text not null,
        mode text not null check (mode in (${sqlList(MODES)})),
        amount bigint not null check (amount > 0),
        currency char(3) not null,
        reference text,
        buyer_reference text,
        advanced jsonb not null,
        message jsonb not null,
        bcc jsonb not null,
        created_at timestamptz not null,
        created_by text not null,
        link_count integer not null,
        idempotency_key text,
        request_fingerprint text,
        constraint paylinks_orders_idempotency unique (shop_id, idempotency_key)
      )`,
      `create table if not exists ${s}.paylinks_links (
        id text primary key,
        order_id text not null references ${s}.paylinks_orders (id),
        shop_id text not null,
        mode text not null check (mode in (${sqlList(MODES)})),
        created_by text not null,
        token text not null unique,
        url text not null,
        reference text,
        recipient text not null,
        position integer not null,
        bcc jsonb not null,
        amount bigint not null check (amount > 0),
        currency char(3) not null,
        buyer_reference text,
        advanced jsonb not null,
        message jsonb not null,
        subject text not null,
        text_body text not null,
        html_body text not null,
        payment_status text not null check (payment_status in (${sqlList(PAYMENT_STATUSES)})),
        delivery_status text not null check (delivery_status in (${sqlList(DELIVERY_STATUSES)})),
        expires_at timestamptz not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null,
        send_count integer not null,
        attempts integer not null,
        next_attempt_at timestamptz,
        lease_owner text,
        lease_expires_at timestamptz,
        last_error text,
        message_id text,
        sent_at timestamptz,
        transaction_id text,
        payment_at timestamptz
      )`,
      `create table if not exists ${s}.paylinks_delivery_attempts (
        id bigserial primary key,
        link_id text not null references ${s}.paylinks_links (id),
        send_count integer not null,
        attempt integer not null,
        at timestamptz not null,
        worker text not null,
        outcome text not null check (outcome in (${sqlList(ATTEMPT_OUTCOMES)})),
        message_id text,
        error text
      )`,
      // Listing pages in creation order, by order, by shop and mode, and by recipient or reference.
      `create index if not exists paylinks_links_created on ${s}.paylinks_links (created_at, id collate "C")`,
      `create index if not exists paylinks_links_order on ${s}.paylinks_links (order_id, created_at, id collate "C")`,
      `create index if not exists paylinks_links_shop_mode on ${s}.paylinks_links (shop_id, mode, created_at, id collate "C")`,
      `create index if not exists paylinks_links_recipient on ${s}.paylinks_links (lower(recipient))`,
      `create index if not exists paylinks_links_reference on ${s}.paylinks_links (reference text_pattern_ops)`,
      // Claiming due links: only the pending ones are indexed.
      `create index if not exists paylinks_links_due on ${s}.paylinks_links (next_attempt_at, created_at, id collate "C")
        where delivery_status = 'PENDING'`,
      // expireDue: running links by expiry.
      `create index if not exists paylinks_links_running_expiry on ${s}.paylinks_links (expires_at)
        where payment_status = 'RUNNING'`,
      `create index if not exists paylinks_attempts_link on ${s}.paylinks_delivery_attempts (link_id, id)`,
    ],
    // 2: when the buyer first opened the link (the token lookup of the payment page; the token is already unique,
    // so indexed).
    [`alter table ${s}.paylinks_links add column if not exists opened_at timestamptz`],
    // 3: the custom message variables a link was rendered with (a batch row's columns), to render it again.
    [`alter table ${s}.paylinks_links add column if not exists variables jsonb`],
    // 4: reminders. The link's reminder state (jsonb, null without a schedule) and when its next reminder is due,
    // indexed for the claim over sent links only; the attempts say which reminder they were for.
    [
      `alter table ${s}.paylinks_links add column if not exists reminders jsonb`,
      `alter table ${s}.paylinks_links add column if not exists reminder_due_at timestamptz`,
      `create index if not exists paylinks_links_reminder_due on ${s}.paylinks_links (reminder_due_at, created_at, id collate "C")
        where delivery_status = 'SENT' and reminder_due_at is not null`,
      `alter table ${s}.paylinks_delivery_attempts add column if not exists reminder integer`,
    ],
    // 5: the claim of one order's due e-mails (send, deliver with orderId): that order's pending links in due
    // order, so that a claim reads as many entries as it takes, whatever the statistics say of a new order.
    [
      `create index if not exists paylinks_links_order_due on ${s}.paylinks_links
        (order_id, next_attempt_at, created_at, id collate "C") where delivery_status = 'PENDING'`,
    ],
  ];
}

/** The latest schema version this code knows. */
export const SCHEMA_VERSION = 5;

/**
 * Creates or upgrades the tables: every version not applied yet, in order, in one transaction, each recorded in
 * `paylinks_schema_versions`. Running it again does nothing; two processes running it at once are serialised by
 * an advisory lock. The schema is created only when missing, so a user who owns an existing schema needs no
 * right on the database. Internal: `PostgresStore.migrate()`.
 * @returns The versions applied by this call.
 */
export async function migrate(client: PostgresClient, schema: string): Promise<number[]> {
  const s = quoteSchema(schema);
  const applied: number[] = [];
  await inTransaction(client, async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext($1))", [`paylinks-migrate:${schema}`]);
    const exists = await tx.query("select 1 from information_schema.schemata where schema_name = $1", [schema]);
    if (exists.rows.length === 0) await tx.query(`create schema ${s}`);
    await tx.query(`create table if not exists ${s}.paylinks_schema_versions (
      version integer primary key,
      applied_at timestamptz not null default now()
    )`);
    const done = await tx.query(`select version from ${s}.paylinks_schema_versions`);
    const have = new Set(done.rows.map((row) => Number(row.version)));
    const steps = migrations(s);
    for (let index = 0; index < steps.length; index++) {
      const version = index + 1;
      if (have.has(version)) continue;
      for (const statement of steps[index] as readonly string[]) await tx.query(statement);
      await tx.query(`insert into ${s}.paylinks_schema_versions (version) values ($1)`, [version]);
      applied.push(version);
    }
  });
  return applied;
}
