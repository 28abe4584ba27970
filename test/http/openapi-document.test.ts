import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { HTTP_ERROR_CODES, openApiDocument } from "../../src/http";
import { ERROR_CODES } from "../../src/index";

type Operations = Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[] }>>;

describe("the OpenAPI document", () => {
  const document = openApiDocument({ title: "Shop API", version: "2026-12", serverUrl: "https://api.shop.example" });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(document) as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("names each operation once, and declares every path parameter", () => {
    const operations = Object.entries(document.paths as Operations).flatMap(([path, item]) =>
      Object.values(item).map((operation) => ({ path, operation })),
    );
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "createOrder",
        "previewOrder",
        "getOrder",
        "listLinks",
        "getLink",
        "updateLink",
        "changeExpiry",
        "resendLink",
        "cancelLink",
        "reactivateLink",
        "duplicateLink",
        "openLink",
        "receiveNotification",
        "health",
        "openApiDocument",
      ]),
    );
    for (const { path, operation } of operations) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared, path).toEqual(names);
    }
  });

  it("takes its title, version and server from the options", () => {
    expect(document.info).toMatchObject({ title: "Shop API", version: "2026-12" });
    expect(document.servers).toEqual([{ url: "https://api.shop.example" }]);
    expect(openApiDocument().servers).toBeUndefined();
  });

  it("shows the unknown-field rule of the request bodies", () => {
    type Body = { content: Record<string, { schema: Record<string, unknown> }> };
    const paths = document.paths as Record<string, Record<string, { requestBody: Body }>>;
    const schema = paths["/orders"]?.post?.requestBody.content["application/json"]?.schema;
    expect(schema?.additionalProperties).toBe(false);
    expect(schema?.required).toEqual(["link"]);
  });

  it("keeps the HTTP error codes apart from the service's", () => {
    expect(HTTP_ERROR_CODES.filter((code) => (ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
