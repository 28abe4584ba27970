import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const biome = join(root, "node_modules", ".bin", "biome");

/** One import in one file of the tree, and the rule message expected (a part of it), or none when allowed. */
interface LayerCase {
  readonly file: string;
  readonly from: string;
  readonly refused: string | undefined;
}

const STEPS = "The three steps are siblings";
const CORE = "The core (and ports/) never imports";
const IO = "The core does no I/O";
const SERVICE = "service/ works over the ports";
const SERVICE_CLIENTS = "service/ takes its store and transport";
const ADAPTER = "An adapter implements a port";
const ADAPTER_CLIENTS = "Adapters take their client by shape";
const TESTING = "The conformance suites test a port";
const HTTP = "http/ is a front of the service";
const HTTP_CLIENTS = "http/ reaches storage and mail only through the service";

const CASES: readonly LayerCase[] = [
  // The three steps are siblings.
  { file: "src/link/a.ts", from: "../advanced/advanced-parameters", refused: STEPS },
  { file: "src/link/a.ts", from: "../message/message-template", refused: STEPS },
  { file: "src/advanced/a.ts", from: "../link/link-parameters", refused: STEPS },
  { file: "src/message/a.ts", from: "../advanced/advanced-parameters", refused: STEPS },
  { file: "src/message/a.ts", from: "../order/plan-order", refused: STEPS },
  // Shared helpers import no step, nor the ports.
  { file: "src/money/a.ts", from: "../link/link-parameters", refused: STEPS },
  { file: "src/internal/a.ts", from: "../message/message-template", refused: STEPS },
  { file: "src/issues/a.ts", from: "../ports/order-store", refused: STEPS },
  // What the core may import.
  { file: "src/link/a.ts", from: "../internal/collect", refused: undefined },
  { file: "src/link/a.ts", from: "../issues/issue", refused: undefined },
  { file: "src/order/a.ts", from: "../link/link-parameters", refused: undefined },
  { file: "src/order/a.ts", from: "../message/message-template", refused: undefined },
  { file: "src/ports/a.ts", from: "../order/payment-order-plan", refused: undefined },
  // The core never reaches outward, nor does I/O.
  { file: "src/order/a.ts", from: "../service/create-paylinks", refused: CORE },
  { file: "src/ports/a.ts", from: "../adapters/memory/memory-store", refused: CORE },
  { file: "src/index.ts", from: "./cli/main", refused: CORE },
  { file: "src/shop/a.ts", from: "../testing/make-records", refused: CORE },
  { file: "src/order/a.ts", from: "node:crypto", refused: IO },
  { file: "src/link/a.ts", from: "nanoid", refused: IO },
  { file: "src/link/a.ts", from: "zod/mini", refused: IO },
  // The service works over the ports.
  { file: "src/service/a.ts", from: "../adapters/memory/memory-store", refused: SERVICE },
  { file: "src/service/use-cases/a.ts", from: "../../cli/main", refused: SERVICE },
  { file: "src/service/a.ts", from: "pg", refused: SERVICE_CLIENTS },
  { file: "src/service/a.ts", from: "nanoid", refused: undefined },
  { file: "src/service/a.ts", from: "../ports/order-store", refused: undefined },
  // Adapters implement ports and take their clients by shape.
  { file: "src/adapters/smtp/a.ts", from: "../../service/create-paylinks", refused: ADAPTER },
  { file: "src/adapters/outbox/a.ts", from: "nodemailer", refused: ADAPTER_CLIENTS },
  { file: "src/adapters/postgres/a.ts", from: "@electric-sql/pglite", refused: ADAPTER_CLIENTS },
  { file: "src/adapters/postgres/a.ts", from: "node:crypto", refused: undefined },
  { file: "src/adapters/memory/a.ts", from: "../../ports/order-store", refused: undefined },
  // The conformance suites test through the ports.
  { file: "src/testing/a.ts", from: "../service/create-paylinks", refused: TESTING },
  { file: "src/testing/a.ts", from: "vitest", refused: undefined },
  // The HTTP API calls the service, and nothing under it.
  { file: "src/http/a.ts", from: "../service/create-paylinks", refused: undefined },
  { file: "src/http/operations/a.ts", from: "../../adapters/memory/memory-store", refused: HTTP },
  { file: "src/http/a.ts", from: "../cli/main", refused: HTTP },
  { file: "src/http/a.ts", from: "pg", refused: HTTP_CLIENTS },
  { file: "src/http/a.ts", from: "zod/mini", refused: undefined },
  // The command may use everything.
  { file: "src/cli/a.ts", from: "../service/create-paylinks", refused: undefined },
];

interface Diagnostic {
  readonly category: string;
  readonly message: string;
  readonly location: { readonly path: string };
}

describe("the layer rules of .biome.json (noRestrictedImports per folder)", () => {
  let tree: string;
  let diagnostics: Diagnostic[];

  beforeAll(() => {
    // A copy of the config over a tree of one-import files, linted as the project's own tree is.
    tree = mkdtempSync(join(tmpdir(), "paylinks-layers-"));
    copyFileSync(join(root, ".biome.json"), join(tree, ".biome.json"));
    CASES.forEach((c, index) => {
      const path = join(tree, c.file.replace(/a\.ts$/, `case-${index}.ts`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `import * as imported from "${c.from}";\nexport const value = imported;\n`);
    });
    const run = spawnSync(biome, ["lint", "--reporter=json", "--max-diagnostics=none", "src"], {
      cwd: tree,
      encoding: "utf8",
    });
    const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    diagnostics = report.diagnostics.filter((d) => d.category === "lint/style/noRestrictedImports");
  }, 60_000);

  afterAll(() => {
    if (tree) rmSync(tree, { recursive: true, force: true });
  });

  it.each(CASES.map((c, index) => ({ ...c, index })))("$file importing $from: $refused", ({ file, index, refused }) => {
    const path = file.endsWith("a.ts") ? file.replace(/a\.ts$/, `case-${index}.ts`) : file;
    const found = diagnostics.filter((d) => d.location.path === path).map((d) => d.message);
    if (refused === undefined) expect(found).toEqual([]);
    else expect(found).toEqual([expect.stringContaining(refused)]);
  });
});
