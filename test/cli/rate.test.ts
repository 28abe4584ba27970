// `--rate` of `paylinks deliver`, `worker` and `serve`: the built command over the embedded defaults (PGlite in
// .paylinks/db, e-mails in .paylinks/outbox).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { json, paylinks, tempFolder } from "./cli-process";

const NOW = "2026-12-01T23:30:00Z";
const removals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const remove of removals) await remove();
});

async function folder(name: string) {
  const { dir, remove } = await tempFolder(name);
  removals.push(remove);
  return { dir, run: (args: string[]) => paylinks(args, { cwd: dir, env: { PAYLINKS_NOW: NOW } }) };
}

describe("--rate", () => {
  it("spaces the e-mails of deliver: three at one per second span two seconds of Date headers", {
    timeout: 60_000,
  }, async () => {
    const { dir, run } = await folder("rate");
    const created = await run([
      "create",
      "--amount",
      "5",
      "--to",
      "a@example.fr;b@example.fr;c@example.fr",
      "--no-deliver",
    ]);
    expect(created.code).toBe(0);
    const delivered = await run(["deliver", "--rate", "1", "--json"]);
    expect(delivered.stderr).toBe("");
    expect(json<{ delivery: { sent: number } }>(delivered).delivery.sent).toBe(3);
    const outbox = join(dir, ".paylinks/outbox");
    const emls = (await readdir(outbox)).filter((name) => name.endsWith(".eml"));
    expect(emls).toHaveLength(3);
    const dates = await Promise.all(
      emls.map(async (name) =>
        Date.parse(/^Date: (.+)\r$/m.exec(await readFile(join(outbox, name), "utf8"))?.[1] ?? ""),
      ),
    );
    // One send per second: the third starts at least two seconds after the first (the headers have whole seconds).
    expect(Math.max(...dates) - Math.min(...dates)).toBeGreaterThanOrEqual(2000);
  });

  it.each(["deliver", "worker", "serve"])(
    "refuses a rate that is not a number above 0 in %s, opening nothing",
    async (command) => {
      const { dir, run } = await folder(`rate-${command}`);
      for (const value of ["0", "-1", "fast", "1e3", "Infinity"]) {
        const refused = await run([command, "--rate", value]);
        expect([refused.code, refused.stderr.trim()]).toEqual([
          2,
          `paylinks: --rate expects a number of e-mails per second above 0, such as 10 or 0.5, not “${value}”.`,
        ]);
      }
      await expect(readdir(join(dir, ".paylinks"))).rejects.toThrow();
    },
  );

  it("is listed in the help of the three commands, in English and French", async () => {
    const { run } = await folder("rate-help");
    for (const command of ["deliver", "worker", "serve"]) {
      expect((await run([command, "--help"])).stdout).toMatch(/--rate <per-second> +The most e-mails sent per second/);
      expect((await run([command, "--help", "--lang", "fr"])).stdout).toMatch(
        /--rate <par-seconde> +Le nombre maximal/,
      );
    }
  });
});
