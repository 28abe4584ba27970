import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { errorResponse } from "./error-response";
import type { HttpHandler } from "./http-handler";

/** The options of {@link createNodeListener}. */
export interface NodeListenerOptions {
  /**
   * The origin of the request URLs (`https://api.shop.example`), when the `Host` header should not be trusted
   * for it (behind a proxy). The handler only routes on the path.
   * @defaultValue `http://` and the request's `Host`
   */
  readonly origin?: string | undefined;
  /** Told of a failure to write an answer (the client went away). */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** The web-standard request of a node:http one; its body streams, and is aborted when the client goes away. */
function requestOf(incoming: IncomingMessage, origin: string | undefined, signal: AbortSignal): Request {
  const url = new URL(incoming.url ?? "/", origin ?? `http://${incoming.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes a web-standard response to a node:http one. */
async function writeResponse(response: Response, outgoing: ServerResponse, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  outgoing.writeHead(response.status, headers);
  if (response.body === null || head) {
    await response.body?.cancel();
    outgoing.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!outgoing.write(chunk)) await new Promise((resolve) => outgoing.once("drain", resolve));
  }
  outgoing.end();
}

/**
 * Adapts a web-standard {@link HttpHandler} to node:http: `createServer(createNodeListener(handler))`. The
 * request body streams to the handler (so its size limit stops reading a body too large), and the request is
 * aborted when the client goes away.
 *
 * @param handler - The handler, from `createHttpHandler` or your own.
 * @param options - The origin of the URLs and an error callback.
 * @returns A node:http request listener.
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { createHttpHandler, createNodeListener } from "paylinks/http";
 *
 * createServer(createNodeListener(createHttpHandler({ paylinks, authenticate }))).listen(8080, "127.0.0.1");
 * ```
 */
export function createNodeListener(
  handler: HttpHandler,
  options: NodeListenerOptions = {},
): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  return (incoming, outgoing) => {
    const controller = new AbortController();
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) controller.abort();
    });
    const run = async (): Promise<void> => {
      let response: Response;
      try {
        response = await handler(requestOf(incoming, options.origin, controller.signal));
      } catch (error) {
        response = errorResponse(error, "en", options.onError);
      }
      await writeResponse(response, outgoing, incoming.method === "HEAD");
    };
    run().catch((error: unknown) => {
      options.onError?.(error);
      outgoing.destroy();
    });
  };
}
