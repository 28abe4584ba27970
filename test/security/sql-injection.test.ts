/**
 * Security review, point 5 (docs/security.md#5-sql-injection): hostile text reaches PostgreSQL only as bound
 * parameters. Through the service on the PostgreSQL store (PGlite always, the server too when DATABASE_URL is
 * set): hostile buyer references, tricky references and recipients are stored and read back unchanged, hostile
 * filters and cursors match literally or are refused, the tables survive, and every statement sent has as many
 * parameters as placeholders and none of the hostile text. A static check reads src/adapters/postgres and
 * allows only known identifiers inside the `${…}` of SQL templates.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaptureTransport } from "../../src/adapters/memory";
import {
  createPostgresStore,
  type PgliteLike,
  type PgPoolLike,
  type PostgresClient,
  type PostgresStore,
  type SqlQueryable,
} from "../../src/adapters/postgres";
import { PaylinksError } from "../../src/index";
import type { StoredLink } from "../../src/ports";
import type { Paylinks } from "../../src/service";
import { makeActor, makeShop } from "../support/fixtures";
import { closeSharedClients, DATABASES, sharedClient } from "../support/postgres";
import { OWNER, serviceOver } from "./support";

/** One statement as the store sent it. */
interface Sent {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A client that records every statement, on a pg Pool (and the connections it lends) or a PGlite database. */
function recording(client: PostgresClient, log: Sent[]): PostgresClient {
  const wrap = (queryable: SqlQueryable) => (text: string, params?: unknown[]) => {
    log.push({ sql: text, params: params ?? [] });
    return queryable.query(text, params);
  };
  if ("transaction" in client && typeof client.transaction === "function") {
    const db = client as PgliteLike;
    return {
      query: wrap(db),
      transaction: (fn) => db.transaction((tx) => fn({ query: wrap(tx) })),
    } satisfies PgliteLike;
  }
  const pool = client as PgPoolLike;
  return {
    query: wrap(pool),
    connect: async () => {
      const connection = await pool.connect();
      return { query: wrap(connection), release: (error?: Error | boolean) => connection.release(error) };
    },
  } satisfies PgPoolLike;
}

/** Buyer references made to break SQL built by concatenation; each is a valid buyer reference (≤ 64, printable). */
const HOSTILE_BUYER_REFERENCES = [
  "'; DROP TABLE paylinks_links; --",
  "\\' OR 1=1 --",
  "$1",
  "$1::text); DELETE FROM paylinks_orders; --",
  "%_",
  '") OR ("1"="1',
  "E'\\x27' || chr(39)",
  "💸👩‍👩‍👧‍👦🇫🇷 emoji",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder, for code that interpolates
  "${s}.paylinks_links",
  "NULL",
  "/* comment */ -- x",
  "\\\\ backslashes \\",
];

/** References the reference rule allows (A–Z a–z 0–9 - _) that still look like SQL or LIKE syntax. */
const TRICKY_REFERENCES = ["--", "-_-", "_", "__", "A_1", "AB1", "DROP_TABLE--", "OR-1-1", "x--y", "0"];

/** Valid addresses whose local part holds quotes, comment markers and LIKE wildcards. */
const TRICKY_RECIPIENTS = [
  "o'neil@example.fr",
  "'or'1'='1@example.fr",
  "x%_$1@example.fr",
  "a/*b*/@example.fr",
  "{}|~^`@example.fr",
  "'--@example.fr",
];

const HOSTILE_PREFIXES = ["' OR '1'='1", "%", "_", "\\", "--", "'; DROP TABLE paylinks_links; --", "A_", "$1"];
const HOSTILE_RECIPIENT_FILTERS = ["' OR '1'='1", "%@example.fr", "O'NEIL@EXAMPLE.FR", "X%_$1@EXAMPLE.FR", "_%"];
const FORGED_CURSORS = [
  "%%% not a cursor %%%",
  "' OR 1=1 --",
  Buffer.from(JSON.stringify(["not a date", "x"])).toString("base64url"),
  Buffer.from(JSON.stringify({ createdAt: 1 })).toString("base64url"),
];
/** A cursor of the right shape, made up: it only says where to start, inside what the actor may see. */
const SHAPED_CURSOR = Buffer.from(JSON.stringify(["1970-01-01T00:00:00.000Z", "' OR 1=1 --"])).toString("base64url");

const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(5, "0")}`;
};

describe.each(DATABASES)("the service on the PostgreSQL store (%s) with hostile text", (kind) => {
  const log: Sent[] = [];
  const schema = `paylinks_sec_${process.pid}_${Date.now().toString(36)}_${kind}`;
  const other = makeActor({ id: "user-9", shopIds: ["shop-2"] });
  let raw: PostgresClient;
  let store: PostgresStore;
  let paylinks: Paylinks;
  const created: StoredLink[] = [];

  beforeAll(async () => {
    raw = await sharedClient(kind);
    store = createPostgresStore({ client: recording(raw, log), schema });
    await store.migrate();
    paylinks = serviceOver(store, createCaptureTransport(), {
      shops: [makeShop(), makeShop({ id: "shop-2", name: "Autre boutique" })],
      generateId: ids(`sql-${kind}`),
    }).paylinks;
    for (const [i, buyerReference] of HOSTILE_BUYER_REFERENCES.entries()) {
      const { links } = await paylinks.createOrder(
        {
          link: {
            shopId: "shop-1",
            amount: 4990 + i,
            currency: "EUR",
            orderReference: TRICKY_REFERENCES[i % TRICKY_REFERENCES.length],
            recipients: [TRICKY_RECIPIENTS[i % TRICKY_RECIPIENTS.length] as string],
            buyerReference,
          },
        },
        { actor: OWNER, idempotencyKey: `'; DROP TABLE paylinks_orders; -- ${i}` },
      );
      created.push(...links);
    }
    // Another shop's link, which no listing of the owner may show.
    const foreign = await paylinks.createOrder(
      { link: { shopId: "shop-2", amount: 100, currency: "EUR", recipients: "o'neil@example.fr" } },
      { actor: other },
    );
    created.push(...foreign.links);
  }, 60_000);

  afterAll(async () => {
    await raw?.query(`drop schema if exists "${schema}" cascade`);
    await closeSharedClients();
  });

  const owners = () => created.filter((link) => link.shopId === "shop-1");
  const listed = async (filter: Parameters<Paylinks["listLinks"]>[0], cursor?: string) =>
    (await paylinks.listLinks(filter, { limit: 1000, cursor }, { actor: OWNER })).links.map((link) => link.id).sort();

  it("stores and reads back every hostile buyer reference, reference and recipient unchanged", async () => {
    for (const [i, link] of owners().entries()) {
      const read = await paylinks.getLink(link.id, { actor: OWNER });
      expect(read.buyerReference).toBe(HOSTILE_BUYER_REFERENCES[i]);
      expect(read.reference).toBe(TRICKY_REFERENCES[i % TRICKY_REFERENCES.length]);
      expect(read.recipient).toBe(TRICKY_RECIPIENTS[i % TRICKY_RECIPIENTS.length]);
      expect(read).toEqual(link);
      const order = await paylinks.getOrder(link.orderId, { actor: OWNER });
      expect(order.buyerReference).toBe(HOSTILE_BUYER_REFERENCES[i]);
      expect(order.idempotencyKey).toBe(`'; DROP TABLE paylinks_orders; -- ${i}`);
    }
  });

  it.each(HOSTILE_PREFIXES)("matches the reference prefix %j literally", async (referencePrefix) => {
    const expected = owners()
      .filter((link) => link.reference?.startsWith(referencePrefix))
      .map((link) => link.id)
      .sort();
    expect(await listed({ referencePrefix })).toEqual(expected);
  });

  it("matches each tricky reference as a prefix of itself and of nothing it does not start", async () => {
    expect(await listed({ referencePrefix: "A_" })).toEqual(
      owners()
        .filter((link) => link.reference === "A_1")
        .map((link) => link.id),
    );
    expect(await listed({ referencePrefix: "_" })).toHaveLength(
      owners().filter((link) => link.reference?.startsWith("_")).length,
    );
  });

  it.each(HOSTILE_RECIPIENT_FILTERS)("matches the recipient %j literally, without case", async (recipient) => {
    const expected = owners()
      .filter((link) => link.recipient.toLowerCase() === recipient.toLowerCase())
      .map((link) => link.id)
      .sort();
    expect(await listed({ recipient })).toEqual(expected);
  });

  it("finds no order for a hostile order id, and no other shop's link for a hostile filter", async () => {
    expect(await listed({ orderId: "' OR '1'='1" })).toEqual([]);
    expect(await listed({ orderId: "%" })).toEqual([]);
    const all = await listed({});
    expect(all).toEqual(
      owners()
        .map((link) => link.id)
        .sort(),
    );
  });

  it.each(FORGED_CURSORS)("refuses the forged cursor %j", async (cursor) => {
    const error = await paylinks.listLinks({}, { cursor }, { actor: OWNER }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PaylinksError);
    expect((error as PaylinksError).message).not.toContain(cursor);
  });

  it("reads a made-up cursor of the right shape only as a position, inside what the actor may see", async () => {
    expect(await listed({}, SHAPED_CURSOR)).toEqual(
      owners()
        .map((link) => link.id)
        .sort(),
    );
  });

  // FINDING F2 (src/adapters/postgres/postgres-store.ts decodeCursor, listLinks): a cursor the store did not make
  // throws a RangeError, or reaches PostgreSQL and fails its cast, and a page limit that is not a number reaches
  // `limit $n` as NaN; the service reports both as `storage_failed`, an infrastructure error, where the memory
  // store (and docs/service.md) say `invalid_request`. The request is refused either way, but an HTTP layer that
  // maps storage_failed to 500 and alerts on it can be made to page someone by any client, and the RangeError
  // (the `cause`) repeats the whole cursor. Expected: invalid_request, as with the memory store.
  it("reports a forged cursor as invalid_request, as the memory store does", async () => {
    await expect(paylinks.listLinks({}, { cursor: FORGED_CURSORS[0] }, { actor: OWNER })).rejects.toMatchObject({
      code: "invalid_request",
    });
  });

  it("reports a page limit that is not a number as invalid_request, as the memory store does", async () => {
    await expect(paylinks.listLinks({}, { limit: Number.NaN }, { actor: OWNER })).rejects.toMatchObject({
      code: "invalid_request",
    });
  });

  it("still has its four tables, with every row written", async () => {
    for (const table of [
      "paylinks_orders",
      "paylinks_links",
      "paylinks_delivery_attempts",
      "paylinks_schema_versions",
    ]) {
      const found = await raw.query("select to_regclass($1) as name", [`"${schema}".${table}`]);
      expect(found.rows[0]?.name, table).not.toBeNull();
    }
    const links = await raw.query(`select count(*)::int as n from "${schema}".paylinks_links`);
    const orders = await raw.query(`select count(*)::int as n from "${schema}".paylinks_orders`);
    expect(Number(links.rows[0]?.n)).toBe(created.length);
    expect(Number(orders.rows[0]?.n)).toBe(HOSTILE_BUYER_REFERENCES.length + 1);
  });

  it("sent every statement with one bound parameter per placeholder, and no hostile text in any statement", () => {
    expect(log.length).toBeGreaterThan(50);
    const hostile = [
      // "$1" is also a placeholder of the store's own SQL: it is looked for in the parameters below.
      ...HOSTILE_BUYER_REFERENCES.filter((text) => text !== "$1"),
      ...TRICKY_RECIPIENTS,
      ...HOSTILE_PREFIXES.filter((prefix) => prefix.length > 2),
      ...HOSTILE_RECIPIENT_FILTERS.filter((filter) => filter.length > 2),
      "DROP TABLE",
      "OR 1=1",
      "' OR '",
    ];
    for (const { sql, params } of log) {
      expect(
        hostile.filter((text) => sql.includes(text)),
        sql,
      ).toEqual([]);
      const placeholders = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
      expect(placeholders.length === 0 ? 0 : Math.max(...placeholders), sql).toBe(params.length);
    }
    // The hostile values did go to the database: as parameters.
    const sentValues = JSON.stringify(log.map((entry) => entry.params));
    for (const text of HOSTILE_BUYER_REFERENCES) expect(sentValues).toContain(JSON.stringify(text).slice(1, -1));
  });

  it("refuses a schema name that is not a plain identifier, before sending anything", () => {
    const before = log.length;
    for (const bad of ['public"; drop table x; --', "a b", "paylinks-links", "", "x".repeat(64)]) {
      expect(() => createPostgresStore({ client: recording(raw, log), schema: bad }), bad).toThrow(RangeError);
    }
    expect(log.length).toBe(before);
  });
});

describe("the SQL of src/adapters/postgres (static check)", () => {
  const dir = join(__dirname, "../../src/adapters/postgres");
  const files = readdirSync(dir).filter((name) => name.endsWith(".ts"));
  const sources = files.map((name) => {
    const text = readFileSync(join(dir, name), "utf8");
    return { name, text, file: ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true) };
  });

  /**
   * What may stand inside `${…}` in SQL text, by file, each built only from constants: the quoted, checked schema
   * name and the table names made from it; column lists and types from LINK_COLUMNS; placeholders `$n` (`p`,
   * numbers from `params.length` or an index); and the WHERE and scope fragments made of those.
   */
  const ALLOWED: Readonly<Record<string, readonly string[]>> = {
    "complete-deliveries.ts": [
      "links",
      "attempts",
      "UNNEST_ARGUMENTS",
      "INPUT_NAMES",
      "SET_LIST",
      "i + 1",
      "type",
      "column",
    ],
    "postgres-store.ts": [
      "s",
      "links",
      "orders",
      "attempts",
      "columnList",
      "updateSet",
      "ORDER_COLUMNS",
      "column",
      "type",
      "p",
      "i + 1",
      "i + 2",
      "params.length",
      "params.length - 1",
      "LINK_COLUMNS.length + 1",
      'where.join(" and ")',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the adapter's source text, as written
      'where.length ? `where ${where.join(" and ")}` : ""',
      'type === "jsonb" ? "text" : type',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the adapter's source text, as written
      'type === "jsonb" ? "::jsonb" : `::${type}`',
      'orderId === undefined ? "" : "and order_id = $1"',
      // The column names of LINK_COLUMNS, each prefixed with the table alias: the claim's returned columns.
      "linkColumns",
    ],
    // The claim: the links table, a constant of CLAIMS (the status and due column of one kind of due links), the
    // order's placeholder or nothing, and the returned columns of LINK_COLUMNS.
    "claim-links.ts": ["links", "where", "column", 'scoped ? "and order_id = $5" : ""', "columns"],
    // The batch insert: placeholders from param() (`$n`), column names and types from LINK_COLUMNS and the text
    // columns, and the lists made of those.
    "insert-links.ts": [
      "values.length",
      "param(first)",
      "type",
      "param(arrayLiteral(columnValues))",
      'type === "jsonb" ? "text" : type',
      "param(arrayLiteral(batch.map(textOf)))",
      "param(shape)",
      "marks.url",
      "url",
      "marks.reference",
      "reference",
      "table",
      "column",
      'columns.join(", ")',
      'columns.map((column) => expressions.get(column)).join(", ")',
      'unnested.join(", ")',
      'names.join(", ")',
    ],
    // The check constraints list the library's own status words (src/ports/statuses.ts, MODES), each checked by
    // sqlList to be a plain word.
    // Not SQL: the name of a named statement, a hex digest of its text.
    "sql-client.ts": ["digest(text)"],
    "schema.ts": [
      "s",
      "sqlList(MODES)",
      "sqlList(PAYMENT_STATUSES)",
      "sqlList(DELIVERY_STATUSES)",
      "sqlList(ATTEMPT_OUTCOMES)",
    ],
  };

  /** Whether a template literal is not SQL: an error message, or a value in a list of bound parameters. */
  const notSql = (node: ts.Node): boolean =>
    (ts.isNewExpression(node.parent) && /Error$/.test(node.parent.expression.getText())) ||
    (ts.isArrayLiteralExpression(node.parent) &&
      ts.isCallExpression(node.parent.parent) &&
      node.parent.parent.arguments[1] === node.parent &&
      /\.query$/.test(node.parent.parent.expression.getText()));

  /** The name of the function declaration a node is in, if any. */
  function enclosingFunction(node: ts.Node): string | undefined {
    for (let up: ts.Node | undefined = node.parent; up; up = up.parent) {
      if (ts.isFunctionDeclaration(up)) return up.name?.text;
    }
    return undefined;
  }

  function visit(node: ts.Node, found: (node: ts.Node) => void): void {
    found(node);
    ts.forEachChild(node, (child) => visit(child, found));
  }

  it("interpolates nothing but allowed identifiers into SQL text", () => {
    const unexpected: string[] = [];
    let spans = 0;
    for (const { name, file } of sources) {
      visit(file, (node) => {
        if (!ts.isTemplateExpression(node) || notSql(node)) return;
        for (const span of node.templateSpans) {
          spans++;
          const expression = span.expression.getText(file);
          // quoteSchema writes the schema name between double quotes after checking it is an identifier, and sqlList
          // writes status words between single quotes after checking each is a plain word.
          const quoting =
            name === "schema.ts" &&
            ((expression === "schema" && enclosingFunction(node) === "quoteSchema") ||
              (expression === "value" && enclosingFunction(node) === "sqlList"));
          if (!quoting && !(ALLOWED[name] ?? []).includes(expression)) unexpected.push(`${name}: \${${expression}}`);
        }
      });
    }
    expect(unexpected).toEqual([]);
    expect(spans).toBeGreaterThan(40);
  });

  it("builds no SQL by + concatenation of strings", () => {
    const concatenations: string[] = [];
    for (const { name, file } of sources) {
      visit(file, (node) => {
        if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.PlusToken) return;
        const stringy = (side: ts.Expression) =>
          ts.isStringLiteral(side) || ts.isNoSubstitutionTemplateLiteral(side) || ts.isTemplateExpression(side);
        if (stringy(node.left) || stringy(node.right)) concatenations.push(`${name}: ${node.getText(file)}`);
      });
    }
    expect(concatenations).toEqual([]);
  });

  it("sends only literal SQL or the statements it builds once, never a value, as the text of a query", () => {
    const texts = new Set<string>();
    for (const { name, file } of sources) {
      visit(file, (node) => {
        // A query, or a call of the store's fixed statements (fixed, and run in completeDeliveries).
        if (!ts.isCallExpression(node) || !/\.query$|^fixed$|^run$/.test(node.expression.getText(file))) return;
        const first = node.arguments[0];
        if (first && !ts.isTemplateExpression(first) && !ts.isStringLiteral(first)) {
          texts.add(`${name}: ${first.getText(file)}`);
        }
      });
    }
    // insert.text is built by linkInsert from LINK_COLUMNS and placeholders, claimStatements once by claimSql, updateLinkSql once from LINK_COLUMNS, sql (completeDeliveriesSql) once from its
    // input columns; statement is one of the migrations. sql-client.ts's fixedStatements hands on the text its
    // callers give it, as it is or as a named statement.
    expect([...texts].sort()).toEqual([
      "complete-deliveries.ts: sql",
      "postgres-store.ts: claimStatements[kind][request.orderId === undefined ? 0 : 1]",
      "postgres-store.ts: insert.text",
      "postgres-store.ts: updateLinkSql",
      "schema.ts: statement",
      "sql-client.ts: text",
      "sql-client.ts: { name, text, values }",
    ]);
  });

  it("quotes the schema name only after checking it is a plain identifier, in both files", () => {
    for (const { name, text } of sources.filter((source) => /\$\{s\}/.test(source.text))) {
      expect(text, name).toMatch(/const s = quoteSchema\(schema\);/);
    }
    const schemaSource = sources.find((source) => source.name === "schema.ts")?.text ?? "";
    expect(schemaSource).toContain("if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new RangeError");
  });
});
