import * as z from "zod/mini";
import type { Operation } from "./operations/operation";
import { OPERATIONS } from "./operations/operation-list";
import type { RequestSchema } from "./schemas/request-schemas";
import { type JsonSchema, RESPONSE_SCHEMAS, schemaRef } from "./schemas/response-schemas";

/** Options of {@link openApiDocument}. */
export interface OpenApiOptions {
  /**
   * The document's `info.title`.
   * @defaultValue `"paylinks"`
   */
  readonly title?: string | undefined;
  /**
   * The document's `info.version`: the version of your API.
   * @defaultValue `"1"`
   */
  readonly version?: string | undefined;
  /**
   * Where the API is served, for the document's `servers`: the URL of the base path.
   * @defaultValue none (the document's own address)
   */
  readonly serverUrl?: string | undefined;
}

/** The OpenAPI document: a plain JSON-able object. */
export interface OpenApiDocument {
  /** The OpenAPI version. */
  readonly openapi: "3.1.0";
  /** The operations, by path then method. */
  readonly paths: Readonly<Record<string, unknown>>;
  /** `info`, `servers`, `tags` and `components`. */
  readonly [key: string]: unknown;
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "Malformed JSON, or an invalid Idempotency-Key header.",
  401: "No actor (authenticate gave none), or a notification's signature is missing, wrong or stale.",
  403: "The actor lacks a permission, a shop or a mode.",
  404: "No such order, link, shop or address.",
  405: "The address does not accept this method.",
  409: "The link's status does not allow it, the Idempotency-Key was used for another body, or the link kept changing.",
  413: "The body is larger than the limit.",
  415: "The body is not application/json in UTF-8.",
  422: "The input has issues: every one is in error.issues, with its code, path and message.",
  500: "An unexpected failure, or a service not set up for the call.",
  503: "The store does not answer.",
};

/** A request schema as JSON Schema, without its `$schema` line (the document's dialect applies). */
function jsonSchemaOf(schema: RequestSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}

const NOTIFICATION_PAYLOAD: JsonSchema = {
  type: "object",
  properties: {
    linkId: { type: "string" },
    status: { type: "string", enum: ["PAID", "REFUSED"] },
    transactionId: { type: "string" },
    at: { type: "string", format: "date-time" },
  },
  required: ["linkId", "status", "transactionId", "at"],
};

function parametersOf(operation: Operation): unknown[] {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = operation.query ? jsonSchemaOf(operation.query) : undefined;
  const inQuery = Object.entries((query?.properties as Record<string, JsonSchema> | undefined) ?? {}).map(
    ([name, schema]) => ({ name, in: "query", required: false, schema }),
  );
  const headers = (operation.headers ?? []).map((header) => ({
    name: header.name,
    in: "header",
    required: header.required,
    description: header.description,
    schema: { type: "string" },
  }));
  return [...inPath, ...inQuery, ...headers];
}

function requestBodyOf(operation: Operation): unknown {
  if (operation.body === undefined) return undefined;
  if (operation.body === "raw") {
    return {
      required: true,
      description: "The exact bytes the signature covers.",
      content: { "application/json": { schema: NOTIFICATION_PAYLOAD } },
    };
  }
  return {
    required: operation.body.required,
    content: { "application/json": { schema: jsonSchemaOf(operation.body.schema) } },
  };
}

function responseOf(description: string, schema: string): unknown {
  return { description, content: { "application/json": { schema: schemaRef(schema) } } };
}

function operationObject(operation: Operation): unknown {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = responseOf(response.description, response.schema);
  }
  const errors = new Set([...operation.errors, ...(operation.access === "actor" ? [401] : []), 500]);
  for (const status of [...errors].sort((a, b) => a - b)) {
    if (responses[status] === undefined) responses[status] = responseOf(ERROR_DESCRIPTIONS[status] ?? "", "Error");
  }
  const body = requestBodyOf(operation);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    parameters: parametersOf(operation),
    ...(body === undefined ? {} : { requestBody: body }),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same operation list and schemas the handler uses:
 * every path, its parameters, its body and every answer it can give, success and error. The handler serves it at
 * `/openapi.json`.
 *
 * @param options - The title, the version and the server URL.
 * @returns The document, a plain JSON-able object.
 * @example
 * ```ts
 * import { openApiDocument } from "paylinks/http";
 *
 * const document = openApiDocument({ title: "Payment links", serverUrl: "https://api.shop.example" });
 * console.log(Object.keys(document.paths).length);
 * ```
 */
export function openApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const item = paths[operation.path] ?? {};
    item[operation.method.toLowerCase()] = operationObject(operation);
    paths[operation.path] = item;
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "openApiDocument",
      summary: "This document.",
      tags: ["Service"],
      responses: { 200: { description: "The OpenAPI 3.1 document.", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: options.title ?? "paylinks",
      version: options.version ?? "1",
      description:
        "Payment links sent by e-mail. Operations of the Orders and Links tags need an actor, as the `authenticate` function of createHttpHandler finds one in the request; the others are public. Errors are JSON with a stable code.",
    },
    ...(options.serverUrl === undefined ? {} : { servers: [{ url: options.serverUrl }] }),
    tags: [
      { name: "Orders", description: "Making orders of links." },
      { name: "Links", description: "Reading and acting on links." },
      { name: "Buyer", description: "The payment page's side." },
      { name: "Platform", description: "The payment platform's notifications." },
      { name: "Service", description: "Health and this document." },
    ],
    paths,
    components: { schemas: { ...RESPONSE_SCHEMAS } },
  };
}
