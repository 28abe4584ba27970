import { toJson } from "../json-output";
import type { Operation } from "./operation";

/** `GET /health`: `health`, for a load balancer's readiness check. */
export const healthOperation: Operation = {
  operationId: "health",
  method: "GET",
  path: "/health",
  summary:
    "Readiness: 200 when the store answers, 503 otherwise, with the worker's state when this process runs one. Any answer at all is liveness.",
  tag: "Service",
  access: "public",
  responses: {
    200: { description: "Ready.", schema: "Health" },
    503: { description: "Not ready: the store does not answer.", schema: "Health" },
  },
  errors: [],
  async run({ paylinks }) {
    const health = await paylinks.health();
    const { worker } = health;
    // Every field of the schema is there, `null` when absent.
    const body = toJson({
      ...health,
      worker: {
        running: worker.running,
        startedAt: worker.startedAt,
        lastBatchAt: worker.lastBatchAt,
        lastError: worker.lastError,
        batches: worker.batches,
      },
    });
    return { status: health.status === "ok" ? 200 : 503, body };
  },
};
