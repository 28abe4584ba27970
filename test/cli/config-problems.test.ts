import { describe, expect, it } from "vitest";
import { shapeProblems } from "../../src/cli/config/config-problems";

const SHOP = { id: "s", name: "S", language: "fr", timezone: "Europe/Paris", currencies: ["EUR"] };
const ACTOR = {
  id: "u",
  shopIds: ["s"],
  permissions: { expertBackOffice: true, managePaymentOrders: true, modes: ["TEST"], viewAllOrders: false },
};

describe("the config file's shape (zod/mini)", () => {
  it("accepts an empty file and a complete one", () => {
    expect(shapeProblems({})).toEqual([]);
    expect(
      shapeProblems({
        shops: [
          {
            ...SHOP,
            referenceRequired: true,
            managerEmail: "m@s.example",
            contactEmail: "c@s.example",
            url: "https://s.example",
            maxRecipients: 10,
            defaults: { validityDays: 3, paymentMethodSaving: "ask", threeDsPreference: "challenge_mandated" },
            offer: { dataCollectionForm: true, paymentMethodSaving: false, threeDsPreference: true },
          },
        ],
        defaultShop: "s",
        actor: ACTOR,
        paymentUrl: "https://pay.example.com/t/{token}",
        messageIdDomain: "s.example",
        from: "noreply@s.example",
        outbox: "./outbox",
        database: { dir: "./db", url: "postgres://127.0.0.1/x", schema: "paylinks" },
        smtp: { url: "smtp://127.0.0.1:2525" },
      }),
    ).toEqual([]);
  });

  it("reports every problem at once, each with its dotted path", () => {
    const problems = shapeProblems({
      shops: [{ id: 7, name: "S", language: "fr", currencies: "EUR", defaults: { manualValidation: "yes" } }],
      actor: { ...ACTOR, permissions: { ...ACTOR.permissions, modes: ["LIVE"], viewAllOrders: undefined } },
      paymentUrl: ["https://pay.example.com"],
      database: "postgres://127.0.0.1/x",
      smtp: {},
      smpt: { url: "smtp://localhost" },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "shops.0.id", kind: "expected_text" },
        { path: "shops.0.timezone", kind: "missing" },
        { path: "shops.0.currencies", kind: "expected_list" },
        { path: "shops.0.defaults.manualValidation", kind: "expected_boolean" },
        { path: "actor.permissions.modes.0", kind: "expected_one_of", value: "PRODUCTION, TEST" },
        { path: "actor.permissions.viewAllOrders", kind: "missing" },
        { path: "paymentUrl", kind: "expected_text" },
        { path: "database", kind: "expected_object" },
        { path: "smtp.url", kind: "missing" },
        { path: "smpt", kind: "unknown_key" },
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it("names the choices of a value outside them, and the type of a wrong number", () => {
    expect(shapeProblems({ shops: [{ ...SHOP, defaults: { paymentMethodSaving: "sometimes" } }] })).toEqual([
      { path: "shops.0.defaults.paymentMethodSaving", kind: "expected_one_of", value: "none, ask, always" },
    ]);
    expect(shapeProblems({ shops: [{ ...SHOP, maxRecipients: "10" }] })).toEqual([
      { path: "shops.0.maxRecipients", kind: "expected_number" },
    ]);
  });

  it("reports each unknown key, nested ones too, and a file that is not an object", () => {
    expect(
      shapeProblems({ shops: [{ ...SHOP, timeZone: "Europe/Paris" }], smtp: { url: "smtp://x", port: 25 } }),
    ).toEqual(
      expect.arrayContaining([
        { path: "shops.0.timeZone", kind: "unknown_key" },
        { path: "smtp.port", kind: "unknown_key" },
      ]),
    );
    expect(shapeProblems([])).toEqual([{ path: "", kind: "expected_object" }]);
    expect(shapeProblems("shops")).toEqual([{ path: "", kind: "expected_object" }]);
  });
});
