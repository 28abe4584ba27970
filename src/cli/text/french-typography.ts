/** French typography on a piece of text written by us: no-break spaces inside « » and before : ; ? ! */
const typeset = (text: string): string =>
  text
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ ([:;?!])/g, "\u00a0$1");

/**
 * A template tag that applies French typography to the literal parts only, never to the values put in them (a
 * path or an address is printed as it is).
 *
 * @example
 * ```ts
 * fr`Fichier introuvable : ${path}`; // "Fichier introuvable\u00a0: /tmp/a b : c"
 * ```
 */
export function fr(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return strings.reduce(
    (out, part, index) => out + typeset(part) + (index < values.length ? String(values[index]) : ""),
    "",
  );
}
