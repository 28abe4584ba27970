/**
 * Writes docs/preview/default-email.<language>.html: the default e-mail of each language, rendered for an
 * example order, so that a reader can open it in a browser. Run with `npm run generate:preview`. The output
 * depends only on the source (fixed dates and ids); a test checks the committed files are up to date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_MESSAGES, defaultMessage, renderMessage } from "../src/index";

/** The languages with a default message. */
export const PREVIEW_LANGUAGES = Object.keys(DEFAULT_MESSAGES) as (keyof typeof DEFAULT_MESSAGES)[];

/** The example order the previews show: the seed's "Recouvrement", first of three recipients. */
export function renderPreview(language: string): string {
  return renderMessage(
    defaultMessage(language),
    {
      reference: "Recouvrement-001",
      amount: 4990,
      currency: "EUR",
      startDate: new Date("2026-12-01T10:00:00Z"),
      endDate: new Date("2026-12-08T22:59:59Z"),
      shopName: "Librairie Durand",
      url: "https://pay.example.com/t/V1StGXR8_Z5jdHi6B-myT",
      shopContact: "contact@librairie-durand.fr",
      shopUrl: "https://librairie-durand.fr",
      buyerReference: "CLI-0042",
    },
    { language, timezone: "Europe/Paris" },
  ).html;
}

const directory = fileURLToPath(new URL("../docs/preview/", import.meta.url));
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(directory, { recursive: true });
  for (const language of PREVIEW_LANGUAGES) {
    writeFileSync(`${directory}default-email.${language}.html`, renderPreview(language));
  }
  console.log(`${PREVIEW_LANGUAGES.length} previews written to docs/preview/`);
}
