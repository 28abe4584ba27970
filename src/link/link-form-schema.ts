import * as z from "zod/mini";
import type { Actor } from "../actor/actor";
import { issueMessage } from "../issues/create-issue";
import type { Issue, Locale } from "../issues/issue";
import type { ShopConfig } from "../shop/shop-config";
import { checkLink } from "./check-link";
import type { LinkForm } from "./link-parameters";

/** The context of {@link createLinkFormSchema}; every field is optional. */
export interface LinkFormSchemaContext {
  /** With a shop, the shop's own rules apply too (accepted currencies, mandatory reference, manager copy). */
  readonly shop?: ShopConfig | undefined;
  /** The acting user, for the "copy to me" switch. */
  readonly actor?: Pick<Actor, "email"> | undefined;
  /**
   * Language of the messages.
   * @defaultValue `"en"`
   */
  readonly locale?: Locale | undefined;
}

/**
 * Builds a zod/mini schema of the step-1 form that applies the same rules as {@link validateLinkForm}. zod 4
 * schemas implement Standard Schema, so form libraries (React Hook Form, TanStack Form, Conform…) accept it.
 * Each zod issue carries the paylinks issue `code` and its params in `params`, and the paylinks message.
 *
 * @param context - The shop, the actor and the locale; without a shop only the shop-independent rules apply.
 * @returns A zod/mini object schema whose output is the form as given.
 * @example
 * ```ts
 * const schema = createLinkFormSchema({ shop, locale: "fr" });
 * const result = schema["~standard"].validate(form); // Standard Schema
 * ```
 */
export function createLinkFormSchema(context: LinkFormSchemaContext = {}): z.ZodMiniType<LinkForm, LinkForm> {
  const locale = context.locale;
  const typeError = (expected: string) => ({ error: () => issueMessage("type_invalid", { expected }, locale) });
  const text = z.string(typeError("string"));
  const flag = z.optional(z.boolean(typeError("boolean")));
  const shape = z.object(
    {
      shopId: text,
      mode: z.optional(z.string(typeError("string"))),
      amount: text,
      currency: text,
      orderReference: z.optional(text),
      recipients: text,
      buyerReference: z.optional(text),
      channel: z.optional(z.string(typeError("string"))),
      bcc: z.optional(z.object({ shopManager: flag, me: flag, addresses: z.optional(text) }, typeError("object"))),
    },
    typeError("object"),
  );
  return shape.check(
    z.superRefine((form, ctx) => {
      const issues: Issue[] = [];
      checkLink(form, { shop: context.shop, actor: context.actor, locale, amount: "text" }, issues);
      for (const issue of issues) {
        ctx.addIssue({
          code: "custom",
          input: form,
          path: [...issue.path],
          message: issue.message,
          params: { code: issue.code, ...issue.params },
        });
      }
    }),
  ) as unknown as z.ZodMiniType<LinkForm, LinkForm>;
}

/**
 * The step-1 form schema without a shop: every rule that does not depend on the shop (amount syntax and
 * precision, currency code, reference characters and length, addresses, buyer reference), with English
 * messages. Use {@link createLinkFormSchema} to add the shop's rules or French messages.
 */
export const linkFormSchema: z.ZodMiniType<LinkForm, LinkForm> = /* @__PURE__ */ createLinkFormSchema();
