import { createMemoryStore } from "../../adapters/memory/memory-store";
import { PaylinksError } from "../../issues/paylinks-error";
import { localeOf } from "../../locales/locale-codes";
import { linkValues } from "../../order/link-values";
import type { PaymentOrderPlan } from "../../order/payment-order-plan";
import type { OrderRequest } from "../../order/payment-order-request";
import { validateRequest } from "../../order/validate-request";
import { createPaylinks } from "../../service/create-paylinks";
import type { DeliveryReport } from "../../service/use-cases/deliver";
import type { ShopConfig } from "../../shop/shop-config";
import type { OptionValues } from "../command-line/option-spec";
import { flagValue, textValue } from "../command-line/read-values";
import { paymentUrlFrom } from "../config/payment-url";
import type { Settings } from "../config/settings";
import { formatInstant, formatMoney } from "../output/format";
import { linkJson, orderJson } from "../output/link-json";
import { linkTable } from "../output/link-lines";
import { progressReporter } from "../output/progress";
import { withSheetRows } from "../output/sheet-issues";
import { table } from "../output/table";
import type { Runtime } from "../runtime/open-runtime";
import type { CliText } from "../text/cli-text";
import type { Command, CommandContext, CommandResult } from "./command";
import { CREATE_REMINDER_FLAGS, createRequest } from "./create-request";
import { deliveryOutcome } from "./delivery-outcome";
import { reminderOptions } from "./reminder-options";

/** How many links a batch's dry run lists: the first rows, then a count of the others. */
const BATCH_PREVIEW_ROWS = 10;

/** The total of a plan's links, one amount per currency, in the order the currencies first appear. */
function totals(plan: PaymentOrderPlan, text: CliText): string[] {
  const sums = new Map<string, number>();
  for (const link of plan.links) {
    const { amount, currency } = linkValues(plan.order, link);
    sums.set(currency, (sums.get(currency) ?? 0) + amount);
  }
  return [...sums].map(([currency, sum]) => formatMoney(sum, currency, text.locale));
}

const pick = ({ amount, currency }: { amount: number; currency: string }) => ({ amount, currency });

function dryRunResult(plan: PaymentOrderPlan, shop: ShopConfig, text: CliText, batch: boolean): CommandResult {
  const { order, links } = plan;
  const shown = batch ? links.slice(0, BATCH_PREVIEW_ROWS) : links;
  const first = links[0];
  const f = text.out.fields;
  const bcc = first?.bcc ?? [];
  const lines = [
    text.out.dryRun,
    ...table(
      [
        [f.shop, `${shop.id} (${shop.name})`],
        [f.mode, order.mode],
        [
          f.amount,
          batch ? text.out.batchTotal(totals(plan, text)) : formatMoney(order.amount, order.currency, text.locale),
        ],
        [f.expires, `${formatInstant(order.advanced.expiresAt, shop.timezone)} (${shop.timezone})`],
        [f.language, order.advanced.language],
        [f.bcc, bcc.length > 0 ? bcc.join(", ") : "—"],
        [f.links, String(links.length)],
      ].filter((row): row is [string, string] => row[1] !== undefined),
    ),
    "",
    ...table(
      batch
        ? [
            [text.out.columns.reference, text.out.columns.recipient, text.out.columns.amount],
            ...shown.map((link) => {
              const { amount, currency } = linkValues(order, link);
              return [link.reference ?? "—", link.recipient, formatMoney(amount, currency, text.locale)];
            }),
          ]
        : [
            [text.out.columns.reference, text.out.columns.recipient],
            ...shown.map((link) => [link.reference ?? "—", link.recipient]),
          ],
    ),
    ...(links.length > shown.length ? [text.out.moreLinks(links.length - shown.length)] : []),
  ];
  if (first) {
    lines.push("", text.out.firstMessage(first.recipient, first.reference), text.out.subjectLine(first.subject), "");
    lines.push(...first.text.split("\n"));
  }
  return {
    data: {
      dryRun: true,
      order: {
        shopId: order.shopId,
        mode: order.mode,
        amount: order.amount,
        currency: order.currency,
        reference: order.reference ?? null,
        buyerReference: order.buyerReference ?? null,
        expiresAt: order.advanced.expiresAt,
        advanced: order.advanced,
        message: order.message,
      },
      links: links.map((link) => ({
        reference: link.reference ?? null,
        recipient: link.recipient,
        bcc: link.bcc,
        subject: link.subject,
        ...(batch ? { ...pick(linkValues(order, link)), variables: link.variables ?? {} } : {}),
      })),
      firstMessage: first ? { to: first.recipient, subject: first.subject, text: first.text } : null,
    },
    lines,
  };
}

/**
 * Sends an order's e-mails with the progress bar of `deliver` on a terminal; elsewhere (a log, a pipe, `--json`)
 * nothing is drawn and the summary alone is printed, as before.
 */
async function deliverWithProgress(
  context: CommandContext,
  runtime: Runtime,
  orderId: string,
  total: number,
): Promise<DeliveryReport> {
  const { io, text } = context;
  const mode = !context.json && io.stdout.isTTY ? "bar" : "none";
  if (mode === "bar") io.stdout.write(`${text.out.deliverStart(total)}\n`);
  const progress = progressReporter(io.stdout, text, total, mode);
  const report = await runtime.paylinks.deliver({ orderId, onProgress: (totals) => progress.update(totals) });
  progress.finish();
  return report;
}

/** `paylinks create`: the three steps of the form as flags; `--dry-run` shows the plan, otherwise it is stored and sent. */
export const createCommand: Command = {
  name: "create",
  args: [],
  options: {
    shop: { type: "string", value: "id" },
    amount: { type: "string", value: "amount" },
    currency: { type: "string", value: "code" },
    reference: { type: "string", value: "reference" },
    to: { type: "string", multiple: true, value: "addresses" },
    "from-csv": { type: "string", value: "file" },
    "buyer-reference": { type: "string", value: "text" },
    "bcc-manager": { type: "boolean" },
    "bcc-me": { type: "boolean" },
    bcc: { type: "string", multiple: true, value: "addresses" },
    test: { type: "boolean" },
    language: { type: "string", value: "language" },
    "validity-days": { type: "string", value: "days" },
    expires: { type: "string", value: "date" },
    "manual-validation": { type: "boolean" },
    "capture-delay": { type: "string", value: "days" },
    "save-payment-method": { type: "string", value: "saving" },
    "three-ds": { type: "string", value: "preference" },
    "data-collection-form": { type: "boolean" },
    ...reminderOptions(CREATE_REMINDER_FLAGS),
    subject: { type: "string", value: "text" },
    body: { type: "string", value: "text" },
    "body-file": { type: "string", value: "file" },
    "dry-run": { type: "boolean" },
    "no-deliver": { type: "boolean" },
    "idempotency-key": { type: "string", value: "key" },
  },
  groups: [
    {
      group: "step1",
      options: [
        "shop",
        "amount",
        "currency",
        "reference",
        "to",
        "from-csv",
        "buyer-reference",
        "bcc-manager",
        "bcc-me",
        "bcc",
        "test",
      ],
    },
    {
      group: "step2",
      options: [
        "language",
        "validity-days",
        "expires",
        "manual-validation",
        "capture-delay",
        "save-payment-method",
        "three-ds",
        "data-collection-form",
        "remind-before",
        "remind-after",
        "remind-at",
      ],
    },
    { group: "step3", options: ["subject", "body", "body-file"] },
    { group: "run", options: ["dry-run", "no-deliver", "idempotency-key"] },
  ],

  async run(context, { values }) {
    const settings = await context.settings();
    const { shop, request, sheetRows } = await createRequest(values, settings, context.io.cwd, context.text);
    try {
      return await createOrder(context, values, settings, shop, request);
    } catch (error) {
      // A sheet's issues name the rows the spreadsheet shows, not the indices of the request's rows.
      throw sheetRows ? withSheetRows(error, sheetRows, localeOf(context.text.locale)) : error;
    }
  },
};

/** Previews (`--dry-run`) or creates and delivers the order of `create`. */
async function createOrder(
  context: CommandContext,
  values: OptionValues,
  settings: Settings,
  shop: ShopConfig,
  request: OrderRequest,
): Promise<CommandResult> {
  const { text } = context;
  if (flagValue(values, "dry-run")) {
    // The dry run is the service's own preview, over a store that is thrown away: no database is opened.
    const preview = createPaylinks({
      store: createMemoryStore(),
      shops: settings.shops,
      clock: context.clock,
      paymentUrl: paymentUrlFrom(settings.paymentUrl),
    });
    const plan = await preview.previewOrder(request, { actor: settings.actor, locale: text.locale });
    return dryRunResult(plan, shop, text, request.rows !== undefined);
  }
  // The three steps are checked before anything is opened: invalid input touches no database.
  const checked = validateRequest(request, {
    shop,
    actor: settings.actor,
    now: context.clock.now(),
    locale: localeOf(text.locale),
  });
  if (!checked.ok) {
    throw new PaylinksError("invalid_request", `The request has ${checked.issues.length} issue(s)`, {
      issues: checked.issues,
    });
  }

  const deliverNow = !flagValue(values, "no-deliver");
  const runtime = await context.open({ verifyMail: deliverNow });
  const created = await runtime.paylinks.createOrder(request, {
    actor: runtime.actor,
    idempotencyKey: textValue(values, "idempotency-key"),
    locale: text.locale,
  });
  const { order } = created;
  const report = deliverNow ? await deliverWithProgress(context, runtime, order.id, created.links.length) : undefined;
  const links = report ? await runtime.paylinks.orderLinks(order.id, { actor: runtime.actor }) : [...created.links];
  const view = { settings, text };
  const outcome = report ? deliveryOutcome(report, settings, context.io.cwd, text) : undefined;
  return {
    data: {
      dryRun: false,
      created: created.created,
      order: orderJson(order),
      links: links.map(linkJson),
      delivery: report ?? null,
    },
    lines: [
      created.created ? text.out.orderCreated(order.id, links.length, order.mode) : text.out.orderReplayed(order.id),
      "",
      ...linkTable(links, view),
      "",
      ...(outcome ? outcome.lines : [text.out.queued]),
    ],
    warnings: outcome?.warnings,
    exitCode: outcome?.exitCode,
  };
}
