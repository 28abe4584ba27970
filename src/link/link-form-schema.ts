import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Actor } from "../actor/actor";
import { collect } from "../internal/issue-sink";
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
   * @defaultValue {@link en}
   */
  readonly locale?: Locale | undefined;
}

/**
 * A Standard Schema of the step-1 form: its output is the form as given, and its issues are paylinks
 * {@link Issue}s (a Standard Schema issue with the stable `code` and the `params` besides the `message` and the
 * `path`).
 */
export interface LinkFormSchema extends StandardSchemaV1<LinkForm, LinkForm> {
  /** The Standard Schema properties; `validate` answers synchronously. */
  readonly "~standard": LinkFormSchemaProps;
}

/** The `~standard` properties of a {@link LinkFormSchema}. */
export interface LinkFormSchemaProps extends StandardSchemaV1.Props<LinkForm, LinkForm> {
  /** Validates a form; synchronous, never throws on bad input. */
  readonly validate: (value: unknown) => StandardSchemaV1.SuccessResult<LinkForm> | LinkFormFailure;
}

/** A failed validation of a {@link LinkFormSchema}: every issue at once. */
export interface LinkFormFailure extends StandardSchemaV1.FailureResult {
  /** The paylinks issues, in field order. */
  readonly issues: readonly Issue[];
}

/**
 * Builds a [Standard Schema](https://standardschema.dev) of the step-1 form that applies the same rules as
 * {@link validateLinkForm}, so that form libraries that accept Standard Schema (React Hook Form, TanStack Form,
 * Conform…) can use it. It is written directly, with no schema library: every issue comes back at once, wrong
 * types included, and each is the paylinks issue itself, with its `code` and `params`.
 *
 * @param context - The shop, the actor and the locale; without a shop only the shop-independent rules apply.
 * @returns A schema whose output is the form as given (use {@link validateLinkForm} for the parsed values).
 * @example
 * ```ts
 * const schema = createLinkFormSchema({ shop, locale: fr }); // fr from "paylinks/locales/fr"
 * const result = schema["~standard"].validate(form); // Standard Schema
 * ```
 */
export function createLinkFormSchema(context: LinkFormSchemaContext = {}): LinkFormSchema {
  const validate = (value: unknown): StandardSchemaV1.SuccessResult<LinkForm> | LinkFormFailure => {
    const result = collect(context.locale, (sink) =>
      checkLink(value, { shop: context.shop, actor: context.actor, amount: "text" }, sink),
    );
    return result.ok ? { value: value as LinkForm } : { issues: result.issues };
  };
  return { "~standard": { version: 1, vendor: "paylinks", validate } };
}

/**
 * The step-1 form schema without a shop: every rule that does not depend on the shop (amount syntax and
 * precision, currency code, reference characters and length, addresses, buyer reference), with English
 * messages. Use {@link createLinkFormSchema} to add the shop's rules or French messages.
 */
export const linkFormSchema: LinkFormSchema = /* @__PURE__ */ createLinkFormSchema();
