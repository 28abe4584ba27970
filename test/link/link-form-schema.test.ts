import type { StandardSchemaV1 } from "@standard-schema/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createLinkFormSchema,
  type Issue,
  type LinkForm,
  type LinkValidationContext,
  linkFormSchema,
  validateLinkForm,
} from "../../src/index";
import { fr as frLocale } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

type Schema = typeof linkFormSchema;

const form: LinkForm = {
  shopId: "shop-1",
  amount: "49,90",
  currency: "EUR",
  orderReference: "Recouvrement",
  recipients: "a@example.fr;b@example.fr;c@example.fr",
  channel: "email",
};

function withFields(fields: Record<string, unknown>): LinkForm {
  return { ...form, ...fields } as unknown as LinkForm;
}

interface SimpleIssue {
  readonly message: string;
  readonly path: readonly PropertyKey[];
}

/** Runs the schema through its Standard Schema interface and returns its issues, paths as plain keys. */
async function standardIssues(schema: Schema, value: unknown): Promise<SimpleIssue[]> {
  const result: StandardSchemaV1.Result<unknown> = await schema["~standard"].validate(value);
  return (result.issues ?? []).map((issue) => ({
    message: issue.message,
    path: (issue.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment)),
  }));
}

const simple = (issues: readonly Issue[]): SimpleIssue[] => issues.map(({ message, path }) => ({ message, path }));

function formIssues(value: LinkForm, context: LinkValidationContext): SimpleIssue[] {
  const result = validateLinkForm(value, context);
  return result.ok ? [] : simple(result.issues);
}

/** The issues of validateLinkForm for a value, as the schema must give them: the same paylinks issues. */
function paylinksIssues(value: unknown, context: LinkValidationContext): Issue[] {
  const result = validateLinkForm(value as LinkForm, context);
  return result.ok ? [] : result.issues;
}

/** Runs the schema's synchronous `validate`: `{ value }` or `{ issues }`, the issues being paylinks issues. */
function check(schema: Schema, value: unknown) {
  return schema["~standard"].validate(value);
}

/** The issues the schema reports, or `undefined` when it accepts the value. */
function issuesOf(schema: Schema, value: unknown): readonly Issue[] | undefined {
  const result = check(schema, value);
  return "issues" in result ? result.issues : undefined;
}

/** The paylinks codes the schema reports. */
function codesOf(schema: Schema, value: unknown): unknown[] {
  return (issuesOf(schema, value) ?? []).map((issue) => issue.code);
}

describe("linkFormSchema", () => {
  describe("as a Standard Schema", () => {
    it("declares version 1 and the paylinks vendor", () => {
      expect(linkFormSchema["~standard"].version).toBe(1);
      expect(linkFormSchema["~standard"].vendor).toBe("paylinks");
      expect(typeof linkFormSchema["~standard"].validate).toBe("function");
    });

    it("returns the form as its value when it is valid", async () => {
      const result = await linkFormSchema["~standard"].validate(form);
      expect(result.issues).toBeUndefined();
      expect((result as { value: unknown }).value).toEqual(form);
    });

    it("returns issues with the messages and paths of validateLinkForm", async () => {
      const bad = withFields({ amount: "49,999", orderReference: "Réf 1", recipients: "a@x.fr;bob@;a@x.fr" });
      const issues = await standardIssues(linkFormSchema, bad);
      expect(issues).toEqual([
        { message: "EUR has 2 decimals: enter at most 2 digits after the separator.", path: ["amount"] },
        {
          message: "The order reference may only hold letters A–Z, digits, - and _: “é” at position 2 is not allowed.",
          path: ["orderReference"],
        },
        { message: "“bob@” is not a valid e-mail address: nothing comes after the @.", path: ["recipients", 1] },
        {
          message: "“a@x.fr” is already in the list: each recipient gets one link, enter it once.",
          path: ["recipients", 2],
        },
      ]);
    });
  });

  describe("without a shop", () => {
    it("does not apply the shop's rules: shop id, mandatory reference, accepted currencies, manager copy", async () => {
      const value = withFields({
        shopId: "another-shop",
        orderReference: "",
        currency: "JPY",
        amount: "1000",
        bcc: { shopManager: true, me: true },
      });
      expect(await standardIssues(linkFormSchema, value)).toEqual([]);
      expect(
        codesOf(createLinkFormSchema({ shop: makeShop({ referenceRequired: true, managerEmail: undefined }) }), value),
      ).toEqual([
        "shop_mismatch",
        "currency_not_accepted",
        "reference_required",
        "bcc_manager_missing",
        "bcc_me_missing",
      ]);
    });

    it.each([
      [{ mode: "LIVE" }, "mode_invalid", ["mode"]],
      [{ amount: "abc" }, "amount_invalid", ["amount"]],
      [{ amount: "0" }, "amount_not_positive", ["amount"]],
      [{ amount: "49,999" }, "amount_too_precise", ["amount"]],
      [{ amount: "10 000 000 000,00" }, "amount_too_large", ["amount"]],
      [{ currency: "EURO" }, "currency_unknown", ["currency"]],
      [{ orderReference: "R".repeat(61) }, "reference_too_long", ["orderReference"]],
      [{ orderReference: "Réf" }, "reference_invalid_character", ["orderReference"]],
      [{ recipients: " ; " }, "recipients_empty", ["recipients"]],
      [{ recipients: "a@x.fr;bob@" }, "recipient_invalid", ["recipients", 1]],
      [{ recipients: "a@x.fr;A@X.FR" }, "recipient_duplicate", ["recipients", 1]],
      [{ recipients: "a@x.fr, b@x.fr" }, "recipient_separator", ["recipients", 0]],
      [{ buyerReference: "a\u0007" }, "buyer_reference_invalid", ["buyerReference"]],
      [{ buyerReference: "b".repeat(65) }, "buyer_reference_too_long", ["buyerReference"]],
      [{ channel: "sms" }, "channel_unsupported", ["channel"]],
      [{ bcc: { addresses: "x@y.fr;bad" } }, "bcc_invalid", ["bcc", "addresses", 1]],
    ])("still applies the shape and syntax rules: %j gives %s", async (fields, code, path) => {
      const value = withFields(fields);
      expect(issuesOf(linkFormSchema, value)).toEqual([expect.objectContaining({ code, path })]);
      expect(await standardIssues(linkFormSchema, value)).toEqual(
        formIssues(value, { shop: makeShop({ id: "shop-1", currencies: ["EUR"] }) }),
      );
    });

    it("writes English messages", async () => {
      const [issue] = await standardIssues(linkFormSchema, withFields({ amount: "0" }));
      expect(issue?.message).toBe("Enter an amount greater than zero.");
    });
  });

  describe("with wrong types", () => {
    it.each([
      [{ amount: 4990 }, ["amount"], { code: "type_invalid", expected: "string" }, "This field must be a text."],
      [{ shopId: undefined }, ["shopId"], { code: "type_invalid", expected: "string" }, "This field must be a text."],
      [{ currency: 978 }, ["currency"], { code: "type_invalid", expected: "string" }, "This field must be a text."],
      [
        { recipients: 42 },
        ["recipients"],
        { code: "type_invalid", expected: "list" },
        "This field must be a text or a list of texts.",
      ],
      [{ mode: 1 }, ["mode"], { code: "mode_invalid", value: "1" }, "“1” is not a mode: choose PRODUCTION or TEST."],
      [{ bcc: "yes" }, ["bcc"], { code: "type_invalid", expected: "object" }, "This field must be an object."],
      [
        { bcc: { shopManager: "yes" } },
        ["bcc", "shopManager"],
        { code: "type_invalid", expected: "boolean" },
        "This field must be true or false.",
      ],
      [
        { bcc: { addresses: 42 } },
        ["bcc", "addresses"],
        { code: "type_invalid", expected: "list" },
        "This field must be a text or a list of texts.",
      ],
    ])("reports %j as one issue with its paylinks code and params", (fields, path, params, message) => {
      const { code, ...rest } = params;
      expect(issuesOf(linkFormSchema, withFields(fields))).toEqual([{ code, path, message, params: rest }]);
    });

    it.each([null, "form", 42, []])("reports a type_invalid issue at the root for %j", async (value) => {
      expect(await standardIssues(linkFormSchema, value)).toEqual([
        { message: "This field must be an object.", path: [] },
      ]);
      expect(issuesOf(linkFormSchema, value)).toEqual([
        { code: "type_invalid", path: [], message: "This field must be an object.", params: { expected: "object" } },
      ]);
    });

    it("reports a wrong type and the other fields' issues at once", () => {
      expect(issuesOf(linkFormSchema, withFields({ amount: 5, recipients: "bob@" }))).toEqual([
        {
          code: "type_invalid",
          path: ["amount"],
          message: "This field must be a text.",
          params: { expected: "string" },
        },
        {
          code: "recipient_invalid",
          path: ["recipients", 0],
          message: "“bob@” is not a valid e-mail address: nothing comes after the @.",
          params: { value: "bob@", reason: "domain_empty" },
        },
      ]);
    });

    it("reports every issue of every field at once, wrong types among them, in field order", () => {
      const value = withFields({
        shopId: 7,
        mode: 1,
        amount: 5,
        currency: "EURO",
        orderReference: "Réf",
        recipients: "bob@",
        buyerReference: 3,
        channel: "sms",
        bcc: { shopManager: "yes", addresses: "bad" },
      });
      const issues = issuesOf(linkFormSchema, value);
      expect(issues?.map((issue) => [issue.code, issue.path])).toEqual([
        ["type_invalid", ["shopId"]],
        ["mode_invalid", ["mode"]],
        ["type_invalid", ["amount"]],
        ["currency_unknown", ["currency"]],
        ["reference_invalid_character", ["orderReference"]],
        ["recipient_invalid", ["recipients", 0]],
        ["type_invalid", ["buyerReference"]],
        ["channel_unsupported", ["channel"]],
        ["type_invalid", ["bcc", "shopManager"]],
        ["bcc_invalid", ["bcc", "addresses", 0]],
      ]);
      expect(issues).toEqual(paylinksIssues(value, { shop: makeShop() }));
    });

    it("accepts the lists that validateLinkForm accepts for the recipients and the other copies", () => {
      const value = withFields({ recipients: ["a@x.fr", "b@x.fr"], bcc: { addresses: ["x@y.fr"] } });
      expect(validateLinkForm(value, { shop: makeShop() }).ok).toBe(true);
      expect(check(linkFormSchema, value)).toEqual({ value });
    });
  });

  describe("with a valid form", () => {
    it("returns the very input object, unknown keys kept, and leaves it unchanged", () => {
      const value = { ...form, note: "kept", bcc: { me: false, extra: [1, 2] } } as unknown as LinkForm;
      const before = structuredClone(value);
      const result = check(linkFormSchema, value);
      expect("issues" in result).toBe(false);
      expect((result as { value: unknown }).value).toBe(value);
      expect((result as { value: unknown }).value).toStrictEqual(before);
      expect(value).toStrictEqual(before);
    });

    it("does not trim or convert the fields: the output is the text as typed", () => {
      const value = withFields({ amount: " 1 234,56 ", currency: " eur ", recipients: " A@X.FR ", mode: "TEST" });
      expect((check(linkFormSchema, value) as { value: unknown }).value).toStrictEqual(value);
    });
  });

  describe("compared with validateLinkForm, for inputs of any type", () => {
    it("gives exactly its issues, the same paylinks issues with their codes and params", () => {
      const context = { shop: makeShop({ referenceRequired: true, managerEmail: undefined }), actor: makeActor() };
      const schema = createLinkFormSchema(context);
      const field = (...right: unknown[]) => fc.oneof(fc.constantFrom(...right), fc.anything());
      fc.assert(
        fc.property(
          fc.oneof(
            fc.anything(),
            fc.record(
              {
                shopId: field("shop-1", "shop-2"),
                mode: field("PRODUCTION", "LIVE", undefined),
                amount: field("49,90", "0", "abc", 4990),
                currency: field("EUR", "eur", "JPY", "EURO"),
                orderReference: field("", "Recouvrement", "Réf 1"),
                recipients: field("a@x.fr", "bob@", "a@x.fr, b@x.fr", ["", "bob@"], ["a@x.fr"]),
                buyerReference: field("Client 42", "a\u200b"),
                channel: field("email", "sms"),
                bcc: field(undefined, { shopManager: true, me: "yes" }, { addresses: ["", "bad"] }),
              },
              { requiredKeys: [] },
            ),
          ),
          (value) => {
            const result = check(schema, value);
            const expected = paylinksIssues(value, context);
            if (expected.length === 0) expect(result).toEqual({ value });
            else expect(result).toEqual({ issues: expected });
          },
        ),
        { seed: 70_002, numRuns: 400 },
      );
    });
  });
});

describe("createLinkFormSchema", () => {
  describe("with a shop", () => {
    const shop = makeShop({ referenceRequired: true });

    it("applies the shop's rules with the same messages and paths as validateLinkForm", async () => {
      const value = withFields({
        shopId: "shop-2",
        amount: "0",
        currency: "JPY",
        orderReference: "",
        recipients: "a@example.fr;b@example.fr;bob@",
      });
      const issues = await standardIssues(createLinkFormSchema({ shop }), value);
      expect(issues).toEqual(formIssues(value, { shop }));
      expect(issues.map((i) => i.path)).toEqual([
        ["shopId"],
        ["amount"],
        ["currency"],
        ["orderReference"],
        ["recipients", 2],
      ]);
    });

    it("accepts a valid form", async () => {
      expect(await standardIssues(createLinkFormSchema({ shop }), form)).toEqual([]);
      expect(check(createLinkFormSchema({ shop }), form)).toEqual({ value: form });
    });

    it("resolves the copy to me with the actor, and reports it missing without one", () => {
      const value = withFields({ bcc: { me: true } });
      expect(issuesOf(createLinkFormSchema({ shop, actor: makeActor() }), value)).toBeUndefined();
      expect(codesOf(createLinkFormSchema({ shop }), value)).toEqual(["bcc_me_missing"]);
    });
  });

  describe("with its paylinks issues", () => {
    it("gives each issue the paylinks code and params", () => {
      const shop = makeShop();
      const value = withFields({ currency: "JPY", amount: "1,5", recipients: "a@x.fr;bob@" });
      const issues = issuesOf(createLinkFormSchema({ shop }), value);
      const paylinks = validateLinkForm(value, { shop });
      expect(issues).toBeDefined();
      expect(paylinks.ok).toBe(false);
      const expected = paylinks.ok ? [] : paylinks.issues;
      expect(issues).toEqual(
        expected.map((issue) =>
          expect.objectContaining({ code: issue.code, path: issue.path, message: issue.message, params: issue.params }),
        ),
      );
      expect(codesOf(createLinkFormSchema({ shop }), value)).toEqual([
        "amount_too_precise",
        "currency_not_accepted",
        "recipient_invalid",
      ]);
    });
  });

  describe("with locale fr", () => {
    const shop = makeShop({ referenceRequired: true });
    const schema = createLinkFormSchema({ shop, locale: frLocale });

    it("writes the French messages of validateLinkForm", async () => {
      const value = withFields({ amount: "0", orderReference: "", recipients: "a@x.fr;bob" });
      const issues = await standardIssues(schema, value);
      expect(issues).toEqual(formIssues(value, { shop, locale: frLocale }));
      expect(issues.map((i) => i.message)).toEqual([
        "Saisissez un montant supérieur à zéro.",
        "Saisissez une référence de commande\u00a0: cette boutique l’exige.",
        "«\u00a0bob\u00a0» n’est pas une adresse e-mail valide\u00a0: il manque le @.",
      ]);
    });

    it("writes the type errors in French", async () => {
      expect(await standardIssues(schema, withFields({ amount: 4990 }))).toContainEqual({
        message: "Ce champ doit être un texte.",
        path: ["amount"],
      });
      expect(await standardIssues(schema, null)).toEqual([{ message: "Ce champ doit être un objet.", path: [] }]);
    });
  });

  describe("without a context", () => {
    it("behaves like linkFormSchema", async () => {
      const value = withFields({ amount: "abc", shopId: "other", recipients: "bob@" });
      expect(await standardIssues(createLinkFormSchema(), value)).toEqual(await standardIssues(linkFormSchema, value));
    });
  });

  describe("compared with validateLinkForm", () => {
    it("reports the same messages and paths for any form of strings", async () => {
      const shop = makeShop({ referenceRequired: true, managerEmail: undefined });
      const schema = createLinkFormSchema({ shop, locale: frLocale });
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              shopId: fc.constantFrom("shop-1", "shop-2"),
              mode: fc.constantFrom("PRODUCTION", "TEST", "LIVE"),
              amount: fc.oneof(fc.constantFrom("49,90", "0", "1 234,56", "49,999", "abc"), fc.string()),
              currency: fc.constantFrom("EUR", "usd", "JPY", "EURO"),
              orderReference: fc.oneof(fc.constantFrom("", "Recouvrement", "Réf 1"), fc.string()),
              recipients: fc.oneof(fc.constantFrom("a@x.fr", "a@x.fr;A@x.fr", "bob@", "a@x.fr, b@x.fr"), fc.string()),
              buyerReference: fc.string(),
              channel: fc.constantFrom("email", "sms"),
              bcc: fc.record(
                { shopManager: fc.boolean(), me: fc.boolean(), addresses: fc.string() },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: ["shopId", "amount", "currency", "recipients"] },
          ),
          async (value) => {
            const linkForm = value as LinkForm;
            expect(await standardIssues(schema, linkForm)).toEqual(formIssues(linkForm, { shop, locale: frLocale }));
          },
        ),
        { seed: 70_001, numRuns: 300 },
      );
    });
  });
});
