import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import { createHttpHandler, type HttpHandlerOptions } from "../../src/http";
import type { OrderStore } from "../../src/ports";
import { createPaylinks } from "../../src/service";
import { createFakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";

/**
 * The web-standard handler under `/api/`, over a service on `store` with a capture transport and a fake clock, with
 * the body limits given.
 */
export function handlerOver(
  store: OrderStore = createMemoryStore(),
  onError?: (error: unknown) => void,
  authenticate: (request: Request) => ReturnType<typeof makeActor> | undefined = () => makeActor(),
  limits: Pick<HttpHandlerOptions, "maxBodyBytes" | "maxBatchBodyBytes"> = {},
) {
  const paylinks = createPaylinks({
    store,
    transport: createCaptureTransport(),
    shops: [makeShop()],
    clock: createFakeClock(),
    paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
  });
  return createHttpHandler({ paylinks, authenticate, basePath: "/api/", onError, ...limits });
}
