import * as z from "zod/mini";
import type { Actor } from "../actor/actor";
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
 * Every check, type checks included, is the paylinks rule itself, so every issue comes back at once, each as a
 * zod `custom` issue with the paylinks `code` and params in `params` and the paylinks message.
 *
 * @param context - The shop, the actor and the locale; without a shop only the shop-independent rules apply.
 * @returns A zod/mini schema whose output is the form as given (use {@link validateLinkForm} for the parsed
 *   values).
 * @example
 * ```ts
 * const schema = createLinkFormSchema({ shop, locale: "fr" });
 * const result = schema["~standard"].validate(form); // Standard Schema
 * ```
 */
export function createLinkFormSchema(context: LinkFormSchemaContext = {}): z.ZodMiniType<LinkForm, LinkForm> {
  const schema = z.unknown().check(
    z.superRefine((form, ctx) => {
      const issues: Issue[] = [];
      checkLink(form, { shop: context.shop, actor: context.actor, locale: context.locale, amount: "text" }, issues);
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
  );
  // Every check, types included, is paylinks' own, so the output is the form exactly as given.
  return schema as unknown as z.ZodMiniType<LinkForm, LinkForm>;
}

/**
 * The step-1 form schema without a shop: every rule that does not depend on the shop (amount syntax and
 * precision, currency code, reference characters and length, addresses, buyer reference), with English
 * messages. Use {@link createLinkFormSchema} to add the shop's rules or French messages.
 */
export const linkFormSchema: z.ZodMiniType<LinkForm, LinkForm> = /* @__PURE__ */ createLinkFormSchema();
