import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Bundles `import { name } from "paylinks"` for a browser, minified, as an application would. */
async function bundle(names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from "./dist/index.js";`, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("tree-shaking of the root entry", () => {
  it("leaves the message templates, the plan and zod out of a bundle that imports only validateLinkForm", async () => {
    const code = await bundle("validateLinkForm");
    expect(code).toContain("recipients");
    for (const absent of [
      "Zahlungslink",
      "lien de paiement",
      "<!DOCTYPE html>",
      "formatToParts",
      "ZodMini",
      "~standard",
      // The French catalog: English is the default, other languages are imported from their own subpath.
      "Saisissez",
    ]) {
      expect(code, absent).not.toContain(absent);
    }
  });

  it("keeps the templates in a bundle that imports planPaymentOrder", async () => {
    const code = await bundle("planPaymentOrder");
    expect(code).toContain("Zahlungslink");
    expect(code).toContain("<!DOCTYPE html>");
  });

  it("brings the French catalog only with paylinks/locales/fr, and no template with it", async () => {
    const result = await build({
      stdin: {
        contents: `export { validateLinkForm } from "./dist/index.js"; export { fr } from "./dist/locales/fr/index.js";`,
        resolveDir: root,
        loader: "js",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).toContain("Saisissez un montant");
    expect(code).not.toContain("lien de paiement");
  });

  it("builds a browser bundle of the whole root entry without node built-ins", async () => {
    const code = await bundle("*".replace("*", "validateLinkForm, planPaymentOrder, linkFormSchema, renderMessage"));
    expect(code).not.toMatch(/["']node:/);
  });
});
