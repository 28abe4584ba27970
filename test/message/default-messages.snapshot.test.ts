import { describe, expect, it } from "vitest";
import { defaultMessage, renderMessage } from "../../src/index";
import { inLanguage, LANGUAGES, VALUES } from "./fixtures";

// The default messages as a buyer receives them, with every value present, on fixed dates: a change to a
// template, to the rendering or to the formatting of amounts and dates shows up in review as a snapshot diff.
describe("the default message rendered in each language", () => {
  it.each(LANGUAGES)("%s", (language) => {
    const rendered = renderMessage(defaultMessage(language), VALUES, inLanguage(language));
    expect(rendered.subject).toMatchSnapshot("subject");
    expect(rendered.text).toMatchSnapshot("text");
    expect(rendered.html).toMatchSnapshot("html");
  });

  it.each(LANGUAGES)("%s, with no reference, buyer reference, contact or shop URL", (language) => {
    const values = {
      ...VALUES,
      reference: undefined,
      buyerReference: undefined,
      shopContact: undefined,
      shopUrl: undefined,
    };
    expect(renderMessage(defaultMessage(language), values, inLanguage(language)).text).toMatchSnapshot();
  });
});
