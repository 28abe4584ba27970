import { describe, expect, it } from "vitest";
import { preview } from "../../src/internal/preview";

describe("preview", () => {
  it("keeps a value of 80 characters or fewer as it is", () => {
    expect(preview("a".repeat(80))).toBe("a".repeat(80));
  });

  it("cuts a longer value to 79 code points and an ellipsis", () => {
    expect(preview("a".repeat(200))).toBe(`${"a".repeat(79)}…`);
  });

  it("never cuts inside a surrogate pair", () => {
    const cut = preview(`a${"😀".repeat(100)}`);
    expect(cut).toBe(`a${"😀".repeat(78)}…`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });

  it("does not cut a value of 80 code points or fewer, even when longer in UTF-16 units", () => {
    expect(preview("😀".repeat(50))).toBe("😀".repeat(50));
  });
});
