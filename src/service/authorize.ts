import type { Actor, Mode } from "../actor/actor";
import { PaylinksError } from "../issues/paylinks-error";

/**
 * What an action touches, for {@link authorize}: every list present must be within the actor's rights, and an
 * absent field is not checked. Internal.
 */
export interface Scope {
  /** The shops acted upon. */
  readonly shopIds?: readonly string[] | undefined;
  /** The modes acted upon. */
  readonly modes?: readonly Mode[] | undefined;
  /** The creator of the orders acted upon; absent when creating. */
  readonly createdBy?: string | undefined;
}

/** The scope of a stored order or link: its shop, its mode and its creator. Internal. */
export function scopeOf(record: { readonly shopId: string; readonly mode: Mode; readonly createdBy: string }): Scope {
  return { shopIds: [record.shopId], modes: [record.mode], createdBy: record.createdBy };
}

function forbidden(action: string, actor: Actor, what: string, details: Record<string, string>): PaylinksError {
  return new PaylinksError("forbidden", `${action}: actor ${actor.id} ${what}`, { details: { action, ...details } });
}

const strings = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === "string");

function checkActor(actor: Actor, action: string): void {
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

/**
 * The one permission check of the service. It checks the two rights every call needs (the expert back office and
 * managing payment orders, on a well-formed actor), then the scope: each shop and mode acted upon, and, for
 * orders of someone else, the right to see every order. Use cases call it before they read (with the scope they
 * know, possibly none, so that an actor without rights learns nothing of what exists) and, for a stored record,
 * with the record's scope as soon as it is read; always before anything is written. Internal.
 *
 * @param actor - The acting user.
 * @param action - The use case, named in the error.
 * @param scope - What the action touches; absent fields are not checked.
 * @throws {@link PaylinksError} `forbidden`, with the action and what is missing in its details.
 */
export function authorize(actor: Actor, action: string, scope: Scope = {}): void {
  checkActor(actor, action);
  const { permissions } = actor;
  for (const shopId of scope.shopIds ?? []) {
    if (!actor.shopIds.includes(shopId)) throw forbidden(action, actor, `may not use shop ${shopId}`, { shopId });
  }
  for (const mode of scope.modes ?? []) {
    if (!permissions.modes.includes(mode)) {
      throw forbidden(action, actor, `may not use ${mode} payment orders`, { mode });
    }
  }
  if (scope.createdBy !== undefined && scope.createdBy !== actor.id && permissions.viewAllOrders !== true) {
    throw forbidden(action, actor, "may only see the orders it created", { permission: "viewAllOrders" });
  }
}

/**
 * The part of a link filter the actor's rights impose: its shops and modes, and its own orders unless it may see
 * every order. Internal.
 */
export function visibleTo(actor: Actor): Required<Pick<Scope, "shopIds" | "modes">> & Pick<Scope, "createdBy"> {
  return {
    shopIds: actor.shopIds,
    modes: actor.permissions.modes,
    createdBy: actor.permissions.viewAllOrders === true ? undefined : actor.id,
  };
}
