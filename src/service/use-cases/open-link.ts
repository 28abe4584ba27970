import { createHash, timingSafeEqual } from "node:crypto";
import type { Mode } from "../../actor/actor";
import type { StoredLink } from "../../ports/payment-order-records";
import type { ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { effectiveStatus } from "../transitions";
import { linkEvent } from "./change-link";

/** Why a link cannot be paid now. `unknown` covers an unknown, malformed or wrong token alike. */
export type UnpayableReason = "expired" | "cancelled" | "paid" | "refused" | "unknown";

/** What a payment page shows of a link it found: never its token, URL, e-mail or blind copies. */
export interface PaymentPageLink {
  /** The link's id (it appears in the payment platform's notifications). */
  readonly linkId: string;
  /** The shop's id. */
  readonly shopId: string;
  /** The shop's name, as configured now. */
  readonly shopName: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** Amount in minor units. */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** The order reference, suffixed for this recipient. */
  readonly reference: string | undefined;
  /** The buyer reference. */
  readonly buyerReference: string | undefined;
  /** The recipient's e-mail address: the buyer the link was sent to. */
  readonly recipient: string;
  /** When the link expires. */
  readonly expiresAt: Date;
  /** The language of the message and the payment page. */
  readonly language: string;
}

/** What `openLink` answers: a link that can be paid now, or why it cannot. */
export type LinkOpening =
  | {
      /** The link can be paid now. */
      readonly payable: true;
      /** What the payment page shows. */
      readonly link: PaymentPageLink;
    }
  | {
      /** The link cannot be paid now. */
      readonly payable: false;
      /** Why: its status, or `unknown`. */
      readonly reason: Exclude<UnpayableReason, "unknown">;
      /** What the payment page shows. */
      readonly link: PaymentPageLink;
    }
  | {
      /** No link has this token (or it is malformed): the same answer whatever the token was. */
      readonly payable: false;
      /** Always `unknown`. */
      readonly reason: "unknown";
    };

/** The one answer to a token that leads nowhere. */
const UNKNOWN: LinkOpening = Object.freeze({ payable: false, reason: "unknown" });

/** Longest token looked up; anything longer is answered as unknown without a lookup. */
const MAX_TOKEN_LENGTH = 512;

const digest = (value: string): Buffer => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether the stored token is the one asked for, in constant time: a store may match more loosely than
 * byte-for-byte (a collation, a case-insensitive column), and the comparison must not tell how much matched.
 */
const sameToken = (stored: string, asked: string): boolean => timingSafeEqual(digest(stored), digest(asked));

const REASONS = { EXPIRED: "expired", CANCELLED: "cancelled", PAID: "paid", REFUSED: "refused" } as const;

function pageLinkOf(link: StoredLink, shopName: string): PaymentPageLink {
  return {
    linkId: link.id,
    shopId: link.shopId,
    shopName,
    mode: link.mode,
    amount: link.amount,
    currency: link.currency,
    reference: link.reference,
    buyerReference: link.buyerReference,
    recipient: link.recipient,
    expiresAt: link.expiresAt,
    language: link.advanced.language,
  };
}

/**
 * Records the first opening of a link: `openedAt` and the `opened` event, once. A concurrent change is re-read
 * and retried; a link opened meanwhile by another request is left as it is.
 */
async function recordOpening(context: ServiceContext, found: StoredLink, now: Date): Promise<void> {
  let link: StoredLink | undefined = found;
  for (let round = 0; round < 5 && link && link.openedAt === undefined; round++) {
    const next: StoredLink = { ...link, openedAt: now, updatedAt: now, version: link.version + 1 };
    const current: StoredLink = link;
    if (await storeCall("recording that a link was opened", () => context.store.updateLink(next, current.version))) {
      context.events.emit(linkEvent(next, undefined, { type: "opened" }));
      return;
    }
    const id = current.id;
    link = await storeCall("reading a link", () => context.store.getLink(id));
  }
}

/**
 * Looks a link up by its secret token for the payment page, and records its first opening. No actor: the token
 * is the capability. An unknown, malformed or wrong token gets one and the same answer; the token never appears
 * in an event, an error or a log. Internal: the service's `openLink`.
 */
export async function openLink(context: ServiceContext, token: unknown): Promise<LinkOpening> {
  if (typeof token !== "string" || token === "" || token.length > MAX_TOKEN_LENGTH) return UNKNOWN;
  const link = await storeCall("looking up a link", () => context.store.findLinkByToken(token));
  if (!link || !sameToken(link.token, token)) return UNKNOWN;
  const now = context.clock.now();
  const shop = await context.findShop(link.shopId).catch(() => undefined);
  if (link.openedAt === undefined) await recordOpening(context, link, now);
  const page = pageLinkOf(link, shop?.name ?? link.shopId);
  const status = effectiveStatus(link, now);
  return status === "RUNNING" ? { payable: true, link: page } : { payable: false, reason: REASONS[status], link: page };
}
