// Type tests of the public signatures: checked by `npm run typecheck` and run by vitest's typecheck mode in
// `npm test`. A change that breaks a user's code at compile time fails here.
import { describe, expectTypeOf, it } from "vitest";
import {
  type Issue,
  type LinkParameters,
  linkFormSchema,
  type PaymentOrderPlan,
  type PlannedLink,
  planOrder,
  planPaymentOrder,
  type Result,
  renderLink,
  type ValidatedRequest,
  validateLinkForm,
  validateRequest,
} from "../../src";
import { createMemoryStore } from "../../src/adapters/memory";
import { createPostgresStore } from "../../src/adapters/postgres";
import { messagesFr } from "../../src/locales/fr";
import {
  createPaylinks,
  type DELIVERY_STATUSES,
  type DeliveryQueue,
  type DeliveryStatus,
  type Health,
  type HealthOptions,
  type LinkDelivery,
  type LinkFilter,
  type LinkOpening,
  type LinkPayment,
  type OrderStore,
  type PAYMENT_STATUSES,
  type Paylinks,
  type PaylinksOptions,
  type PaymentOrderStore,
  type PaymentStatus,
  type StoredLink,
  type StoredOrder,
  type WorkerBatch,
  type WorkerHealth,
  type WorkerOptions,
  type WorkerSummary,
} from "../../src/service";
import {
  describeDeliveryQueueContract,
  describeOrderStoreContract,
  type LinkFields,
  makeLink,
} from "../../src/testing";

describe("the core's signatures", () => {
  it("validates into a Result of the validated value, or of every issue", () => {
    expectTypeOf(validateLinkForm).returns.toEqualTypeOf<Result<LinkParameters>>();
    expectTypeOf(validateRequest).returns.toEqualTypeOf<Result<ValidatedRequest>>();
    expectTypeOf(planPaymentOrder).returns.toEqualTypeOf<Result<PaymentOrderPlan>>();
    const result = {} as Result<LinkParameters>;
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<LinkParameters>();
    else expectTypeOf(result.issues).toEqualTypeOf<Issue[]>();
  });

  it("plans from the validated value only, and renders one link for an identity", () => {
    expectTypeOf(planOrder).parameter(0).toEqualTypeOf<ValidatedRequest>();
    expectTypeOf(planOrder).returns.toEqualTypeOf<PaymentOrderPlan>();
    expectTypeOf(renderLink).parameter(0).toEqualTypeOf<ValidatedRequest>();
    expectTypeOf(renderLink).returns.toEqualTypeOf<PlannedLink>();
  });

  it("is a Standard Schema v1 whose issues are paylinks issues", () => {
    expectTypeOf(linkFormSchema["~standard"].version).toEqualTypeOf<1>();
    expectTypeOf(linkFormSchema["~standard"].vendor).toEqualTypeOf<string>();
  });

  it("takes the French catalog as a locale", () => {
    expectTypeOf(messagesFr).toBeObject();
  });
});

describe("the ports' signatures", () => {
  it("derives the status types from the exported lists", () => {
    expectTypeOf<PaymentStatus>().toEqualTypeOf<(typeof PAYMENT_STATUSES)[number]>();
    expectTypeOf<DeliveryStatus>().toEqualTypeOf<(typeof DELIVERY_STATUSES)[number]>();
  });

  it("nests a link's payment and delivery states", () => {
    expectTypeOf<StoredLink["payment"]>().toEqualTypeOf<LinkPayment>();
    expectTypeOf<StoredLink["delivery"]>().toEqualTypeOf<LinkDelivery>();
    expectTypeOf<LinkPayment["status"]>().toEqualTypeOf<PaymentStatus>();
    expectTypeOf<LinkDelivery["status"]>().toEqualTypeOf<DeliveryStatus>();
    expectTypeOf<StoredLink>().not.toHaveProperty("paymentStatus");
    expectTypeOf<StoredLink>().not.toHaveProperty("deliveryStatus");
    expectTypeOf<StoredLink>().toExtend<PlannedLink>();
  });

  it("has two small ports, and one adapter may be both", () => {
    expectTypeOf<PaymentOrderStore>().toExtend<OrderStore>();
    expectTypeOf<PaymentOrderStore>().toExtend<DeliveryQueue>();
    expectTypeOf<OrderStore>().not.toHaveProperty("claimDueLinks");
    expectTypeOf<DeliveryQueue>().not.toHaveProperty("saveOrder");
    expectTypeOf<OrderStore["listLinks"]>().parameter(0).toEqualTypeOf<LinkFilter>();
    expectTypeOf<OrderStore["saveOrder"]>().parameters.toEqualTypeOf<[StoredOrder, readonly StoredLink[]]>();
    expectTypeOf<OrderStore["saveOrder"]>().returns.resolves.toEqualTypeOf<"saved" | "duplicate">();
    expectTypeOf(createMemoryStore()).toExtend<PaymentOrderStore>();
    expectTypeOf(createPostgresStore).returns.toExtend<PaymentOrderStore>();
  });
});

describe("the service's signatures", () => {
  it("takes a store, and a queue only when the store is not one", () => {
    expectTypeOf<PaylinksOptions["store"]>().toEqualTypeOf<OrderStore>();
    expectTypeOf<PaylinksOptions["queue"]>().toEqualTypeOf<DeliveryQueue | undefined>();
    expectTypeOf(createPaylinks).returns.toEqualTypeOf<Paylinks>();
    // @ts-expect-error: a store is required.
    createPaylinks({ transport: { send: async () => ({ messageId: "" }) }, shops: [], paymentUrl: () => "" });
  });

  it("lists links with the port's filter", () => {
    expectTypeOf<Paylinks["listLinks"]>().parameter(0).toEqualTypeOf<LinkFilter>();
  });

  it("runs a worker until its signal aborts, with no actor, and reports its health as plain data", () => {
    expectTypeOf<Paylinks["runWorker"]>().parameters.toEqualTypeOf<[WorkerOptions]>();
    expectTypeOf<Paylinks["runWorker"]>().returns.resolves.toEqualTypeOf<WorkerSummary>();
    expectTypeOf<WorkerOptions["signal"]>().toEqualTypeOf<AbortSignal>();
    expectTypeOf<WorkerOptions>().not.toHaveProperty("actor");
    expectTypeOf<WorkerBatch["kind"]>().toEqualTypeOf<"deliver" | "expire">();
    expectTypeOf<WorkerSummary>().toEqualTypeOf<{
      readonly batches: number;
      readonly sent: number;
      readonly failed: number;
      readonly retried: number;
      readonly skipped: number;
      readonly reminders: number;
      readonly expired: number;
    }>();
    expectTypeOf<Paylinks["health"]>().parameters.toEqualTypeOf<[options?: HealthOptions]>();
    expectTypeOf<Paylinks["health"]>().returns.resolves.toEqualTypeOf<Health>();
    expectTypeOf<Health["status"]>().toEqualTypeOf<"ok" | "unavailable">();
    expectTypeOf<Health["worker"]>().toEqualTypeOf<WorkerHealth>();
    expectTypeOf<WorkerHealth["lastError"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error: the worker needs a signal to stop it.
    createPaylinks({} as PaylinksOptions).runWorker({});
  });

  it("opens a link by its token alone, with no actor", () => {
    expectTypeOf<Paylinks["openLink"]>().parameters.toEqualTypeOf<[string]>();
    expectTypeOf<Paylinks["openLink"]>().returns.resolves.toEqualTypeOf<LinkOpening>();
    const opening = {} as LinkOpening;
    if (opening.payable) expectTypeOf(opening.link.amount).toEqualTypeOf<number>();
    else expectTypeOf(opening.reason).toEqualTypeOf<"expired" | "cancelled" | "paid" | "refused" | "unknown">();
  });
});

describe("the conformance suites' signatures", () => {
  it("builds a link from nested partial states", () => {
    expectTypeOf(makeLink).parameter(0).toEqualTypeOf<LinkFields | undefined>();
    makeLink({ delivery: { status: "SENT" }, payment: { status: "PAID" } });
    // @ts-expect-error: the states are nested, there is no flat deliveryStatus.
    makeLink({ deliveryStatus: "SENT" });
  });

  it("declares one suite per port, over a factory of a store or a fixture", () => {
    expectTypeOf(describeOrderStoreContract).returns.toBeVoid();
    expectTypeOf(describeDeliveryQueueContract).parameter(1).returns.toExtend<unknown>();
  });
});
