import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { isTimeZone } from "../../calendar/zoned-time";
import { getCurrency } from "../../money/get-currency";
import type { ShopConfig } from "../../shop/shop-config";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import type { CliText } from "../text/cli-text";
import { stripComments } from "./config-comments";
import { CONFIG_FILE_NAME, type ConfigFile } from "./config-file";
import { type ConfigProblem, shapeProblems } from "./config-problems";
import { DEFAULTS, DEMO_SHOP, demoActor } from "./demo-defaults";
import { checkPaymentUrlTemplate } from "./payment-url";
import type { Settings } from "./settings";

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads the config file: the one given with `--config` (which must exist), else `paylinks.config.json` if any. */
async function readConfigFile(
  io: CliIo,
  text: CliText,
  given: string | undefined,
): Promise<{ file: ConfigFile; path: string } | undefined> {
  const path = resolve(io.cwd, given ?? CONFIG_FILE_NAME);
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT" && given === undefined) return undefined;
    const code = (error as { code?: unknown }).code === "ENOENT" ? "config_not_found" : "unreadable_file";
    throw new CliError(
      code,
      code === "config_not_found" ? text.config.notFound(path) : text.usage.unreadableFile(path, messageOf(error)),
      { cause: error, details: { path } },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new CliError("config_invalid", text.config.invalid(path), {
      cause: error,
      details: { path },
      problems: [{ path: "", code: "invalid_json", message: text.config.problems.invalid_json(messageOf(error)) }],
    });
  }
  const file = stripComments(parsed);
  const problems: ConfigProblem[] = shapeProblems(file);
  if (typeof file === "object" && file !== null && !Array.isArray(file)) {
    checkMeaning(file as Record<string, unknown>, problems);
  }
  if (problems.length > 0) {
    throw new CliError("config_invalid", text.config.invalid(path), {
      details: { path },
      problems: problems.map((p) => ({ path: p.path, code: p.kind, message: text.config.problems[p.kind](p.value) })),
    });
  }
  return { file: file as ConfigFile, path };
}

const isText = (value: unknown): value is string => typeof value === "string";

/**
 * The checks a shape cannot express: shops and their time zones and currencies, the default shop, the URL. They
 * look only at values of the right type, so that they run along the shape's checks and every problem is reported.
 */
function checkMeaning(file: Record<string, unknown>, problems: ConfigProblem[]): void {
  const shops = Array.isArray(file.shops) ? (file.shops as unknown[]) : undefined;
  const ids = new Set<string>();
  if (shops?.length === 0) problems.push({ path: "shops", kind: "no_shops" });
  for (const [index, shop] of (shops ?? []).entries()) {
    const { id, timezone, currencies } = (typeof shop === "object" && shop !== null ? shop : {}) as Record<
      string,
      unknown
    >;
    if (isText(id) && ids.has(id)) problems.push({ path: `shops.${index}.id`, kind: "duplicate_shop", value: id });
    if (isText(id)) ids.add(id);
    if (isText(timezone) && !isTimeZone(timezone)) {
      problems.push({ path: `shops.${index}.timezone`, kind: "timezone_invalid", value: timezone });
    }
    for (const [position, code] of (Array.isArray(currencies) ? currencies : []).entries()) {
      if (isText(code) && !getCurrency(code)) {
        problems.push({ path: `shops.${index}.currencies.${position}`, kind: "currency_unknown", value: code });
      }
    }
  }
  const known = shops ? ids : new Set([DEMO_SHOP.id]);
  if (isText(file.defaultShop) && !known.has(file.defaultShop)) {
    problems.push({ path: "defaultShop", kind: "default_shop_unknown", value: file.defaultShop });
  }
  if (isText(file.paymentUrl)) {
    const problem = checkPaymentUrlTemplate(file.paymentUrl);
    if (problem) problems.push({ path: "paymentUrl", kind: problem, value: file.paymentUrl });
  }
}

const fromEnv = (io: CliIo, name: string): string | undefined => {
  const value = io.env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
};

/**
 * Builds the settings: the config file (`--config <file>`, else `paylinks.config.json` in the working directory
 * when there is one), then the environment (`DATABASE_URL`, `SMTP_URL`), which wins over the file, then the
 * embedded defaults (the demo shop and user, PGlite in `.paylinks/db`, the outbox `.paylinks/outbox`). Relative
 * paths of the file are resolved from the file's folder, the defaults from the working directory.
 *
 * @param io - The environment and the working directory.
 * @param text - The messages, for the errors.
 * @param configPath - The `--config` flag, if given.
 * @returns The settings.
 * @throws CliError `config_not_found`, `unreadable_file` or `config_invalid`.
 */
export async function loadSettings(io: CliIo, text: CliText, configPath: string | undefined): Promise<Settings> {
  const read = await readConfigFile(io, text, configPath);
  const file: ConfigFile = read?.file ?? {};
  const base = read ? dirname(read.path) : io.cwd;
  const shops: readonly ShopConfig[] = file.shops ?? [DEMO_SHOP];
  const databaseUrl = fromEnv(io, "DATABASE_URL");
  const smtpUrl = fromEnv(io, "SMTP_URL");
  const from = file.from ?? DEFAULTS.from;
  const configName = read?.path ?? CONFIG_FILE_NAME;
  return {
    shops,
    defaultShopId: file.defaultShop ?? (shops[0] as ShopConfig).id,
    actor: file.actor ?? demoActor(shops.map((shop) => shop.id)),
    paymentUrl: file.paymentUrl ?? DEFAULTS.paymentUrl,
    messageIdDomain: file.messageIdDomain,
    storage: databaseUrl
      ? { kind: "postgres", url: databaseUrl, schema: file.database?.schema, source: "DATABASE_URL" }
      : file.database?.url
        ? { kind: "postgres", url: file.database.url, schema: file.database.schema, source: configName }
        : {
            kind: "embedded",
            dir: resolve(file.database?.dir ? base : io.cwd, file.database?.dir ?? DEFAULTS.databaseDir),
          },
    mail: smtpUrl
      ? { kind: "smtp", url: smtpUrl, from, source: "SMTP_URL" }
      : file.smtp
        ? { kind: "smtp", url: file.smtp.url, from, source: configName }
        : { kind: "outbox", dir: resolve(file.outbox ? base : io.cwd, file.outbox ?? DEFAULTS.outboxDir), from },
    configFile: read?.path,
  };
}
