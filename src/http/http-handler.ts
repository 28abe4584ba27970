import type { Actor } from "../actor/actor";
import { en } from "../issues/messages-en";
import { PaylinksError } from "../issues/paylinks-error";
import { fr } from "../locales/fr/messages-fr";
import type { Paylinks } from "../service/create-paylinks";
import { errorResponse } from "./error-response";
import { localeOf } from "./http-messages";
import { HttpProblem } from "./http-problem";
import { matchPath } from "./match-path";
import { type OpenApiOptions, openApiDocument } from "./openapi-document";
import type { Operation } from "./operations/operation";
import { OPERATIONS } from "./operations/operation-list";
import { DEFAULT_MAX_BATCH_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, readJson } from "./read-body";
import { checkInput } from "./schemas/check-input";

/** A web-standard request handler: it runs on node:http (see `createNodeListener`), Bun, Deno, Hono, Next.js… */
export type HttpHandler = (request: Request) => Promise<Response>;

/** The options of {@link createHttpHandler}. */
export interface HttpHandlerOptions {
  /** The service. */
  readonly paylinks: Paylinks;
  /**
   * Finds the acting user of a request (from a session cookie, a bearer token, an API key…): paylinks has no user
   * store. `undefined` answers 401. It is called only for the operations that need an actor, never for the
   * buyer's token lookup, the notifications, the health check or the document.
   */
  readonly authenticate: (request: Request) => Actor | undefined | Promise<Actor | undefined>;
  /**
   * The largest body accepted, in bytes; a larger one answers 413 before it is read.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxBodyBytes?: number | undefined;
  /**
   * The largest body of `POST /batches` and `POST /batches/preview`, in bytes: a batch holds one row per
   * recipient, so it is allowed more than the other operations. A larger one answers 413 before it is read.
   * @defaultValue 16777216 (16 MiB)
   */
  readonly maxBatchBodyBytes?: number | undefined;
  /**
   * The path the API is mounted under, such as `"/api"`: it is removed from the request's path before routing.
   * @defaultValue `""`
   */
  readonly basePath?: string | undefined;
  /** The `/openapi.json` document's title, version and server URL. */
  readonly openApi?: OpenApiOptions | undefined;
  /**
   * Told of every unexpected error (a 500): log it. The answer itself says nothing about it.
   * @defaultValue none
   */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** The operations of a path, and its parameters. */
function route(path: string): { operation: Operation; params: Record<string, string> }[] {
  const found: { operation: Operation; params: Record<string, string> }[] = [];
  for (const operation of OPERATIONS) {
    const params = matchPath(operation.path, path);
    if (params) found.push({ operation, params });
  }
  return found;
}

/** The query as a record: one value per name, repeated names joined with commas (`?mode=A&mode=B` = `A,B`). */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  return query;
}

/**
 * Creates the HTTP API of a paylinks service: a framework-free handler from a web-standard `Request` to a
 * `Response`, for node:http (with `createNodeListener`), Bun, Deno, Hono or Next.js route handlers, unchanged.
 *
 * It routes to the service's use cases (orders, links, the buyer's token lookup, the platform's notifications,
 * health) and serves the OpenAPI 3.1 document at `/openapi.json`. Bodies are `application/json` in UTF-8, at most
 * `maxBodyBytes`; their fields and JSON types are checked against the same schemas the document shows, so an
 * unknown field or a wrong type answers 422 with every issue (`field_unknown`, `type_invalid`) before the service
 * is called, and the service's own rules answer 422 with theirs. Every error is JSON,
 * `{ "error": { "code", "message", "detail", "issues", "details" } }`, with a stable code and the message in the
 * language of `Accept-Language` (French or English). Answers are never cached (`Cache-Control: no-store`): they
 * hold payment links.
 *
 * @param options - The service, how to find the actor, the body limit and the base path.
 * @returns The handler.
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { createHttpHandler, createNodeListener } from "paylinks/http";
 *
 * const handler = createHttpHandler({
 *   paylinks,
 *   authenticate: (request) => (request.headers.get("authorization") === `Bearer ${apiKey}` ? actor : undefined),
 * });
 * createServer(createNodeListener(handler)).listen(8080, "127.0.0.1");
 * ```
 */
export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  const { paylinks, authenticate } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBatchBodyBytes = options.maxBatchBodyBytes ?? DEFAULT_MAX_BATCH_BODY_BYTES;
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  let document: unknown;

  const handle = async (request: Request, locale: "en" | "fr"): Promise<Response> => {
    const url = new URL(request.url);
    if (basePath !== "" && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
      throw new HttpProblem(404, "route_not_found");
    }
    const path = url.pathname.slice(basePath.length) || "/";
    if (path === "/openapi.json" && (request.method === "GET" || request.method === "HEAD")) {
      document ??= openApiDocument(options.openApi);
      return Response.json(document, { headers: { "cache-control": "no-cache" } });
    }
    const candidates = route(path);
    if (candidates.length === 0) throw new HttpProblem(404, "route_not_found");
    const match = candidates.find((candidate) => candidate.operation.method === request.method);
    if (!match) {
      const allow = [...new Set(candidates.map((candidate) => candidate.operation.method))].join(", ");
      throw new HttpProblem(405, "method_not_allowed", { headers: { allow } });
    }
    const { operation, params } = match;
    const limit = operation.batchBody ? maxBatchBodyBytes : maxBodyBytes;
    let actor: Actor | undefined;
    if (operation.access === "actor") {
      actor = await authenticate(request);
      if (actor === undefined) {
        throw new PaylinksError("unauthorized", "The request has no actor: authenticate found none in it", {
          details: { reason: "unauthenticated" },
        });
      }
    }
    const catalog = locale === "fr" ? fr : en;
    const query = operation.query ? checkInput(operation.query, queryOf(url), ["query"], catalog) : {};
    let body: unknown;
    if (operation.body !== undefined && operation.body !== "raw") {
      body = await readJson(request, limit);
      if (body !== undefined || operation.body.required) body = checkInput(operation.body.schema, body, [], catalog);
    }
    const output = await operation.run({
      paylinks,
      request,
      params,
      body,
      query: query as Record<string, string | undefined>,
      actor: actor as Actor,
      locale,
      maxBodyBytes: limit,
    });
    return Response.json(output.body, {
      status: output.status,
      headers: { "cache-control": "no-store", ...output.headers },
    });
  };

  return async (request) => {
    const locale = localeOf(request.headers.get("accept-language"));
    try {
      return await handle(request, locale);
    } catch (error) {
      return errorResponse(error, locale, options.onError);
    }
  };
}
