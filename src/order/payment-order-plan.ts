import type { Actor, Mode } from "../actor/actor";
import type { AdvancedParameters } from "../advanced/advanced-parameters";
import type { MessageTemplate } from "../message/message-template";
import type { RequestContext } from "./payment-order-request";

/** What a link's URL is built from. */
export interface PaymentUrlInput {
  /** The link's id. */
  readonly id: string;
  /** The link's secret token: the part of the URL that cannot be guessed. */
  readonly token: string;
  /** The link's final reference, if any. */
  readonly reference: string | undefined;
  /** The order's id. */
  readonly orderId: string;
  /** The shop's id. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
}

/** How {@link planOrder} names what it plans: who creates the order, and how ids and URLs are made. */
export interface PlanOptions {
  /** The id of the acting user, recorded as the order's creator. */
  readonly createdBy: string;
  /** Returns a new random id from a secure source at each call (the service uses nanoid: 126 bits). */
  readonly generateId: () => string;
  /** Returns the payment page URL of a link, e.g. `https://pay.example/t/${token}`. */
  readonly paymentUrl: (link: PaymentUrlInput) => string;
}

/** Everything {@link planPaymentOrder} needs besides the request: the validation context and the plan options. */
export interface PlanContext extends RequestContext, Omit<PlanOptions, "createdBy"> {
  /** The acting user; the order records its id, and "copy to me" uses its address. */
  readonly actor: Pick<Actor, "id" | "email">;
}

/** The order that Send will create. */
export interface PlannedOrder {
  /** New id of the order. */
  readonly id: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** The shop's id. */
  readonly shopId: string;
  /** Amount in minor units. */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** The reference as entered, before suffixes. */
  readonly reference: string | undefined;
  /** The buyer reference. */
  readonly buyerReference: string | undefined;
  /** Step 2, every default applied; `advanced.expiresAt` is when its links expire. */
  readonly advanced: AdvancedParameters;
  /** Step 3: the template the links were rendered from. */
  readonly message: MessageTemplate;
  /** The blind copies of every link. */
  readonly bcc: readonly string[];
  /** The number of links: one per recipient. */
  readonly linkCount: number;
  /** The creation instant. */
  readonly createdAt: Date;
  /** The id of the actor who created the order. */
  readonly createdBy: string;
}

/** One payment link that Send will create and e-mail. */
export interface PlannedLink {
  /** New id of the link. */
  readonly id: string;
  /** Secret, unguessable token of the link. */
  readonly token: string;
  /** The payment page URL. */
  readonly url: string;
  /** The final reference, suffixed when the order has several recipients. */
  readonly reference: string | undefined;
  /** The buyer's address. */
  readonly recipient: string;
  /** Blind-copy addresses; never shown to the recipient. */
  readonly bcc: readonly string[];
  /** The e-mail's subject. */
  readonly subject: string;
  /** The e-mail's plain-text part. */
  readonly text: string;
  /** The e-mail's HTML part. */
  readonly html: string;
  /** A batch row's amount in minor units; left out, the order's. */
  readonly amount?: number | undefined;
  /** A batch row's currency; left out, the order's. */
  readonly currency?: string | undefined;
  /** A batch row's buyer reference (present, and maybe `undefined`, for every row); left out, the order's. */
  readonly buyerReference?: string | undefined;
  /** The custom message variables the e-mail was rendered with; left out when there are none. */
  readonly variables?: Readonly<Record<string, string>> | undefined;
}

/** The exact result of Send, before anything is stored or sent: also the preview a merchant reviews. */
export interface PaymentOrderPlan {
  /** The order. */
  readonly order: PlannedOrder;
  /** One link per recipient, in list order. */
  readonly links: readonly PlannedLink[];
}
