const HEX = "0123456789ABCDEF";
const encoder = new TextEncoder();

/** Characters per physical line, the `=` of a soft line break not counted (RFC 2045 allows 76 with it). */
const MAX_CONTENT = 75;

const escaped = (byte: number): string => `=${HEX[byte >> 4]}${HEX[byte & 15]}`;

/** Whether a byte may stand as itself: printable ASCII but `=`, and space or tab (not at the end of a line). */
const isLiteral = (byte: number): boolean => (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 || byte === 9;

/** One line of text (no line break in it) as quoted-printable physical lines, joined by soft line breaks. */
function encodeLine(line: string): string {
  const bytes = encoder.encode(line);
  const lines: string[] = [];
  let current = "";
  bytes.forEach((byte, index) => {
    const atEnd = index === bytes.length - 1;
    const tokenAt = (lineStart: boolean): string =>
      // Trailing white space would be lost; a leading dot could be taken for the end of an SMTP DATA.
      isLiteral(byte) && !((byte === 32 || byte === 9) && atEnd) && !(byte === 46 && lineStart)
        ? String.fromCharCode(byte)
        : escaped(byte);
    let token = tokenAt(current === "");
    if (current.length + token.length > MAX_CONTENT) {
      lines.push(`${current}=`);
      current = "";
      token = tokenAt(true);
    }
    current += token;
  });
  lines.push(current);
  return lines.join("\r\n");
}

/**
 * Encodes text as quoted-printable (RFC 2045) for a `charset=utf-8` part: UTF-8 bytes, every line break (CRLF, LF or
 * a lone CR) as CRLF, no physical line longer than 76 characters, and nothing but printable ASCII, so that no
 * `=_` sequence (which the boundaries use) can appear. Internal.
 */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(encodeLine)
    .join("\r\n");
}
