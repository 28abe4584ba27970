import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpHandler } from "../../http/http-handler";
import { createNodeListener } from "../../http/node-listener";
import { countValue, rateValue, textValue } from "../command-line/read-values";
import type { Command } from "./command";
import { batchJson, batchLine } from "./worker";

/** A secret from the environment, or a random one, printed, when the environment has none. */
function secretOf(env: NodeJS.ProcessEnv, variable: string): { value: string; generated: boolean } {
  const given = env[variable];
  if (given !== undefined && given !== "") return { value: given, generated: false };
  return { value: randomBytes(24).toString("base64url"), generated: true };
}

/** Whether a request carries `Authorization: Bearer <key>`, compared in constant time. */
function hasKey(request: Request, key: Buffer): boolean {
  const header = request.headers.get("authorization") ?? "";
  if (!header.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  return given.length === key.length && timingSafeEqual(given, key);
}

/**
 * `paylinks serve`: the HTTP API (`paylinks/http`) and the worker in one process, on the configured store and mail
 * (the embedded default: PGlite and the `.eml` outbox), until SIGINT or SIGTERM.
 */
export const serveCommand: Command = {
  name: "serve",
  args: [],
  jsonLines: true,
  options: {
    host: { type: "string", value: "address" },
    port: { type: "string", value: "number" },
    concurrency: { type: "string", value: "number" },
    rate: { type: "string", value: "per-second" },
  },

  async run(context, { values }) {
    const { text, io, json } = context;
    const host = textValue(values, "host") ?? "127.0.0.1";
    const port = countValue(values, "port", text, 0) ?? 8080;
    const concurrency = countValue(values, "concurrency", text);
    const ratePerSecond = rateValue(values, "rate", text);
    const apiKey = secretOf(io.env, "PAYLINKS_API_KEY");
    const secret = secretOf(io.env, "PAYLINKS_NOTIFICATION_SECRET");
    const controller = new AbortController();
    const release = io.trapInterrupt((signal) => {
      io.stderr.write(`${text.out.workerStopping(signal)}\n`);
      controller.abort();
    });
    try {
      const runtime = await context.open({ verifyMail: true, notificationSecrets: [secret.value], ratePerSecond });
      const key = Buffer.from(apiKey.value);
      const handler = createHttpHandler({
        paylinks: runtime.paylinks,
        authenticate: (request) => (hasKey(request, key) ? runtime.actor : undefined),
        onError: (error) => io.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`),
      });
      const server = createServer(createNodeListener(handler));
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
      const start = json
        ? [JSON.stringify({ type: "listening", url })]
        : [
            text.out.serveListening(url),
            ...(apiKey.generated ? [text.out.serveGenerated("PAYLINKS_API_KEY", apiKey.value)] : []),
            ...(secret.generated ? [text.out.serveGenerated("PAYLINKS_NOTIFICATION_SECRET", secret.value)] : []),
          ];
      io.stdout.write(`${start.join("\n")}\n`);
      const closed = new Promise<void>((resolve) => {
        controller.signal.addEventListener("abort", () => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
      });
      const summary = await runtime.paylinks.runWorker({
        signal: controller.signal,
        concurrency,
        onBatch: (batch) => {
          const line = json ? JSON.stringify(batchJson(batch, text)) : text.out.workerBatch(batchLine(batch, text));
          io.stdout.write(`${line}\n`);
        },
      });
      await closed;
      return { data: { type: "stopped", ...summary }, lines: [text.out.workerStopped(summary)] };
    } finally {
      release();
    }
  },
};
