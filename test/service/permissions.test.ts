import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/index";
import {
  actorWith,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  rejectionOf,
  snapshotOf,
  type World,
} from "./support";

/** The link acted upon: the first of a two-recipient order created by the owner and delivered. */
interface Target {
  readonly linkId: string;
  readonly orderId: string;
}

type DenialKind = "expertBackOffice" | "managePaymentOrders" | "shop" | "mode" | "viewAllOrders";

interface Denial {
  readonly kind: DenialKind;
  readonly actor: Actor;
  /** What `details` must name. */
  readonly details: Readonly<Record<string, string>>;
}

const DENIALS: readonly Denial[] = [
  {
    kind: "expertBackOffice",
    actor: actorWith({ permissions: { expertBackOffice: false } }),
    details: { permission: "expertBackOffice" },
  },
  {
    kind: "managePaymentOrders",
    actor: actorWith({ permissions: { managePaymentOrders: false } }),
    details: { permission: "managePaymentOrders" },
  },
  { kind: "shop", actor: actorWith({ shopIds: ["shop-2"] }), details: { shopId: "shop-1" } },
  { kind: "mode", actor: actorWith({ permissions: { modes: ["TEST"] } }), details: { mode: "PRODUCTION" } },
  {
    kind: "viewAllOrders",
    actor: actorWith({ id: "user-2", email: "paul@librairie-durand.fr", permissions: { viewAllOrders: false } }),
    details: { permission: "viewAllOrders" },
  },
];

interface ActionCase {
  readonly action: string;
  /** Brings the target into a state where the owner may run the action. */
  readonly prepare?: (world: World, target: Target) => Promise<void>;
  readonly run: (world: World, actor: Actor, target: Target, kind: DenialKind) => Promise<unknown>;
  /** The denials that make the action forbidden (the others narrow what it touches instead). */
  readonly forbiddenFor: readonly DenialKind[];
}

const ALL: readonly DenialKind[] = ["expertBackOffice", "managePaymentOrders", "shop", "mode", "viewAllOrders"];
const NEW_ORDER: readonly DenialKind[] = ["expertBackOffice", "managePaymentOrders", "shop", "mode"];
const BASE_ONLY: readonly DenialKind[] = ["expertBackOffice", "managePaymentOrders"];

const ACTIONS: readonly ActionCase[] = [
  {
    action: "createOrder",
    run: (w, actor) => w.paylinks.createOrder(linkRequest({ recipients: "carol@example.fr" }), { actor }),
    forbiddenFor: NEW_ORDER,
  },
  {
    action: "send",
    run: (w, actor) => w.paylinks.send(linkRequest({ recipients: "carol@example.fr" }), { actor }),
    forbiddenFor: NEW_ORDER,
  },
  { action: "resend", run: (w, actor, t) => w.paylinks.resend(t.linkId, { actor }), forbiddenFor: ALL },
  {
    action: "update",
    run: (w, actor, t) => w.paylinks.update(t.linkId, { amount: 1234 }, { actor }),
    forbiddenFor: ALL,
  },
  {
    action: "changeExpiry",
    run: (w, actor, t) => w.paylinks.changeExpiry(t.linkId, { validityDays: 10 }, { actor }),
    forbiddenFor: ALL,
  },
  { action: "cancel", run: (w, actor, t) => w.paylinks.cancel(t.linkId, { actor }), forbiddenFor: ALL },
  {
    action: "reactivate",
    prepare: async (w, t) => {
      await w.paylinks.cancel(t.linkId, { actor: OWNER });
    },
    run: (w, actor, t) => w.paylinks.reactivate(t.linkId, { actor }),
    forbiddenFor: ALL,
  },
  { action: "duplicate", run: (w, actor, t) => w.paylinks.duplicate(t.linkId, { actor }), forbiddenFor: ALL },
  {
    action: "recordPayment",
    run: (w, actor, t) => w.paylinks.recordPayment(t.linkId, { status: "PAID", transactionId: "tx-1" }, { actor }),
    forbiddenFor: ALL,
  },
  {
    action: "expireDue",
    prepare: async (w) => {
      w.clock.advance(PAST_EXPIRY_MS);
    },
    run: (w, actor) => w.paylinks.expireDue({ actor }),
    forbiddenFor: BASE_ONLY,
  },
  { action: "getOrder", run: (w, actor, t) => w.paylinks.getOrder(t.orderId, { actor }), forbiddenFor: ALL },
  { action: "getLink", run: (w, actor, t) => w.paylinks.getLink(t.linkId, { actor }), forbiddenFor: ALL },
  {
    action: "listLinks",
    run: (w, actor, _t, kind) => {
      const filter =
        kind === "shop"
          ? { shopIds: ["shop-1"] }
          : kind === "mode"
            ? { modes: ["PRODUCTION" as const] }
            : kind === "viewAllOrders"
              ? { createdBy: OWNER.id }
              : {};
      return w.paylinks.listLinks(filter, {}, { actor });
    },
    forbiddenFor: ALL,
  },
];

/** A world with the owner's delivered two-recipient order, prepared for the action. */
async function arrange(testCase: ActionCase): Promise<{ world: World; target: Target }> {
  const world = makeWorld();
  const { order, links } = await world.paylinks.createOrder(
    linkRequest({ recipients: "alice@example.fr;bob@example.fr" }),
    { actor: OWNER },
  );
  await world.paylinks.deliver();
  const target = { linkId: first(links).id, orderId: order.id };
  await testCase.prepare?.(world, target);
  return { world, target };
}

const forbiddenCases = ACTIONS.flatMap((testCase) =>
  DENIALS.filter((denial) => testCase.forbiddenFor.includes(denial.kind)).map(
    (denial) => [testCase.action, denial.kind, testCase, denial] as const,
  ),
);

describe("createPaylinks permissions", () => {
  describe("the owner with every permission", () => {
    it.each(ACTIONS.map((testCase) => [testCase.action, testCase] as const))(
      "may %s the target (so a refusal below comes from the missing right)",
      async (_name, testCase) => {
        const { world, target } = await arrange(testCase);
        await expect(testCase.run(world, OWNER, target, "shop")).resolves.toBeDefined();
      },
    );
  });

  describe("an actor missing one right", () => {
    it.each(forbiddenCases)(
      "%s without %s is forbidden, naming what is missing",
      async (action, _kind, testCase, denial) => {
        const { world, target } = await arrange(testCase);
        const error = await rejectionOf(testCase.run(world, denial.actor, target, denial.kind));
        expect(error.code).toBe("forbidden");
        expect(error.details).toMatchObject(denial.details);
        // The action named is the one checked: `send` checks `createOrder`.
        expect(error.details.action).toBe(action === "send" ? "createOrder" : action);
      },
    );

    it.each(forbiddenCases)(
      "%s without %s writes, emits and sends nothing",
      async (_action, _kind, testCase, denial) => {
        const { world, target } = await arrange(testCase);
        const before = await snapshotOf(world.store);
        const eventsBefore = world.events.length;
        const sentBefore = world.transport.messages.length;
        await rejectionOf(testCase.run(world, denial.actor, target, denial.kind));
        expect(await snapshotOf(world.store)).toEqual(before);
        expect(world.events.slice(eventsBefore)).toEqual([]);
        expect(world.transport.messages.length).toBe(sentBefore);
      },
    );
  });

  describe("expireDue for an actor without the shop, the mode, or the right to see every order", () => {
    const scoped = DENIALS.filter((denial) => !BASE_ONLY.includes(denial.kind));
    it.each(scoped.map((denial) => [denial.kind, denial] as const))(
      "without %s it expires none of the owner's links and writes nothing",
      async (_kind, denial) => {
        const world = makeWorld();
        await world.paylinks.createOrder(linkRequest({ recipients: "alice@example.fr;bob@example.fr" }), {
          actor: OWNER,
        });
        world.clock.advance(PAST_EXPIRY_MS);
        const before = await snapshotOf(world.store);
        const eventsBefore = world.events.length;
        await expect(world.paylinks.expireDue({ actor: denial.actor })).resolves.toEqual({ expired: 0 });
        expect(await snapshotOf(world.store)).toEqual(before);
        expect(world.events.slice(eventsBefore)).toEqual([]);
      },
    );
  });

  describe("an actor without a usable permissions object", () => {
    it("is forbidden without details of a permission, and nothing is stored", async () => {
      const world = makeWorld();
      const broken = { id: "ghost", shopIds: ["shop-1"], permissions: null } as unknown as Actor;
      const error = await rejectionOf(world.paylinks.createOrder(linkRequest(), { actor: broken }));
      expect(error.code).toBe("forbidden");
      expect(error.details).toEqual({ action: "createOrder" });
      expect(world.store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
    });
  });

  describe("an actor without access to the back office, asking about an id that does not exist", () => {
    // Regression test, for a bug fixed since (src/service/create-paylinks.ts getOrder/getLink, src/service/link-actions.ts loadLink via changeLink):
    // the link or order is read before any permission is checked, so an actor without expertBackOffice (or
    // managePaymentOrders) gets `not_found` for an unknown id and `forbidden` for a known one: it can tell which
    // ids exist. createPaylinks' documentation says "checks its permissions first; nothing is read or written for
    // an actor without the right". authorizeBase could run before loadLink / store.getOrder.
    // Expected: forbidden (permission expertBackOffice).
    const outsider = actorWith({ permissions: { expertBackOffice: false } });
    it("is forbidden, as for an id that exists (no existence oracle)", async () => {
      const world = makeWorld();
      for (const call of [
        () => world.paylinks.getLink("no-such-link", { actor: outsider }),
        () => world.paylinks.getOrder("no-such-order", { actor: outsider }),
        () => world.paylinks.cancel("no-such-link", { actor: outsider }),
      ]) {
        const error = await rejectionOf(call());
        expect(error.code).toBe("forbidden");
        expect(error.details).toMatchObject({ permission: "expertBackOffice" });
      }
    });
  });

  describe("deliver", () => {
    it("takes no actor: it is the worker's job, and sends the links anyone created", async () => {
      const world = makeWorld();
      const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const report = await world.paylinks.deliver();
      expect(report.sent).toBe(1);
      expect(world.transport.messages.map((m) => m.mail.linkId)).toEqual([first(links).id]);
    });
  });
});
