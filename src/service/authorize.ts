import type { Actor, Mode } from "../actor/actor";
import { PaylinksError } from "../issues/paylinks-error";

/** What an action touches, for the permission check. Internal. */
export interface Scope {
  readonly shopId: string;
  readonly mode: Mode;
  /** The creator of the order acted upon; absent when creating. */
  readonly createdBy?: string | undefined;
}

function forbidden(action: string, actor: Actor, what: string, details: Record<string, string>): PaylinksError {
  return new PaylinksError("forbidden", `${action}: actor ${actor.id} ${what}`, { details: { action, ...details } });
}

/**
 * Checks that an actor may perform an action: access to the expert back office, the "manage payment orders"
 * permission, the shop, the mode (TEST or PRODUCTION), and, for an existing order of someone else, the right to
 * see every order. Throws before anything is written. Internal.
 */
export function authorize(actor: Actor, action: string, scope: Scope): void {
  authorizeBase(actor, action);
  const { permissions } = actor;
  if (!Array.isArray(actor.shopIds) || !actor.shopIds.includes(scope.shopId)) {
    throw forbidden(action, actor, `may not use shop ${scope.shopId}`, { shopId: scope.shopId });
  }
  if (!Array.isArray(permissions.modes) || !permissions.modes.includes(scope.mode)) {
    throw forbidden(action, actor, `may not use ${scope.mode} payment orders`, { mode: scope.mode });
  }
  if (scope.createdBy !== undefined && scope.createdBy !== actor.id && permissions.viewAllOrders !== true) {
    throw forbidden(action, actor, "may only see the orders it created", { permission: "viewAllOrders" });
  }
}

/** Checks the two permissions every call needs: the expert back office and managing payment orders. Internal. */
export function authorizeBase(actor: Actor, action: string): void {
  if (
    actor === null ||
    typeof actor !== "object" ||
    typeof actor.permissions !== "object" ||
    actor.permissions === null
  ) {
    throw new PaylinksError("forbidden", `${action}: no actor`, { details: { action } });
  }
  if (actor.permissions.expertBackOffice !== true) {
    throw forbidden(action, actor, "has no access to the expert back office", { permission: "expertBackOffice" });
  }
  if (actor.permissions.managePaymentOrders !== true) {
    throw forbidden(action, actor, "may not manage payment orders", { permission: "managePaymentOrders" });
  }
  // A malformed actor is refused here, so that no call can read a missing list as "no restriction".
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === "string");
  if (
    typeof actor.id !== "string" ||
    !strings(actor.shopIds) ||
    !strings(actor.permissions.modes) ||
    typeof actor.permissions.viewAllOrders !== "boolean"
  ) {
    throw forbidden(action, actor, "is malformed: id, shopIds, permissions.modes and viewAllOrders are required", {
      permission: "actor",
    });
  }
}
