import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderErrorsDoc } from "../../.scripts/generate-errors-doc";
import { ERROR_CODES, ISSUE_CODES } from "../../src/index";

const committed = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");

describe("docs/errors.md", () => {
  it("is what the generator writes today (run npx tsx .scripts/generate-errors-doc.ts after changing a message)", () => {
    expect(committed).toBe(renderErrorsDoc());
  });

  it("names every issue code and every error code", () => {
    for (const code of [...ISSUE_CODES, ...ERROR_CODES]) expect(committed).toContain(`\`${code}\``);
  });
});
