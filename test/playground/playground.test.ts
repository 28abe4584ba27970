/**
 * The browser playground (docs/playground/), driven in headless Chromium: Debian's /usr/bin/chromium through
 * playwright-core, never a downloaded browser. Without /usr/bin/chromium the test is skipped, unless CI is set:
 * there it must run, and fails. The page is served by .scripts/serve-playground.mjs on a free port of 127.0.0.1
 * and loads dist/index.js, so build first (`npm test` does). A screenshot is saved to .test-results/playground.png.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
const onCi = !["", "0", "false"].includes(process.env.CI ?? "");
const skipReason =
  existsSync(CHROMIUM) || onCi
    ? undefined
    : `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the playground test. ` +
      "It is skipped only outside CI; with CI set it fails instead.";
const SCREENSHOT = `${root}.test-results/playground.png`;
const NBSP = "\u00a0";

let setupError: unknown;
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let origin: string;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

/** Starts the static server with PORT=0 and resolves with the page's URL that it prints. */
function startServer(): Promise<string> {
  const child = spawn(process.execPath, [".scripts/serve-playground.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the playground server did not start:\n${output}`)), 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/docs\/playground\//.exec(output)?.[0];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the playground server exited with code ${String(code)}:\n${output}`));
    });
  });
}

/** Waits a little for dist/index.js, which a build running at the same time removes and writes again. */
async function waitForBuild(): Promise<void> {
  for (let waited = 0; !existsSync(`${root}dist/index.js`); waited += 250) {
    if (waited >= 15_000) throw new Error("dist/index.js is missing: run `npm run build` first");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const issuesOf = (key: string) => page.locator(`[data-issues="${key}"]`).textContent();
const references = () => page.locator("#links td.reference").allTextContents();
const srcdoc = async () => (await page.locator("#preview").getAttribute("srcdoc")) ?? "";

describe("the browser playground", () => {
  beforeAll(async () => {
    if (skipReason !== undefined) {
      console.warn(`test/playground is skipped: ${skipReason}`);
      return;
    }
    // A failure here fails every test below, so that the run counts them as failed, not skipped.
    await openPage().catch((error: unknown) => {
      setupError = error;
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    if (server !== undefined && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  });

  /** Skips the test without chromium outside CI, and fails it when the page could not be opened. */
  function ready(context: TestContext): void {
    context.skip(skipReason !== undefined, skipReason);
    if (setupError !== undefined) throw setupError;
  }

  async function openPage(): Promise<void> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing and CI is set: install Debian's chromium (apt-get install chromium)`);
    }
    await waitForBuild();
    const url = await startServer();
    origin = new URL(url).origin;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    page.on("request", (request) => {
      const requested = request.url();
      if (!requested.startsWith(`${origin}/`) && !requested.startsWith("data:")) foreignRequests.push(requested);
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(url);
    await page.locator("body[data-ready]").waitFor({ timeout: 10_000 });
  }

  it("shows the issue of an invalid address next to the recipients field as the merchant types", async (context) => {
    ready(context);
    await page.locator("#amount").fill("49,90");
    await page.locator("#orderReference").fill("Recouvrement");
    await page.locator("#recipients").pressSequentially("marie@example.fr; paul@; jeanne@example.fr");

    await expect.poll(() => issuesOf("link.recipients")).toContain("“paul@” is not a valid e-mail address");
    expect(await page.locator("#recipients").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#plan-ready").isHidden()).toBe(true);
    expect(await page.locator("#plan-empty-text").textContent()).toBe("Nothing yet: 1 issue to fix in the form.");
  });

  it("plans Recouvrement-001 to -003 and previews the first e-mail in a sandboxed frame", async (context) => {
    ready(context);
    await page.locator("#recipients").fill("marie@example.fr; paul@example.fr; jeanne@example.fr");

    await expect.poll(references).toEqual(["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]);
    expect(await page.locator("#links td.recipient").allTextContents()).toEqual([
      "marie@example.fr",
      "paul@example.fr",
      "jeanne@example.fr",
    ]);
    expect(await issuesOf("link.recipients")).toBe("");
    expect(await page.locator("#preview-to").textContent()).toBe("marie@example.fr (first of 3)");

    const frame = page.locator("#preview");
    expect(await frame.getAttribute("sandbox")).toBe("");
    const html = await srcdoc();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("Recouvrement-001");
    expect(html).not.toContain("Recouvrement-002");
    // The shop's language is French, so the e-mail is too, whatever the language of the page.
    const body = page.frameLocator("#preview").locator("body");
    await expect.poll(() => body.textContent()).toContain("Référence de la commande");
    const text = (await body.textContent()) ?? "";
    expect(text).toContain("Recouvrement-001");
    expect(text).toContain(`49,90${NBSP}€`);
    expect(text).toMatch(/https:\/\/pay\.example\.com\/t\/[\w-]{21}/);
  });

  it("switches the page and its validation messages to French", async (context) => {
    ready(context);
    await page.locator("#amount").fill("49,999");
    await expect
      .poll(() => issuesOf("link.amount"))
      .toBe("EUR has 2 decimals: enter at most 2 digits after the separator.");

    await page.locator('[data-locale="fr"]').click();
    await expect
      .poll(() => issuesOf("link.amount"))
      .toBe(`EUR a 2 décimales${NBSP}: saisissez au plus 2 chiffres après la virgule.`);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await page.locator("#step-link > legend").textContent()).toContain("Paramétrer le lien");
    expect(await page.locator('[data-locale="fr"]').getAttribute("aria-pressed")).toBe("true");

    await page.locator("#amount").fill("49,90");
    await expect.poll(references).toEqual(["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]);
    expect(await page.locator("#plan-summary").textContent()).toContain(`3 liens de 49,90${NBSP}€`);
  });

  it("re-fills the default message when the e-mail language changes", async (context) => {
    ready(context);
    await page.locator("#language").selectOption("en");
    await expect.poll(() => page.locator("#subject").inputValue()).toBe("%shop_name%: your payment link");
    await expect.poll(srcdoc).toContain("Hello,");

    await page.locator("#language").selectOption("fr");
    await expect.poll(() => page.locator("#subject").inputValue()).toBe(`%shop_name%${NBSP}: votre lien de paiement`);
    await expect.poll(srcdoc).toContain("Bonjour,");
  });

  it("loads nothing but its own files, and saves a screenshot", async (context) => {
    ready(context);
    await page.locator("#bccShopManager").check();
    await expect.poll(() => page.locator("#plan-bcc").textContent()).toContain("gerant@librairie-durand.fr");
    mkdirSync(`${root}.test-results`, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
