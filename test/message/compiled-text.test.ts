import { describe, expect, it } from "vitest";
import { compileMessage } from "../../src/message/render-message";

const VALUES = {
  amount: 4990,
  currency: "EUR",
  startDate: new Date("2026-12-01T10:00:00Z"),
  endDate: new Date("2026-12-08T22:59:59Z"),
  shopName: "Librairie Durand",
};
const OPTIONS = { language: "fr", timezone: "Europe/Paris" };

/** The text part the way the whole rendered string is tidied: every slot filled, then runs and ends trimmed. */
function expectedText(body: string, url: string, reference: string): string {
  const filled = body.replaceAll("%url%", url).replaceAll("%reference%", reference);
  const withUrl = body.includes("%url%") ? filled : `${filled}\n\n${url}`;
  return withUrl.replace(/\n{3,}/g, "\n\n").trim();
}

const BODIES = [
  "Bonjour,\n\n\n\nréglez %reference% ici : %url%\n\n\n",
  "\n\n  %url%  \n\n\n\n%reference%\n\n",
  "%reference%\n\n\n%url%",
  "  \n\nPas de lien ici.\n\n\n\nMerci.  ",
  "%url%%reference%\n\n\n\n\n",
];
const SLOTS = [
  { url: "https://pay.example.com/t/abc", reference: "CMD-001" },
  // Values the pre-tidied literals cannot assume: the whole text is tidied instead.
  { url: "https://pay.example.com/t/abc", reference: "" },
  { url: "https://pay.example.com/t/abc", reference: "CMD\n\n-002" },
  { url: " https://pay.example.com/t/abc\n", reference: "  CMD-003  " },
  { url: "\n\n", reference: "\n" },
];

describe("compileMessage, the text part", () => {
  for (const body of BODIES) {
    for (const slots of SLOTS) {
      it(`gives what tidying the whole text gives: ${JSON.stringify(body)} with ${JSON.stringify(slots)}`, () => {
        const render = compileMessage(
          { subject: "Paiement %reference%", body },
          { ...VALUES, reference: "CMD" },
          OPTIONS,
        );
        expect(render(slots).text).toBe(expectedText(body, slots.url, slots.reference));
      });
    }
  }

  it("keeps the same text for a link with no reference, where the lines that use it are left out", () => {
    const render = compileMessage(
      { subject: "Paiement", body: "Bonjour,\n\n\n%reference%\n\n\n%url%\n" },
      VALUES,
      OPTIONS,
    );
    expect(render({ url: "https://pay.example.com/t/abc" }).text).toBe("Bonjour,\n\nhttps://pay.example.com/t/abc");
  });
});
