import type { Actor } from "../actor/actor";
import type { Check, IssueSink } from "../internal/issue-sink";
import { preview } from "../internal/preview";
import { readField } from "../internal/read-field";
import { normalizeEmailAddress } from "../recipients/email-address";
import { checkAddressList } from "../recipients/split-recipients";
import type { ShopConfig } from "../shop/shop-config";

/**
 * Most blind-copy addresses on one link's e-mail: every e-mail of the order goes to all of them, so the list
 * is kept short (the back office offers the shop manager, the user and one more address).
 */
export const BCC_MAX_ADDRESSES = 20;

/** What {@link checkBcc} needs: without a shop (shape-only checks), the manager and "me" switches are not resolved. */
export interface BccContext {
  readonly shop: ShopConfig | undefined;
  readonly actor: Pick<Actor, "email"> | undefined;
}

/** Adds one configured address (the manager's, the actor's) to `resolved`, or reports it missing or invalid. */
function addConfigured(
  address: string | undefined,
  missing: "bcc_manager_missing" | "bcc_me_missing",
  resolved: string[],
  sink: IssueSink,
): void {
  if (address === undefined || address.trim() === "") {
    sink.add(missing);
    return;
  }
  const check = normalizeEmailAddress(address);
  if (check.ok) resolved.push(check.address);
  else sink.add("bcc_invalid", { value: preview(address), reason: check.reason });
}

/** Resolves the blind copies: the shop manager, the acting user, and the other addresses, without repeats. Internal. */
export const checkBcc: Check<BccContext, string[]> = (bcc, { shop, actor }, sink) => {
  if (bcc === undefined || bcc === null) return [];
  if (typeof bcc !== "object" || Array.isArray(bcc)) {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const resolved: string[] = [];
  for (const key of ["shopManager", "me"] as const) {
    const flag = readField(bcc, key);
    if (flag !== undefined && typeof flag !== "boolean") sink.at(key).add("type_invalid", { expected: "boolean" });
    else if (flag && shop) {
      if (key === "shopManager") addConfigured(shop.managerEmail, "bcc_manager_missing", resolved, sink.at(key));
      else addConfigured(actor?.email, "bcc_me_missing", resolved, sink.at(key));
    }
  }
  const addresses = readField(bcc, "addresses");
  if (addresses !== undefined && addresses !== null) {
    const rules = { invalidCode: "bcc_invalid", reportDuplicates: false } as const;
    resolved.push(...(checkAddressList(addresses, rules, sink.at("addresses"))?.addresses ?? []));
  }
  const seen = new Set<string>();
  const unique = resolved.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > BCC_MAX_ADDRESSES) sink.add("bcc_too_many", { max: BCC_MAX_ADDRESSES, count: unique.length });
  return unique;
};
