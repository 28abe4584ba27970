import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** An SMTP sink on 127.0.0.1 that accepts everything and counts what each recipient receives. */
export interface CountingSink {
  readonly port: number;
  /** Messages accepted per envelope recipient, as written in RCPT TO. */
  readonly received: Map<string, number>;
  /** Errors of client connections (a killed worker resets its connections: ECONNRESET). */
  readonly connectionErrors: Error[];
  close(): Promise<void>;
}

/** Starts a {@link CountingSink}. */
export async function startCountingSink(): Promise<CountingSink> {
  const received = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        for (const rcpt of session.envelope.rcptTo) {
          received.set(rcpt.address, (received.get(rcpt.address) ?? 0) + 1);
        }
        callback();
      });
    },
  });
  // smtp-server re-emits the errors of its connections on the server: without a listener, the connections that a
  // killed worker leaves behind (ECONNRESET) would be uncaught exceptions.
  const connectionErrors: Error[] = [];
  server.on("error", (error: Error) => connectionErrors.push(error));
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return { port, received, connectionErrors, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A delivery worker child process (test/support/delivery-worker.ts) and what it printed so far. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Its output lines: `sent <linkId>`, `failed <linkId>`, `done {…}`. */
  readonly lines: string[];
  /** Resolves with its exit code (`null` when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** How many `sent` lines it printed. */
  sent(): number;
  /** What it wrote on stderr. */
  stderr(): string;
}

/** Starts `test/support/delivery-worker.ts` in a child process, delivering the links of `schema` into `port`. */
export function startWorkerProcess(
  schema: string,
  port: number,
  workerId: string,
  leaseMs: number,
  concurrency: number,
  prefetch: number,
): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/support/delivery-worker.ts",
      schema,
      String(port),
      workerId,
      String(leaseMs),
      String(concurrency),
      String(prefetch),
    ],
    { cwd: root, env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const lines: string[] = [];
  let stderr = "";
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    sent: () => lines.filter((line) => line.startsWith("sent ")).length,
    stderr: () => stderr,
  };
}

/** Polls `condition` every 10 ms until it holds; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
