import type { Actor } from "../../actor/actor";
import type { Paylinks } from "../../service/create-paylinks";
import type { HttpLocale } from "../http-messages";
import type { Json } from "../json-output";
import type { RequestSchema } from "../schemas/request-schemas";

/** What an operation gets once the request is read and checked. Internal. */
export interface OperationInput {
  /** The service. */
  readonly paylinks: Paylinks;
  /** The request. */
  readonly request: Request;
  /** The path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The body, checked against the operation's schema (`undefined` when it has none or none was sent). */
  readonly body: unknown;
  /** The query, checked against the operation's schema. */
  readonly query: Readonly<Record<string, string | undefined>>;
  /** The acting user, for the operations that need one. */
  readonly actor: Actor;
  /** The language of issue messages. */
  readonly locale: HttpLocale;
  /** The body limit. */
  readonly maxBodyBytes: number;
}

/** What an operation answers. Internal. */
export interface OperationOutput {
  /** The HTTP status. */
  readonly status: number;
  /** The JSON body. */
  readonly body: Json;
  /** Headers to add. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** One documented answer of an operation. */
export interface OperationResponse {
  /** What it means. */
  readonly description: string;
  /** The component schema of its body. */
  readonly schema: string;
}

/** One operation of the API: its route, its documentation and what it does. Internal. */
export interface Operation {
  /** The OpenAPI `operationId`. */
  readonly operationId: string;
  /** The method. */
  readonly method: "GET" | "POST" | "PATCH" | "PUT";
  /** The path, with `{name}` parameters. */
  readonly path: string;
  /** One line for the document. */
  readonly summary: string;
  /** The OpenAPI tag. */
  readonly tag: "Orders" | "Links" | "Buyer" | "Platform" | "Service";
  /** `actor`: the `authenticate` function must give an actor (401 otherwise); `public`: no authentication. */
  readonly access: "actor" | "public";
  /** The JSON body's schema; `raw` when the operation reads the bytes itself (the notifications). */
  readonly body?: { readonly schema: RequestSchema; readonly required: boolean } | "raw" | undefined;
  /** The body is a batch: it is limited by `maxBatchBodyBytes` instead of `maxBodyBytes`. */
  readonly batchBody?: true | undefined;
  /** The query's schema. */
  readonly query?: RequestSchema | undefined;
  /** The request headers it reads, for the document. */
  readonly headers?: readonly { readonly name: string; readonly description: string; readonly required: boolean }[];
  /** The answers it gives on success, by status. */
  readonly responses: Readonly<Record<number, OperationResponse>>;
  /** The statuses of the errors it can answer, besides 500. */
  readonly errors: readonly number[];
  /** Does it. */
  run(input: OperationInput): Promise<OperationOutput>;
}
