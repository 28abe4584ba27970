/** A piece of template text: literal text, or a `%variable%` (its name without the `%` signs). Internal. */
export type TemplateSegment = string | { readonly variable: string };

const isNameChar = (c: string): boolean =>
  (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "_";

/**
 * Splits template text into literal text and `%name%` variables, in one linear pass with no regular expression.
 * A `%` that does not open a `%name%` (as in `100 %`) is literal text. Internal.
 */
export function parseTemplate(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("%", i);
    if (open < 0) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, open);
    let end = open + 1;
    while (end < text.length && isNameChar(text[end] as string)) end++;
    if (end > open + 1 && text[end] === "%") {
      if (literal !== "") segments.push(literal);
      literal = "";
      segments.push({ variable: text.slice(open + 1, end) });
      i = end + 1;
    } else {
      literal += "%";
      i = open + 1;
    }
  }
  if (literal !== "") segments.push(literal);
  return segments;
}
