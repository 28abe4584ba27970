import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { localeOf } from "../../src/http/http-messages";
import type { OrderStore } from "../../src/ports";
import { checkAgainstDocument } from "./api-server";
import { handlerOver } from "./handler-over";

const LINK = { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "alice@example.fr" };

async function answerOf(response: Response, method: string, path: string) {
  const answer = { status: response.status, headers: response.headers, body: await response.json() };
  checkAgainstDocument(method, path, answer);
  return answer;
}

describe("the web-standard handler, without a server", () => {
  it("takes a Request and gives a Response, under its base path", async () => {
    const handle = handlerOver();
    const response = await handle(
      new Request("http://api.local/api/orders", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ link: LINK }),
      }),
    );
    const answer = await answerOf(response, "POST", "/orders");
    expect(answer.status).toBe(201);
    const outside = await handle(new Request("http://api.local/orders", { method: "POST" }));
    expect(outside.status).toBe(404);
    const prefixOnly = await handle(new Request("http://api.local/apiorders"));
    expect(prefixOnly.status).toBe(404);
  });

  it("answers an unexpected failure with 500 internal_error, says nothing of it, and tells onError", async () => {
    const errors: unknown[] = [];
    const failure = new TypeError("secret detail postgres://user:password@db");
    const handle = handlerOver(
      undefined,
      (error) => errors.push(error),
      () => {
        throw failure;
      },
    );
    const response = await handle(new Request("http://api.local/api/links"));
    expect(await response.clone().text()).not.toContain("password");
    const answer = await answerOf(response, "GET", "/links");
    expect(answer.status).toBe(500);
    expect(answer.body.error).toEqual({
      code: "internal_error",
      message: "Something went wrong on our side.",
      detail: null,
      issues: [],
      details: {},
    });
    expect(errors).toEqual([failure]);
  });

  it("answers a store that throws with 503 storage_failed, without the cause's text", async () => {
    const errors: unknown[] = [];
    const store = createMemoryStore();
    const broken: OrderStore = {
      ...store,
      saveOrder: store.saveOrder.bind(store),
      getOrder: store.getOrder.bind(store),
      getLink: () => {
        throw new TypeError("secret detail postgres://user:password@db");
      },
      findLinkByToken: store.findLinkByToken.bind(store),
      findOrderByIdempotencyKey: store.findOrderByIdempotencyKey.bind(store),
      listLinks: store.listLinks.bind(store),
      updateLink: store.updateLink.bind(store),
    };
    const handle = handlerOver(broken, (error) => errors.push(error));
    const response = await handle(new Request("http://api.local/api/links/abc"));
    const text = await response.clone().text();
    expect(text).not.toContain("password");
    const answer = await answerOf(response, "GET", "/links/abc");
    // A store that throws is a storage failure (503), which is expected and not reported to onError.
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe("storage_failed");
    expect(answer.body.error.detail).not.toContain("password");
    expect(errors).toEqual([]);
  });

  it("answers 503 to /health when the store does not answer", async () => {
    const store = createMemoryStore();
    const down: OrderStore = Object.assign(Object.create(store), {
      getLink: () => Promise.reject(new Error("connection refused")),
    });
    const response = await handlerOver(down)(new Request("http://api.local/api/health"));
    const answer = await answerOf(response, "GET", "/health");
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: "unavailable", store: "unavailable" });
  });

  it("serves the document at /openapi.json, to GET and HEAD", async () => {
    const handle = handlerOver();
    const get = await handle(new Request("http://api.local/api/openapi.json"));
    expect(get.status).toBe(200);
    expect((await get.json()).openapi).toBe("3.1.0");
    const head = await handle(new Request("http://api.local/api/openapi.json", { method: "HEAD" }));
    expect(head.status).toBe(200);
  });
});

describe("localeOf", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["fr", "fr"],
    ["fr-CA", "fr"],
    ["en-GB,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,fr;q=0.5,en;q=0.4", "fr"],
    ["de", "en"],
    ["*", "en"],
    ["en;q=0.1,fr;q=0.2", "fr"],
    ["fr;q=abc", "en"],
  ])("reads %j as %s", (header, locale) => {
    expect(localeOf(header)).toBe(locale);
  });
});
