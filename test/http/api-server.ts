import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { type CaptureTransport, createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import { createHttpHandler, createNodeListener, openApiDocument } from "../../src/http";
import type { Actor } from "../../src/index";
import type { PaymentOrderStore } from "../../src/ports";
import { createPaylinks, type Paylinks } from "../../src/service";
import { createFakeClock, type FakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";
import { freshStore } from "../support/postgres";

/** The stores the API tests run on: memory, the embedded PGlite, and the server when DATABASE_URL is set. */
export const API_STORES: readonly ("memory" | "pglite" | "server")[] = process.env.DATABASE_URL
  ? ["memory", "pglite", "server"]
  : ["memory", "pglite"];

/** The secret of the payment platform's notifications in these tests. */
export const NOTIFICATION_SECRET = "whsec_test_0123456789abcdef0123456789abcdef";

/** The API keys of the tests, and their actors: the owner, a reader without the orders right, another shop's. */
export const ACTORS: Readonly<Record<string, Actor>> = {
  "key-owner": makeActor(),
  "key-reader": makeActor({
    id: "user-2",
    permissions: {
      expertBackOffice: true,
      managePaymentOrders: false,
      modes: ["PRODUCTION", "TEST"],
      viewAllOrders: true,
    },
  }),
  "key-other": makeActor({ id: "user-3", shopIds: ["shop-2"] }),
};

/** One answer, as a test reads it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field by the tests
  readonly body: any;
}

/** Options of {@link ApiServer.call}. */
export interface CallInit {
  /** A value sent as JSON, or a string sent as it is. */
  readonly body?: unknown;
  /** The API key (`Authorization: Bearer …`); `null` for none. @defaultValue `"key-owner"` */
  readonly key?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A real node:http server on 127.0.0.1 running the API over a store. */
export interface ApiServer {
  readonly url: string;
  readonly paylinks: Paylinks;
  readonly store: PaymentOrderStore;
  readonly transport: CaptureTransport;
  readonly clock: FakeClock;
  /** Sends a request with fetch; every answer is checked against the OpenAPI document. */
  call(method: string, path: string, init?: CallInit): Promise<Answer>;
  close(): Promise<void>;
}

const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, "openapi.json");

const escapePointer = (part: string): string => part.replaceAll("~", "~0").replaceAll("/", "~1");

/** The document's path template of a request path, found by its own regexes (not the handler's router). */
function templateOf(method: string, path: string): string | undefined {
  const templates = Object.keys(document.paths).filter((template) => {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`);
    return pattern.test(path) && (document.paths[template] as Record<string, unknown>)[method.toLowerCase()];
  });
  // A literal path (/orders/preview) wins over a template (/orders/{orderId}).
  return templates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
}

/**
 * Checks an answer against the document: the operation exists, documents this status, and the body matches its
 * schema. An answer for a path the document does not have must be a JSON error (404 or 405).
 */
export function checkAgainstDocument(method: string, path: string, answer: Answer): void {
  const template = templateOf(method, path.split("?")[0] as string);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  if (template === undefined) {
    expect([404, 405]).toContain(answer.status);
    const validate = ajv.getSchema("openapi.json#/components/schemas/Error");
    expect(validate?.(answer.body), JSON.stringify(validate?.errors)).toBe(true);
    return;
  }
  const responses = (document.paths[template] as Record<string, { responses: Record<string, unknown> }>)[
    method.toLowerCase()
  ]?.responses;
  expect(Object.keys(responses ?? {}), `${method} ${template} documents ${answer.status}`).toContain(
    String(answer.status),
  );
  if (template === "/openapi.json") return;
  const pointer = `openapi.json#/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${answer.status}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  expect(validate(answer.body), `${method} ${path} ${answer.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** Starts the API over a fresh store of a kind. */
export async function startApi(kind: "memory" | "pglite" | "server", maxBodyBytes?: number): Promise<ApiServer> {
  let store: PaymentOrderStore;
  let cleanup = async (): Promise<void> => undefined;
  if (kind === "memory") store = createMemoryStore();
  else {
    const fresh = await freshStore(kind);
    store = fresh.store;
    cleanup = fresh.cleanup;
  }
  const transport = createCaptureTransport();
  const clock = createFakeClock(new Date("2026-12-01T10:00:00Z"));
  let ids = 0;
  const paylinks = createPaylinks({
    store,
    transport,
    shops: [makeShop(), makeShop({ id: "shop-2", name: "Boutique Deux" })],
    clock,
    generateId: () => `${kind}-${String(++ids).padStart(5, "0")}-${Math.random().toString(36).slice(2, 10)}`,
    paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
    delivery: { random: () => 0.5 },
    notifications: { secrets: NOTIFICATION_SECRET },
  });
  const handler = createHttpHandler({
    paylinks,
    authenticate: (request) => {
      const key = request.headers.get("authorization")?.replace(/^Bearer /, "");
      return key === undefined ? undefined : ACTORS[key];
    },
    maxBodyBytes,
  });
  const server: Server = createServer(createNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    paylinks,
    store,
    transport,
    clock,
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      const key = init.key === undefined ? "key-owner" : init.key;
      if (key !== null) headers.authorization = `Bearer ${key}`;
      let body: string | null = null;
      if (init.body !== undefined) {
        body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
        headers["content-type"] ??= "application/json";
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      const answer: Answer = { status: response.status, headers: response.headers, body: JSON.parse(text) };
      checkAgainstDocument(method, path, answer);
      return answer;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cleanup();
    },
  };
}
