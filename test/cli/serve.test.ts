// `paylinks serve` on the embedded defaults, as a newcomer runs it (docs/http.md): the built command as a process,
// then an order created over HTTP, its token looked up, a signed notification, the link PAID, the e-mails in the
// outbox, and a clean stop on SIGTERM.
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signNotification } from "../../src/service";
import { CLI, cleanEnv, tempFolder } from "./cli-process";

const removals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const remove of removals) await remove();
});

describe("paylinks serve, as a process", () => {
  it("serves the API and runs the worker until SIGTERM, then exits 0", { timeout: 90_000 }, async () => {
    const { dir, remove } = await tempFolder("serve");
    removals.push(remove);
    const apiKey = "key-for-the-serve-test";
    const secret = "secret-for-the-serve-test-0123456789";
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0", "--json"], {
      cwd: dir,
      env: { ...cleanEnv(), PAYLINKS_API_KEY: apiKey, PAYLINKS_NOTIFICATION_SECRET: secret },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
    const lines = (): Record<string, unknown>[] =>
      stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line));
    const waiters: (() => void)[] = [];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      for (const waiter of [...waiters]) waiter();
    });
    const printed = (test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines().find(test);
          if (found) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve(found);
          }
        };
        waiters.push(check);
        check();
        void exited.then(() => reject(new Error(`serve ended:\n${stdout}\n${stderr}`)));
      });
    try {
      const { url } = (await printed((line) => line.type === "listening")) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const auth = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };

      const anonymous = await fetch(`${url}/links`);
      expect(anonymous.status).toBe(401);

      const created = await fetch(`${url}/orders`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({
          link: { shopId: "demo", amount: "25,00", currency: "EUR", recipients: "ana@example.fr;ben@example.fr" },
        }),
      });
      expect(created.status).toBe(201);
      const order = (await created.json()) as { links: { id: string; token: string }[] };
      const [first] = order.links;
      if (!first) throw new Error("no link");

      // The worker sends the two e-mails, in one batch or more.
      const sentSoFar = (): number =>
        lines()
          .filter((line) => line.type === "batch" && line.kind === "deliver")
          .reduce((sum, line) => sum + Number(line.sent), 0);
      await printed(() => sentSoFar() >= 2);
      expect(sentSoFar()).toBe(2);
      expect(
        lines()
          .filter((line) => line.type === "batch")
          .every((line) => line.failed === 0),
      ).toBe(true);

      const page = (await (await fetch(`${url}/pay/${first.token}`)).json()) as { payable: boolean };
      expect(page.payable).toBe(true);

      const body = JSON.stringify({
        linkId: first.id,
        status: "PAID",
        transactionId: "tx-1",
        at: new Date().toISOString(),
      });
      const notified = await fetch(`${url}/notifications`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "paylinks-signature": signNotification(body, secret, new Date()),
        },
        body,
      });
      expect(notified.status).toBe(200);
      const link = (await (await fetch(`${url}/links/${first.id}`, { headers: auth })).json()) as {
        payment: { status: string };
      };
      expect(link.payment.status).toBe("PAID");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, stderr).toBe(0);
    expect(lines().at(-1)).toMatchObject({ type: "stopped", sent: 2 });
    const emails = (await readdir(join(dir, ".paylinks/outbox"))).filter((file) => file.endsWith(".eml"));
    expect(emails).toHaveLength(2);
  });
});
