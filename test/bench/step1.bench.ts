/** Benchmarks of the step-1 rules: splitting recipients, validating the whole form, parsing amounts. */
import { parseAmount, splitRecipients, validateLinkForm } from "../../src/index";
import { type BenchSection, heapGrowthMiB, measure, ms } from "./harness";

const shop = {
  id: "shop-1",
  name: "Bench shop",
  language: "fr",
  timezone: "Europe/Paris",
  currencies: ["EUR"],
  referenceRequired: true,
};

const addresses = (count: number): string =>
  Array.from({ length: count }, (_, i) => `buyer.${i}@example${i % 97}.fr`).join("; ");

/** Runs the step-1 benchmarks. */
export function benchStep1(): BenchSection {
  const rows = [];
  for (const count of [1_000, 10_000, 100_000]) {
    const text = addresses(count);
    const median = measure(() => splitRecipients(text), count >= 100_000 ? 5 : 9);
    const heap = count === 100_000 ? `, heap growth ${heapGrowthMiB(() => splitRecipients(text)).toFixed(1)} MiB` : "";
    rows.push({
      name: `splitRecipients, ${count.toLocaleString("en")} addresses`,
      medianMs: median,
      notes: `${ms(median / count)} per address${heap}`,
    });
  }
  const form = {
    shopId: "shop-1",
    amount: "1 234,56",
    currency: "EUR",
    orderReference: "Recouvrement",
    recipients: "a@example.fr; b@example.fr; c@example.fr",
    channel: "email" as const,
  };
  const batch = 10_000;
  const formMedian = measure(() => {
    for (let i = 0; i < batch; i++) validateLinkForm(form, { shop });
  });
  rows.push({
    name: "validateLinkForm, seed example (3 recipients)",
    medianMs: formMedian / batch,
    notes: `${ms(formMedian / batch)} per call`,
  });
  const big = { ...form, recipients: addresses(100_000) };
  const bigMedian = measure(() => validateLinkForm(big, { shop }), 5);
  rows.push({
    name: "validateLinkForm, 100,000 recipients",
    medianMs: bigMedian,
    notes: `${ms(bigMedian / 100_000)} per recipient`,
  });
  const amountMedian = measure(() => {
    for (let i = 0; i < batch; i++) parseAmount("1 234,56", "EUR");
  });
  rows.push({ name: "parseAmount", medianMs: amountMedian / batch, notes: `${ms(amountMedian / batch)} per call` });
  return { title: "Step 1: link parameters", rows };
}
