import { describe, expect, it } from "vitest";
import type { PaymentStatus, StoredLink } from "../../src/ports";
import { makeWorld, OWNER, PAST_EXPIRY_MS, rejectionOf, sentLink, snapshotOf, storedLink, type World } from "./support";

/** The states a link can be in; LAPSED is a RUNNING link whose expiry passed before expireDue ran. */
type State = PaymentStatus | "LAPSED";

const STATES: readonly State[] = ["RUNNING", "PAID", "REFUSED", "CANCELLED", "EXPIRED", "LAPSED"];

/** The status an action sees: a lapsed link counts as EXPIRED. */
const seenAs = (state: State): PaymentStatus => (state === "LAPSED" ? "EXPIRED" : state);

/** A world with one sent link brought into `state` through the service itself. */
async function linkIn(state: State): Promise<{ world: World; link: StoredLink }> {
  const world = makeWorld();
  const { paylinks } = world;
  const link = await sentLink(world);
  const actor = OWNER;
  if (state === "PAID" || state === "REFUSED") {
    await paylinks.recordPayment(link.id, { status: state, transactionId: "tx-1" }, { actor });
  } else if (state === "CANCELLED") {
    await paylinks.cancel(link.id, { actor });
  } else if (state === "EXPIRED" || state === "LAPSED") {
    world.clock.advance(PAST_EXPIRY_MS);
    if (state === "EXPIRED") await paylinks.expireDue({ actor });
  }
  const stored = await storedLink(world.store, link.id);
  expect(stored.payment.status).toBe(state === "LAPSED" ? "RUNNING" : state);
  return { world, link: stored };
}

interface ActionCase {
  readonly action: string;
  readonly allowedIn: readonly State[];
  readonly run: (world: World, link: StoredLink) => Promise<unknown>;
  /** Checks an allowed run: the link as stored afterwards and the events it emitted. */
  readonly check: (after: StoredLink, before: StoredLink, world: World, eventTypes: string[]) => void;
}

const ACTIONS: readonly ActionCase[] = [
  {
    action: "resend",
    allowedIn: ["RUNNING"],
    run: (w, l) => w.paylinks.resend(l.id, { actor: OWNER }),
    check: (after, before, _w, events) => {
      expect(after).toMatchObject({
        payment: { status: "RUNNING" },
        delivery: { status: "PENDING", sendCount: before.delivery.sendCount + 1 },
      });
      expect(events).toEqual(["resent"]);
    },
  },
  {
    action: "update",
    allowedIn: ["RUNNING", "EXPIRED", "LAPSED"],
    run: (w, l) => w.paylinks.update(l.id, { amount: 1234, advanced: { validityDays: 5 } }, { actor: OWNER }),
    check: (after, before, w, events) => {
      expect(after).toMatchObject({ payment: { status: "RUNNING" }, delivery: { status: "PENDING" }, amount: 1234 });
      expect(after.delivery.sendCount).toBe(before.delivery.sendCount + 1);
      expect(after.expiresAt.getTime()).toBeGreaterThan(w.clock.now().getTime());
      expect(events).toEqual(["updated"]);
    },
  },
  {
    action: "changeExpiry",
    allowedIn: ["RUNNING", "EXPIRED", "LAPSED"],
    run: (w, l) => w.paylinks.changeExpiry(l.id, { validityDays: 5 }, { actor: OWNER }),
    check: (after, before, w, events) => {
      expect(after).toMatchObject({ payment: { status: "RUNNING" }, delivery: { status: before.delivery.status } });
      expect(after.delivery.sendCount).toBe(before.delivery.sendCount);
      expect(after.expiresAt.getTime()).toBeGreaterThan(w.clock.now().getTime());
      expect(events).toEqual(["expiry_changed"]);
    },
  },
  {
    action: "cancel",
    allowedIn: ["RUNNING"],
    run: (w, l) => w.paylinks.cancel(l.id, { actor: OWNER }),
    check: (after, _before, _w, events) => {
      expect(after.payment.status).toBe("CANCELLED");
      expect(events).toEqual(["cancelled"]);
    },
  },
  {
    action: "reactivate",
    allowedIn: ["CANCELLED"],
    run: (w, l) => w.paylinks.reactivate(l.id, { actor: OWNER }),
    check: (after, _before, _w, events) => {
      expect(after.payment.status).toBe("RUNNING");
      expect(events).toEqual(["reactivated"]);
    },
  },
  {
    action: "duplicate",
    allowedIn: STATES,
    run: (w, l) => w.paylinks.duplicate(l.id, { actor: OWNER }),
    check: (after, before, _w, events) => {
      // The source link is left as it was; the copy is a new order.
      expect(after).toEqual(before);
      expect(events).toEqual(["created"]);
    },
  },
  {
    action: "recordPayment",
    allowedIn: ["RUNNING"],
    run: (w, l) => w.paylinks.recordPayment(l.id, { status: "PAID", transactionId: "tx-2" }, { actor: OWNER }),
    check: (after, _before, _w, events) => {
      expect(after).toMatchObject({ payment: { status: "PAID", transactionId: "tx-2" } });
      expect(events).toEqual(["paid"]);
    },
  },
];

const table = ACTIONS.flatMap((testCase) =>
  STATES.map((state) => [testCase.action, state, testCase.allowedIn.includes(state), testCase] as const),
);

describe("createPaylinks link actions in every payment status", () => {
  describe("allowed", () => {
    it.each(table.filter(([, , allowed]) => allowed))(
      "%s from %s is applied",
      async (_action, state, _allowed, testCase) => {
        const { world, link } = await linkIn(state);
        const eventsBefore = world.events.length;
        await testCase.run(world, link);
        const after = await storedLink(world.store, link.id);
        testCase.check(
          after,
          link,
          world,
          world.events.slice(eventsBefore).map((e) => e.type),
        );
      },
    );
  });

  describe("refused", () => {
    it.each(table.filter(([, , allowed]) => !allowed))(
      "%s from %s throws invalid_transition naming the status and the action, and writes nothing",
      async (action, state, _allowed, testCase) => {
        const { world, link } = await linkIn(state);
        const before = await snapshotOf(world.store);
        const eventsBefore = world.events.length;
        const sentBefore = world.transport.messages.length;
        const error = await rejectionOf(testCase.run(world, link));
        expect(error.code).toBe("invalid_transition");
        expect(error.details).toMatchObject({ action, status: seenAs(state), linkId: link.id });
        expect(await snapshotOf(world.store)).toEqual(before);
        expect(world.events.slice(eventsBefore)).toEqual([]);
        expect(world.transport.messages.length).toBe(sentBefore);
      },
    );
  });

  describe("expireDue", () => {
    it("expires a RUNNING link whose expiry passed, with an expired event", async () => {
      const { world, link } = await linkIn("LAPSED");
      const eventsBefore = world.events.length;
      await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 1 });
      expect((await storedLink(world.store, link.id)).payment.status).toBe("EXPIRED");
      expect(world.events.slice(eventsBefore)).toMatchObject([{ type: "expired", linkId: link.id, actorId: OWNER.id }]);
    });

    it.each(STATES.filter((s) => s !== "LAPSED"))("leaves a %s link alone and writes nothing", async (state) => {
      const { world } = await linkIn(state);
      const before = await snapshotOf(world.store);
      const eventsBefore = world.events.length;
      await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 0 });
      expect(await snapshotOf(world.store)).toEqual(before);
      expect(world.events.slice(eventsBefore)).toEqual([]);
    });

    it("leaves a RUNNING link alone until the last second of its expiry has passed", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      world.clock.set(link.expiresAt);
      await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 0 });
      world.clock.advance(1);
      await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 1 });
    });
  });
});
