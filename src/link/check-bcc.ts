import type { Actor } from "../actor/actor";
import { createIssue } from "../issues/create-issue";
import type { Issue, IssuePath, Locale } from "../issues/issue";
import { preview } from "../issues/preview";
import { normalizeEmailAddress } from "../recipients/email-address";
import { checkAddressList } from "../recipients/split-recipients";
import type { ShopConfig } from "../shop/shop-config";
import { readField } from "./read-field";

/**
 * Most blind-copy addresses on one link's e-mail: every e-mail of the order goes to all of them, so the list
 * is kept short (the back office offers the shop manager, the user and one more address).
 */
export const BCC_MAX_ADDRESSES = 20;

/**
 * Resolves the blind copies: the shop manager, the acting user, and the other addresses, without repeats.
 * Without a shop (shape-only checks) the manager and "me" switches are not resolved. Internal.
 */
export function checkBcc(
  bcc: unknown,
  shop: ShopConfig | undefined,
  actor: Pick<Actor, "email"> | undefined,
  path: IssuePath,
  issues: Issue[],
  locale: Locale | undefined,
): string[] {
  if (bcc === undefined || bcc === null) return [];
  if (typeof bcc !== "object" || Array.isArray(bcc)) {
    issues.push(createIssue("type_invalid", path, { expected: "object" }, locale));
    return [];
  }
  const resolved: string[] = [];
  const addOne = (
    address: string | undefined,
    key: string,
    missing: "bcc_manager_missing" | "bcc_me_missing",
  ): void => {
    if (address === undefined || address.trim() === "") {
      issues.push(createIssue(missing, [...path, key], {}, locale));
      return;
    }
    const check = normalizeEmailAddress(address);
    if (check.ok) resolved.push(check.address);
    else
      issues.push(
        createIssue("bcc_invalid", [...path, key], { value: preview(address), reason: check.reason }, locale),
      );
  };
  for (const key of ["shopManager", "me"] as const) {
    const flag = readField(bcc, key);
    if (flag !== undefined && typeof flag !== "boolean") {
      issues.push(createIssue("type_invalid", [...path, key], { expected: "boolean" }, locale));
    } else if (flag && shop) {
      if (key === "shopManager") addOne(shop.managerEmail, key, "bcc_manager_missing");
      else addOne(actor?.email, key, "bcc_me_missing");
    }
  }
  const addresses = readField(bcc, "addresses");
  if (addresses !== undefined && addresses !== null) {
    if (typeof addresses === "string" || (Array.isArray(addresses) && addresses.every((a) => typeof a === "string"))) {
      resolved.push(
        ...checkAddressList(
          addresses,
          { invalidCode: "bcc_invalid", reportDuplicates: false },
          [...path, "addresses"],
          issues,
          locale,
        ).addresses,
      );
    } else {
      issues.push(createIssue("type_invalid", [...path, "addresses"], { expected: "list" }, locale));
    }
  }
  const seen = new Set<string>();
  const unique = resolved.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > BCC_MAX_ADDRESSES) {
    issues.push(createIssue("bcc_too_many", path, { max: BCC_MAX_ADDRESSES, count: unique.length }, locale));
  }
  return unique;
}
