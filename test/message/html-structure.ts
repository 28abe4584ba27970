/**
 * Test helpers that read the HTML part of a rendered message without a DOM: its tags in order, whether they nest
 * properly, and its paragraphs.
 */

/** The elements a rendered message may contain; anything else means some text was not escaped. */
export const ALLOWED_ELEMENTS = new Set(["html", "head", "meta", "title", "body", "p", "strong", "a"]);

const VOID_ELEMENTS = new Set(["meta"]);

/** One tag of the document, e.g. `{ name: "p", closing: false, raw: "<p>" }`. */
export interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly raw: string;
}

/** Every tag of the document, in order (the doctype excluded). */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    tags.push({ name: (match[2] as string).toLowerCase(), closing: match[1] === "/", raw: match[0] });
  }
  return tags;
}

/** How many opening and closing tags of an element the document has. */
export function countTags(html: string, name: string): { open: number; close: number } {
  const tags = tagsOf(html).filter((tag) => tag.name === name);
  return { open: tags.filter((tag) => !tag.closing).length, close: tags.filter((tag) => tag.closing).length };
}

/**
 * The problems with the document's nesting: closing tags that do not match the innermost open element, and
 * elements left open. Empty when the tags nest properly.
 */
export function nestingProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const tag of tagsOf(html)) {
    if (VOID_ELEMENTS.has(tag.name)) continue;
    if (!tag.closing) stack.push(tag.name);
    else if (stack.at(-1) === tag.name) stack.pop();
    else problems.push(`${tag.raw} closes ${stack.at(-1) ?? "nothing"}`);
  }
  for (const name of stack) problems.push(`<${name}> is never closed`);
  return problems;
}

/** The inner HTML of each paragraph of the body, in order. */
export function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1] as string);
}

/** The `href` values of the document's links, as written (still escaped). */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1] as string);
}
