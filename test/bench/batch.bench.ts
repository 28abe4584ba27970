/** Benchmarks of batches: validating and planning a 100,000-row CSV, against reading it with csv-parse alone. */
import { parse } from "csv-parse/sync";
import {
  type PaymentBatchRequest,
  planPaymentOrder,
  rowsFromTable,
  type ShopConfig,
  validateRequest,
} from "../../src/index";
import { makeShop } from "../support/fixtures";
import { type BenchRow, type BenchSection, heapGrowthMiB, measure, ms } from "./harness";

const shop: ShopConfig = makeShop({ managerEmail: undefined });
const actor = { id: "user-1", email: "marie@librairie-durand.fr" };
const now = new Date("2026-12-01T10:00:00Z");
const ROWS = 100_000;

/** A sheet as Excel writes it in French: BOM, `;`, CRLF, a quoted cell now and then. */
function sheet(count: number): string {
  const lines = ["\uFEFFE-mail;Montant;Devise;Prénom;Référence"];
  for (let i = 0; i < count; i++) {
    const name = i % 10 === 0 ? `"Nom; ${i}"` : `Prénom ${i}`;
    lines.push(
      `buyer.${i}@example.fr;${(i % 500) + 1},${String(i % 100).padStart(2, "0")};${i % 7 === 0 ? "USD" : ""};${name};${i % 3 === 0 ? `F-${i}` : ""}`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

const read = (csv: string): string[][] =>
  parse(csv, { bom: true, delimiter: ";", relax_column_count: true, skip_empty_lines: true });

function request(csv: string): PaymentBatchRequest {
  return {
    link: { shopId: "shop-1", currency: "EUR", orderReference: "Relance" },
    rows: rowsFromTable(read(csv)),
    message: {
      subject: "Votre facture, %prenom%",
      body: "Bonjour %prenom%,\nvoici votre lien : %url%\nMontant : %amount%",
    },
  };
}

function plan(csv: string): unknown {
  let n = 0;
  const result = planPaymentOrder(request(csv), {
    shop,
    actor,
    now,
    generateId: () => `id${(n++).toString(36).padStart(20, "0")}`,
    paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result;
}

function validate(csv: string): unknown {
  const result = validateRequest(request(csv), { shop, actor, now });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result;
}

/** Runs the batch benchmarks. */
export function benchBatch(): BenchSection {
  const csv = sheet(ROWS);
  const parseOnly = measure(() => read(csv), 3, 1);
  const validated = measure(() => validate(csv), 3, 1);
  const planned = measure(() => plan(csv), 3, 1);
  const parsedHeap = heapGrowthMiB(() => read(csv));
  const planHeap = heapGrowthMiB(() => plan(csv));
  const mib = (Buffer.byteLength(csv) / 1024 / 1024).toFixed(1);
  const rows: BenchRow[] = [
    {
      name: `csv-parse alone, ${ROWS.toLocaleString("en")} rows (${mib} MiB)`,
      medianMs: parseOnly,
      notes: `${ms(parseOnly / ROWS)} per row; table kept: ${parsedHeap.toFixed(1)} MiB`,
    },
    {
      name: "parse + validateRequest",
      medianMs: validated,
      notes: `${ms(validated / ROWS)} per row; ${(validated / parseOnly).toFixed(1)}× parsing alone`,
    },
    {
      name: "parse + planPaymentOrder",
      medianMs: planned,
      notes: `${ms(planned / ROWS)} per row; plan kept: ${planHeap.toFixed(1)} MiB; ${(planned / parseOnly).toFixed(1)}× parsing alone`,
    },
  ];
  return {
    title: "Batches",
    rows,
    summary: [
      "The sheet has an e-mail, an amount as typed, a currency on one row in seven, a first name used in the subject and the body, and an own reference on one row in three. The plan renders each row's e-mail (its message is compiled once per row, as every row has its own values).",
    ],
  };
}
