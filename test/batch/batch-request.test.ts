import { describe, expect, it } from "vitest";
import {
  type BatchRow,
  columnName,
  type PaymentBatchRequest,
  planPaymentOrder,
  renderMessage,
  rowsFromTable,
  validateMessageTemplate,
  validateRequest,
} from "../../src/index";
import { fr } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");
const shop = makeShop({ currencies: ["EUR", "USD", "JPY"], maxRecipients: 5 });
const actor = makeActor();

function planContext() {
  let n = 0;
  return {
    shop,
    actor,
    now: NOW,
    generateId: () => `id${++n}`,
    paymentUrl: (l: { token: string }) => `https://pay.example/t/${l.token}`,
  };
}

const batch = (rows: readonly BatchRow[], link: Partial<PaymentBatchRequest["link"]> = {}, extra = {}) =>
  ({ link: { shopId: "shop-1", ...link }, rows, ...extra }) as PaymentBatchRequest;

const issuesOf = (request: PaymentBatchRequest, locale = undefined as typeof fr | undefined) => {
  const result = validateRequest(request, { shop, actor, now: NOW, ...(locale ? { locale } : {}) });
  if (result.ok) throw new Error("expected issues");
  return result.issues.map((issue) => [issue.path.join("."), issue.code, issue.params ?? {}] as const);
};

describe("columnName", () => {
  it.each([
    [" Prénom du client ", "prenom_du_client"],
    ["E-mail", "e_mail"],
    ["FIRST NAME", "first_name"],
    ["__x__", "x"],
    ["€", ""],
  ])("%j is %j", (heading, name) => {
    expect(columnName(heading)).toBe(name);
  });
});

describe("rowsFromTable", () => {
  it("puts each cell under its heading, skips blank lines, fills missing cells with empty text", () => {
    expect(
      rowsFromTable([
        ["email", "amount", "first name"],
        ["a@example.fr", "10", "Ann", "extra"],
        ["", " ", ""],
        ["b@example.fr"],
      ]),
    ).toEqual([
      { email: "a@example.fr", amount: "10", "first name": "Ann" },
      { email: "b@example.fr", amount: "", "first name": "" },
    ]);
  });

  it("gives no row for a table of headings only, or an empty one", () => {
    expect(rowsFromTable([["email"]])).toEqual([]);
    expect(rowsFromTable([])).toEqual([]);
    expect(rowsFromTable([[""], [" ", ""]])).toEqual([]);
  });

  it("takes the first line that is not blank as the headings", () => {
    expect(rowsFromTable([[""], ["", ""], ["email"], ["a@example.fr"]])).toEqual([{ email: "a@example.fr" }]);
  });
});

describe("a batch: validation", () => {
  it("reports every issue of every row at once, at rows.N.<heading>, before step 2 and 3", () => {
    const issues = issuesOf(
      batch(
        [
          { Courriel: "not-an-address", Montant: "1,234", Devise: "XXX" },
          { Courriel: "", Montant: "5" },
          { Courriel: "c@example.fr", Montant: "-3", Devise: "GBP" },
        ],
        { currency: "EUR" },
        { message: { subject: "Hi %prenom%", body: "x" } },
      ),
    );
    expect(issues).toEqual([
      ["rows.0.Courriel", "recipient_invalid", { value: "not-an-address", reason: "at_missing" }],
      ["rows.0.Devise", "currency_unknown", { value: "XXX" }],
      ["rows.1.Courriel", "row_value_missing", { field: "email" }],
      ["rows.2.Devise", "currency_not_accepted", { currency: "GBP", accepted: "EUR, USD, JPY" }],
      ["rows.2.Montant", "amount_not_positive", {}],
      ["message.subject", "message_unknown_variable", { variable: "prenom" }],
    ]);
  });

  it("says a row has no amount or currency when step 1 gives none, and only there", () => {
    expect(
      issuesOf(batch([{ email: "a@example.fr" }, { email: "b@example.fr", amount: "2", currency: "EUR" }])),
    ).toEqual([
      ["rows.0.currency", "row_value_missing", { field: "currency" }],
      ["rows.0.amount", "row_value_missing", { field: "amount" }],
    ]);
  });

  it("refuses recipients in step 1 of a batch", () => {
    expect(
      issuesOf(
        batch([{ email: "a@example.fr" }], { amount: 100, currency: "EUR", recipients: "x@example.fr" } as never),
      ),
    ).toEqual([["link.recipients", "rows_and_recipients", {}]]);
  });

  it("reports a repeated own reference at the later row, with the first row's index", () => {
    expect(
      issuesOf(
        batch(
          [
            { email: "a@example.fr", reference: "INV-1" },
            { email: "b@example.fr", reference: " INV-1 " },
          ],
          { amount: 100, currency: "EUR" },
        ),
      ),
    ).toEqual([["rows.1.reference", "reference_duplicate", { value: "INV-1", row: 0 }]]);
  });

  it("reports a row's own reference that another row takes from the order, suffixed", () => {
    expect(
      issuesOf(
        batch(
          [
            { email: "a@example.fr" },
            { email: "b@example.fr", reference: "CMD-002" },
            { email: "c@example.fr" },
            { email: "d@example.fr", reference: "CMD-001" },
          ],
          { amount: 100, currency: "EUR", orderReference: "CMD" },
        ),
      ),
    ).toEqual([
      ["rows.1.reference", "reference_duplicate", { value: "CMD-002", row: 2 }],
      ["rows.3.reference", "reference_duplicate", { value: "CMD-001", row: 0 }],
    ]);
  });

  it("accepts an own reference that looks suffixed when no row takes that suffix", () => {
    const result = validateRequest(
      batch([{ email: "a@example.fr" }, { email: "b@example.fr", reference: "CMD-003" }], {
        amount: 100,
        currency: "EUR",
        orderReference: "CMD",
      }),
      { shop, actor, now: NOW },
    );
    expect(result.ok).toBe(true);
    const plan = planPaymentOrder(
      batch([{ email: "a@example.fr" }, { email: "b@example.fr", reference: "CMD-003" }], {
        amount: 100,
        currency: "EUR",
        orderReference: "CMD",
      }),
      planContext(),
    );
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.value.links.map((link) => link.reference)).toEqual(["CMD-001", "CMD-003"]);
  });

  it("reports columns that cannot be variables once, at the first row that has them", () => {
    expect(
      issuesOf(
        batch(
          [
            { email: "a@example.fr", URL: "x", "€": "1", Email: "b@example.fr" },
            { email: "c@example.fr", URL: "y", "€": "2" },
          ],
          { amount: 100, currency: "EUR" },
        ),
      ),
    ).toEqual([
      ["rows.0.URL", "variable_invalid", { reason: "reserved", name: "URL" }],
      ["rows.0.€", "variable_invalid", { reason: "name", name: "€" }],
      ["rows.0.Email", "variable_invalid", { reason: "duplicate", name: "Email", other: "email" }],
    ]);
  });

  it("refuses a variable value longer than 500 characters, and a row that is not an object", () => {
    expect(
      issuesOf(
        batch([{ email: "a@example.fr", note: "x".repeat(501) }, "row" as never], { amount: 1, currency: "EUR" }),
      ),
    ).toEqual([
      ["rows.0.note", "variable_invalid", { reason: "too_long", name: "note", max: 500, length: 501 }],
      ["rows.1", "type_invalid", { expected: "object" }],
    ]);
  });

  it("refuses rows that are not a list, an empty batch, and more rows than the shop allows", () => {
    expect(issuesOf(batch("a@example.fr" as never, { amount: 1, currency: "EUR" }))).toEqual([
      ["rows", "type_invalid", { expected: "rows" }],
    ]);
    expect(issuesOf(batch([{ email: " " }], { amount: 1, currency: "EUR" }))).toEqual([
      ["rows", "recipients_empty", {}],
    ]);
    const six = Array.from({ length: 6 }, (_, i) => ({ email: `b${i}@example.fr` }));
    expect(issuesOf(batch(six, { amount: 1, currency: "EUR" }))).toEqual([
      ["rows", "recipients_too_many", { max: 5, count: 6 }],
    ]);
  });

  it("counts the suffix in the order reference's length only for the rows without their own", () => {
    const long = "R".repeat(62);
    expect(
      issuesOf(
        batch([{ email: "a@example.fr" }, { email: "b@example.fr" }], {
          amount: 1,
          currency: "EUR",
          orderReference: long,
        }),
      ),
    ).toEqual([["link.orderReference", "reference_too_long", expect.objectContaining({ maxBase: 60, length: 62 })]]);
    const own = validateRequest(
      batch(
        [
          { email: "a@example.fr", reference: "A" },
          { email: "b@example.fr", reference: "B" },
        ],
        {
          amount: 1,
          currency: "EUR",
          orderReference: long,
        },
      ),
      { shop, actor, now: NOW },
    );
    expect(own.ok).toBe(true);
  });

  it("needs the order reference only when a row has none and the shop requires one", () => {
    const strict = makeShop({ referenceRequired: true });
    const rows = [{ email: "a@example.fr", reference: "A" }, { email: "b@example.fr" }];
    const missing = validateRequest(batch(rows, { amount: 1, currency: "EUR" }), { shop: strict, actor, now: NOW });
    expect(missing.ok ? [] : missing.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["link.orderReference", "reference_required"],
    ]);
    const all = validateRequest(batch([rows[0] as BatchRow], { amount: 1, currency: "EUR" }), {
      shop: strict,
      actor,
      now: NOW,
    });
    expect(all.ok).toBe(true);
  });

  it("speaks French with the French locale", () => {
    const result = validateRequest(batch([{ email: "", amount: "3" }], { amount: 1, currency: "EUR" }), {
      shop,
      actor,
      now: NOW,
      locale: fr,
    });
    expect(result.ok ? "" : result.issues[0]?.message).toBe(
      "Cette ligne n’a pas d’adresse e-mail, et l’ordre n’en donne pas par défaut\u00a0: complétez-la.",
    );
  });
});

describe("a batch: the plan", () => {
  const rows: BatchRow[] = [
    { "E-mail": "marie@example.fr", Montant: "49,90", Prénom: "Marie" },
    { "E-mail": "kenji@example.jp", Devise: "JPY", Prénom: "Kenji" },
    { "E-mail": "paul@example.fr", Référence: "OWN-7", Prénom: "", "Référence acheteur": "B-3" },
    { "E-mail": "", Montant: "", Prénom: "" },
    { "E-mail": "lea@example.fr", Montant: 1250 },
  ];
  const request = batch(
    rows,
    { amount: "10", currency: "EUR", orderReference: "Relance", buyerReference: "DEF" },
    {
      message: {
        subject: "Bonjour %prenom%",
        body: "Bonjour %prenom%,\nMontant : %amount%\nAcheteur %buyer_reference%",
      },
    },
  );

  it("plans one link per non-blank row, with its own values or step 1's", () => {
    const result = planPaymentOrder(request, planContext());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const links = result.value.links;
    expect(links.map((l) => [l.recipient, l.reference, l.amount, l.currency, l.buyerReference])).toEqual([
      ["marie@example.fr", "Relance-001", 4990, "EUR", "DEF"],
      // Step 1's "10" is read in the row's currency: 10 yen.
      ["kenji@example.jp", "Relance-002", 10, "JPY", "DEF"],
      ["paul@example.fr", "OWN-7", 1000, "EUR", "B-3"],
      ["lea@example.fr", "Relance-003", 1250, "EUR", "DEF"],
    ]);
    expect(result.value.order.linkCount).toBe(4);
    expect(result.value.order.amount).toBe(1000);
  });

  it("renders each row's variables, and leaves out the lines of an empty one", () => {
    const result = planPaymentOrder(request, planContext());
    if (!result.ok) throw new Error("invalid");
    const [marie, kenji, paul] = result.value.links;
    expect(marie?.subject).toBe("Bonjour Marie");
    expect(marie?.text).toContain("Bonjour Marie,\nMontant : 49,90\u00a0€");
    expect(marie?.variables).toEqual({ prenom: "Marie" });
    expect(kenji?.text).toContain("Montant : 10\u00a0JPY");
    expect(paul?.subject).toBe("Bonjour");
    expect(paul?.text.startsWith("Montant : 10,00\u00a0€\nAcheteur B-3")).toBe(true);
    expect(paul?.html).not.toContain("%prenom%");
  });

  it("suffixes the only row without a reference of a batch of several", () => {
    const result = planPaymentOrder(
      batch([{ email: "a@example.fr", reference: "A" }, { email: "b@example.fr" }], {
        amount: 1,
        currency: "EUR",
        orderReference: "R",
      }),
      planContext(),
    );
    expect(result.ok && result.value.links.map((l) => l.reference)).toEqual(["A", "R-001"]);
  });

  it("keeps a one-row batch's reference unsuffixed, as a one-recipient order", () => {
    const result = planPaymentOrder(
      batch([{ email: "a@example.fr" }], { amount: 1, currency: "EUR", orderReference: "R" }),
      planContext(),
    );
    expect(result.ok && result.value.links.map((l) => l.reference)).toEqual(["R"]);
  });

  it("is pure: the same batch with the same ids plans the same links", () => {
    expect(planPaymentOrder(request, planContext())).toEqual(planPaymentOrder(request, planContext()));
  });
});

describe("custom variables of an order", () => {
  it("lets the template use them, and gives them to every link", () => {
    const result = planPaymentOrder(
      {
        link: { shopId: "shop-1", amount: 100, currency: "EUR", recipients: "a@example.fr;b@example.fr" },
        message: { subject: "%campaign%", body: "Offre %campaign%" },
        variables: { campaign: "Hiver" },
      },
      planContext(),
    );
    if (!result.ok) throw new Error("invalid");
    expect(result.value.links.map((l) => [l.subject, l.variables])).toEqual([
      ["Hiver", { campaign: "Hiver" }],
      ["Hiver", { campaign: "Hiver" }],
    ]);
  });

  it("reports bad names and values at variables.<name>", () => {
    const result = validateRequest(
      {
        link: { shopId: "shop-1", amount: 100, currency: "EUR", recipients: "a@example.fr" },
        variables: { url: "x", "a-b": "y", ok: 3 as never, big: "x".repeat(501) },
      },
      { shop, actor, now: NOW },
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.path.join("."), i.code, i.params?.reason])).toEqual([
      ["variables.url", "variable_invalid", "reserved"],
      ["variables.a-b", "variable_invalid", "name"],
      ["variables.big", "variable_invalid", "too_long"],
    ]);
  });

  it("keeps a __proto__ name an own variable, never the prototype", () => {
    const variables = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    const result = planPaymentOrder(
      {
        link: { shopId: "shop-1", amount: 100, currency: "EUR", recipients: "a@example.fr" },
        message: { subject: "S %__proto__%", body: "b" },
        variables,
      },
      planContext(),
    );
    expect(result.ok && result.value.links[0]?.subject).toBe("S x");
  });

  it("validateMessageTemplate accepts the names it is given, and renderMessage fills them", () => {
    const template = { subject: "Bonjour %prenom%", body: "Salut %prenom%" };
    expect(validateMessageTemplate(template).ok).toBe(false);
    expect(validateMessageTemplate(template, { variables: ["prenom"] }).ok).toBe(true);
    const rendered = renderMessage(
      template,
      {
        amount: 100,
        currency: "EUR",
        startDate: NOW,
        endDate: NOW,
        shopName: "S",
        url: "https://pay.example/t/1",
        variables: { prenom: "Léa" },
      },
      { language: "fr", timezone: "Europe/Paris" },
    );
    expect(rendered.subject).toBe("Bonjour Léa");
  });
});
