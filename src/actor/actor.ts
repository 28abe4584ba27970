/** The two kinds of payment orders: real ones, and TEST ones that move no money. */
export const MODES = ["PRODUCTION", "TEST"] as const;

/** One of {@link MODES}. */
export type Mode = (typeof MODES)[number];

/** What a user of the back office may do. */
export interface ActorPermissions {
  /** "Accès au back office expert": access to the back office where links are created. */
  readonly expertBackOffice: boolean;
  /** "Gérer les ordres de paiement": create and manage payment orders. */
  readonly managePaymentOrders: boolean;
  /** The modes this user may work in. */
  readonly modes: readonly Mode[];
  /** View every order of its shops (`true`) or only the orders it created (`false`). */
  readonly viewAllOrders: boolean;
}

/**
 * The person (or system) acting: who creates links. The link rules use its `email` for the "copy to me" blind
 * copy; the service checks its permissions.
 */
export interface Actor {
  /** Stable identifier of the user. */
  readonly id: string;
  /** The address of the user's account. */
  readonly email?: string | undefined;
  /** The shops this user may work on. */
  readonly shopIds: readonly string[];
  /** What this user may do. */
  readonly permissions: ActorPermissions;
}
