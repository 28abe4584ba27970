import { describe, expect, it } from "vitest";
import { createCaptureTransport } from "../../src/adapters/memory";
import type { MailTransport } from "../../src/ports";
import { openTransport } from "../../src/testing/transport-fixture";

describe("openTransport (paylinks/testing internals)", () => {
  it("takes a bare transport, and closes it", async () => {
    const calls: string[] = [];
    const transport: MailTransport = { ...createCaptureTransport(), close: async () => void calls.push("close") };
    const opened = await openTransport(async () => transport);
    expect(opened.fixture).toEqual({ transport });
    await opened.close();
    expect(calls).toEqual(["close"]);
  });

  it("takes a fixture, closes its transport, then cleans up, even when close fails", async () => {
    const calls: string[] = [];
    const transport: MailTransport = {
      send: async (mail) => ({ messageId: mail.messageId }),
      close: async () => {
        calls.push("close");
        throw new Error("socket already closed");
      },
    };
    const opened = await openTransport(() => ({ transport, cleanup: () => void calls.push("cleanup") }));
    await expect(opened.close()).rejects.toThrow("socket already closed");
    expect(calls).toEqual(["close", "cleanup"]);
  });

  it("prefers the fixture reading when the object has both send and transport", async () => {
    const inner = createCaptureTransport();
    const both = Object.assign(createCaptureTransport(), { transport: inner, failNext: () => {} });
    expect((await openTransport(() => both)).fixture.transport).toBe(inner);
  });

  it("rejects a factory that returns something else", async () => {
    await expect(openTransport(() => ({}) as never)).rejects.toThrow(TypeError);
  });
});
