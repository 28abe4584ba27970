/**
 * Matches a request path against a template such as `/links/{linkId}/cancel`: the same number of segments, the
 * literal ones equal, each `{name}` one non-empty; its value is percent-decoded. Internal.
 *
 * @param template - The operation's path.
 * @param path - The request's path, without the base path.
 * @returns The parameters, or `undefined` when it does not match (or a parameter is not valid percent-encoding).
 */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const expected = template.split("/");
  const actual = path.split("/");
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < expected.length; index++) {
    const want = expected[index] as string;
    const got = actual[index] as string;
    if (want.startsWith("{") && want.endsWith("}")) {
      if (got === "") return undefined;
      try {
        params[want.slice(1, -1)] = decodeURIComponent(got);
      } catch {
        return undefined;
      }
    } else if (want !== got) return undefined;
  }
  return params;
}
