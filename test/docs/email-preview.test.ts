import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PREVIEW_LANGUAGES, renderPreview } from "../../.scripts/generate-email-preview";

describe("docs/preview", () => {
  it.each(PREVIEW_LANGUAGES)("default-email.%s.html is what the generator writes today", (language) => {
    const committed = readFileSync(
      new URL(`../../docs/preview/default-email.${language}.html`, import.meta.url),
      "utf8",
    );
    expect(committed).toBe(renderPreview(language));
  });
});
