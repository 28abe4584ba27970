import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeSharedClients } from "../support/postgres";
import { type Answer, API_STORES, type ApiServer, checkAgainstDocument, startApi } from "./api-server";

afterAll(closeSharedClients);

const LINK = { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "alice@example.fr" };

describe.each(API_STORES)("bad input to the HTTP API on %s", (kind) => {
  let api: ApiServer;
  beforeEach(async () => {
    api = await startApi(kind, 4096);
  });
  afterEach(async () => {
    await api.close();
  });

  /** Nothing was stored: no link at all, read straight from the store. */
  async function expectNothingStored(): Promise<void> {
    const page = await api.store.listLinks({}, { limit: 10 });
    expect(page.links).toEqual([]);
  }

  it("answers malformed JSON with 400 malformed_json", async () => {
    for (const body of ['{"link": ', "not json", '{"link":{}}\u0000garbage']) {
      const answer = await api.call("POST", "/orders", { body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("malformed_json");
    }
    await expectNothingStored();
  });

  it("answers bytes that are not UTF-8 with 400", async () => {
    const response = await fetch(`${api.url}/orders`, {
      method: "POST",
      headers: { authorization: "Bearer key-owner", "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("malformed_json");
    await expectNothingStored();
  });

  it("answers every wrong type and unknown field at once with 422, in the language asked", async () => {
    const answer = await api.call("POST", "/orders", {
      body: { link: { ...LINK, amount: true, recipients: 3, amout: 1 }, advanced: { validityDays: "7" }, extra: {} },
      headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid_request");
    expect(answer.body.error.message).toBe("La requête comporte des anomalies\u00a0: voir la liste.");
    const issues = answer.body.error.issues.map((issue: { code: string; path: unknown[] }) => [issue.code, issue.path]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["type_invalid", ["link", "amount"]],
        ["type_invalid", ["link", "recipients"]],
        ["field_unknown", ["link", "amout"]],
        ["type_invalid", ["advanced", "validityDays"]],
        ["field_unknown", ["extra"]],
      ]),
    );
    expect(issues).toHaveLength(5);
    const unknown = answer.body.error.issues.find((issue: { path: unknown[] }) => issue.path.at(-1) === "extra");
    expect(unknown.message).toBe(
      "«\u00a0extra\u00a0» n’est pas un champ connu de paylinks ici\u00a0: supprimez-le ou vérifiez son orthographe.",
    );
    await expectNothingStored();
  });

  it("answers the service's own rules with 422 and every issue", async () => {
    const answer = await api.call("POST", "/orders", {
      body: { link: { ...LINK, amount: "-3", currency: "XXX", recipients: "alice@;bob@example.fr" } },
    });
    expect(answer.status).toBe(422);
    const codes = answer.body.error.issues.map((issue: { code: string }) => issue.code);
    expect(codes).toEqual(expect.arrayContaining(["amount_not_positive", "currency_unknown", "recipient_invalid"]));
    await expectNothingStored();
  });

  it("answers a body that is not an object with 422 type_invalid at the root", async () => {
    for (const body of ["[]", "42", '"text"', "null"]) {
      const answer = await api.call("POST", "/orders", { body });
      expect(answer.status).toBe(422);
      expect(answer.body.error.issues).toEqual([expect.objectContaining({ code: "type_invalid", path: [] })]);
    }
    const missing = await api.call("POST", "/orders");
    expect(missing.status).toBe(422);
    await expectNothingStored();
  });

  it("answers a body over the limit with 413, declared or streamed", async () => {
    const big = { link: { ...LINK, orderReference: "x".repeat(5000) } };
    const declared = await api.call("POST", "/orders", { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");
    // A chunked body declares no length: the limit stops it while it streams.
    const streamed = await new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        `${api.url}/orders`,
        {
          method: "POST",
          headers: {
            authorization: "Bearer key-owner",
            "content-type": "application/json",
            "transfer-encoding": "chunked",
          },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => {
            text += chunk;
          });
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: new Headers(response.headers as Record<string, string>),
              body: JSON.parse(text),
            }),
          );
        },
      );
      request.on("error", reject);
      for (let i = 0; i < 10; i++) request.write(JSON.stringify(big).slice(i * 600, (i + 1) * 600));
      request.end();
    });
    expect(streamed.status).toBe(413);
    checkAgainstDocument("POST", "/orders", streamed);
    await expectNothingStored();
  });

  it("answers a body that is not JSON with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]) {
      const answer = await api.call("POST", "/orders", {
        body: JSON.stringify({ link: LINK }),
        headers: { "content-type": type },
      });
      expect(answer.status).toBe(415);
      expect(answer.body.error.code).toBe("unsupported_media_type");
    }
    const utf8 = await api.call("POST", "/orders/preview", {
      body: { link: LINK },
      headers: { "content-type": "application/json; charset=UTF-8" },
    });
    expect(utf8.status).toBe(200);
    await expectNothingStored();
  });

  it("answers 401 without an actor, 403 without the right, 404 for another shop's link", async () => {
    const anonymous = await api.call("POST", "/orders", { body: { link: LINK }, key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");
    const wrongKey = await api.call("GET", "/links", { key: "key-nobody" });
    expect(wrongKey.status).toBe(401);
    const reader = await api.call("POST", "/orders", { body: { link: LINK }, key: "key-reader" });
    expect(reader.status).toBe(403);
    expect(reader.body.error.code).toBe("forbidden");
    await expectNothingStored();

    const created = await api.call("POST", "/orders", { body: { link: LINK } });
    const linkId = created.body.links[0].id;
    const other = await api.call("POST", `/links/${linkId}/cancel`, { key: "key-other" });
    expect([403, 404]).toContain(other.status);
    const missing = await api.call("GET", "/links/no-such-link");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    expect((await api.call("GET", `/links/${linkId}`)).body.payment.status).toBe("RUNNING");
  });

  it("answers unknown addresses with 404 and other methods with 405 and Allow", async () => {
    const nowhere = await api.call("GET", "/nowhere");
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.code).toBe("route_not_found");
    const method = await api.call("DELETE", "/links/abc");
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET, PATCH");
  });

  it("answers a bad Idempotency-Key with 400, and stores nothing", async () => {
    for (const key of [" ", "x".repeat(256)]) {
      const answer = await api.call("POST", "/orders", { body: { link: LINK }, headers: { "idempotency-key": key } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("idempotency_key_invalid");
    }
    await expectNothingStored();
  });

  it("answers unknown query parameters and bad values with 422", async () => {
    const answer = await api.call("GET", "/links?shop=shop-1&createdFrom=yesterday&limit=ten");
    expect(answer.status).toBe(422);
    const issues = answer.body.error.issues.map((issue: { code: string; path: unknown[] }) => [issue.code, issue.path]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["field_unknown", ["query", "shop"]],
        ["type_invalid", ["query", "createdFrom"]],
        ["type_invalid", ["query", "limit"]],
      ]),
    );
  });

  it("answers unknown fields in an update or an action, and leaves the link as it was", async () => {
    const created = await api.call("POST", "/orders", { body: { link: LINK } });
    const linkId = created.body.links[0].id;
    const before = await api.store.getLink(linkId);
    const update = await api.call("PATCH", `/links/${linkId}`, { body: { amount: 100, colour: "red" } });
    expect(update.status).toBe(422);
    const cancel = await api.call("POST", `/links/${linkId}/cancel`, { body: { reason: "late" } });
    expect(cancel.status).toBe(422);
    expect(cancel.body.error.issues).toEqual([expect.objectContaining({ code: "field_unknown", path: ["reason"] })]);
    const expiry = await api.call("PUT", `/links/${linkId}/expiry`, { body: { validityDays: 500 } });
    expect(expiry.status).toBe(422);
    expect(await api.store.getLink(linkId)).toEqual(before);
  });

  it("answers an unsigned or stale notification with 401, and changes nothing", async () => {
    const created = await api.call("POST", "/orders", { body: { link: LINK } });
    const linkId = created.body.links[0].id;
    const body = JSON.stringify({ linkId, status: "PAID", transactionId: "tx-1", at: api.clock.now().toISOString() });
    const unsigned = await api.call("POST", "/notifications", { key: null, body });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.details.reason).toBe("missing");
    const stale = await api.call("POST", "/notifications", {
      key: null,
      body,
      headers: { "paylinks-signature": "t=1,v1=00" },
    });
    expect(stale.status).toBe(401);
    expect((await api.store.getLink(linkId))?.payment.status).toBe("RUNNING");
  });
});
