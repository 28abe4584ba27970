/**
 * Finds the TypeScript examples of the documentation (README.md and docs/*.md), says what each one must print,
 * and turns each into a module that checks its own `// →` comments. Used by examples.test.ts.
 *
 * The conventions the documentation follows, so that its examples can be run:
 *
 * - Every ```ts (or ```typescript) block is an example, run as its own ES module.
 * - A block whose first line is a file name comment (`// setup.ts`, `// worker.ts: …`) is also a module of that
 *   name, which the other blocks of the same page import (`import { shop } from "./setup"`). A name ending in
 *   `.test.ts`, or a block that imports `vitest` or `paylinks/testing`, is a test file: it is run with vitest.
 * - `expression; // → value` (or the `// → value` comment on the next line, continued on the lines after it
 *   when they are indented) says what the expression evaluates to: `value` is a JavaScript expression, compared
 *   with a deep, strict equality.
 * - What the block prints is the ```text (or bare ```) block that follows it directly, or else the comment lines
 *   that directly follow a statement that calls `console.log` (and the comment at the end of that statement's
 *   line). An output block with shell prompts (`$ …`) is a transcript and is not compared.
 * - HTML comments on the lines just before the fence change how a block is run:
 *   `<!-- example: skip (reason) -->`, `<!-- example: needs DATABASE_URL -->`,
 *   `<!-- example: runs until SIGTERM -->` (the test stops it after a few seconds, as a supervisor would), and
 *   `<!-- example: output varies /regex/ -->` (what the regex matches may differ from the page: it is masked on
 *   both sides before comparing). Several directives can share one comment, separated by `;`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** How the page says a block must be run. */
export interface ExampleDirectives {
  /** Why the block is not run at all. */
  readonly skip?: string;
  /** Run only when DATABASE_URL is set, each run on a database of its own. */
  readonly needsDatabase: boolean;
  /** A long-running process: stopped with SIGTERM after a while, and must then exit 0. */
  readonly runsUntilSigterm: boolean;
  /** Parts of the output that change from run to run. */
  readonly varies: readonly RegExp[];
}

/** One ```ts block of a page. */
export interface DocExample {
  /** The page, relative to the repository root, such as `docs/service.md`. */
  readonly doc: string;
  /** The line of the opening fence, from 1. */
  readonly line: number;
  /** The code, without the fences. */
  readonly code: string;
  /** The file name the block gives itself (`setup.ts`), if any. */
  readonly name: string | undefined;
  /** The file the block is written to when it runs. */
  readonly fileName: string;
  /** A vitest test file. */
  readonly isTest: boolean;
  readonly directives: ExampleDirectives;
  /** The output block that follows the example, if any. */
  readonly outputBlock: string | undefined;
  /** The output written as comments after `console.log` statements, if any. */
  readonly outputComments: string | undefined;
  /** How many `// →` checks the block holds. */
  readonly valueChecks: number;
}

/** The pages whose examples are run: README.md and docs/*.md (not the folders under docs). */
export function docPages(root: string): string[] {
  const docs = readdirSync(join(root, "docs"), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => join("docs", entry.name))
    .sort();
  return ["README.md", ...docs];
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
const MARKER = /^\s*<!--\s*example:\s*(.*?)\s*-->\s*$/;
const NAME = /^\/\/\s*([\w.-]+\.(?:ts|mts|cts|tsx))\b/;

/** Every TypeScript example of one page, in order. */
export function extractExamples(root: string, doc: string): DocExample[] {
  const lines = readFileSync(join(root, doc), "utf8").split(/\r?\n/);
  const blocks: { info: string; line: number; body: string[]; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", info = ""] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j] ?? "";
      const close = FENCE.exec(text);
      if (close && close[2]?.[0] === fence[0] && (close[2]?.length ?? 0) >= fence.length && close[3] === "") break;
      body.push(text.startsWith(indent) ? text.slice(indent.length) : text.trimStart());
    }
    blocks.push({ info: info.toLowerCase(), line: i + 1, body, end: j });
    i = j;
  }

  const examples: DocExample[] = [];
  blocks.forEach((block, index) => {
    if (block.info !== "ts" && block.info !== "typescript") return;
    const markers: string[] = [];
    for (let k = block.line - 2; k >= 0; k--) {
      const marker = MARKER.exec(lines[k] ?? "");
      if (!marker) break;
      markers.unshift(marker[1] ?? "");
    }
    const directives = parseDirectives(markers, `${doc}:${block.line}`);
    const code = `${block.body.join("\n")}\n`;
    const name = NAME.exec(block.body[0] ?? "")?.[1];
    const isTest = name?.endsWith(".test.ts") === true || /from\s+["'](?:vitest|paylinks\/testing)["']/.test(code);
    const fileName = name ?? `example-${block.line}${isTest ? ".test" : ""}.ts`;

    // The output block: the next block, when only blank lines separate it from this one.
    const next = blocks[index + 1];
    const onlyBlankBetween =
      next !== undefined && lines.slice(block.end + 1, next.line - 1).every((text) => text.trim() === "");
    const outputBlock =
      next && onlyBlankBetween && (next.info === "text" || next.info === "") ? `${next.body.join("\n")}\n` : undefined;

    const analysis = analyse(code, fileName);
    if (analysis.stray.length > 0)
      throw new Error(
        `${doc}:${block.line}: "// →" on line ${analysis.stray.map((line) => block.line + line).join(", ")} ` +
          "follows no expression statement, so nothing would check it",
      );
    examples.push({
      doc,
      line: block.line,
      code,
      name,
      fileName,
      isTest,
      directives,
      outputBlock,
      outputComments: analysis.outputComments,
      valueChecks: analysis.checks.length,
    });
  });
  return examples;
}

function parseDirectives(markers: readonly string[], where: string): ExampleDirectives {
  let skip: string | undefined;
  let needsDatabase = false;
  let runsUntilSigterm = false;
  const varies: RegExp[] = [];
  for (const directive of markers.flatMap((marker) => marker.split(";")).map((part) => part.trim())) {
    if (directive === "") continue;
    const skipped = /^skip\s*\((.+)\)$/.exec(directive);
    const regex = /^output varies\s+\/(.+)\/([a-z]*)(?:\s+\(.+\))?$/.exec(directive);
    if (skipped) skip = skipped[1];
    else if (directive === "needs DATABASE_URL") needsDatabase = true;
    else if (directive === "runs until SIGTERM") runsUntilSigterm = true;
    else if (regex) varies.push(new RegExp(regex[1] ?? "", regex[2]?.includes("g") ? regex[2] : `${regex[2]}g`));
    else throw new Error(`${where}: unknown example directive "${directive}"`);
  }
  return { ...(skip === undefined ? {} : { skip }), needsDatabase, runsUntilSigterm, varies };
}

/** A `// →` check: the statement to replace, and the value it must evaluate to. */
interface ValueCheck {
  readonly start: number;
  readonly end: number;
  readonly expression: string;
  readonly expected: string;
  /** The line of the statement in the block, from 1. */
  readonly line: number;
  /** The lines of the `// →` comment and its continuation, from 1. */
  readonly commentLines: readonly number[];
}

/** The comment lines that follow `offset` in `code`: the rest of its line, then whole comment lines. */
function commentsAfter(code: string, offset: number): { sameLine: string | undefined; following: string[] } {
  const lineEnd = code.indexOf("\n", offset);
  const rest = code.slice(offset, lineEnd === -1 ? undefined : lineEnd);
  const trailing = /^\s*\/\/ ?(.*)$/.exec(rest);
  const sameLine = trailing ? trailing[1] : undefined;
  const following: string[] = [];
  if (lineEnd === -1 || (rest.trim() !== "" && trailing === null)) return { sameLine, following };
  for (const text of code.slice(lineEnd + 1).split("\n")) {
    const comment = /^\s*\/\/ ?(.*)$/.exec(text);
    if (!comment) break;
    following.push(comment[1] ?? "");
  }
  return { sameLine, following };
}

const callsConsoleLog = (node: ts.Node): boolean => {
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.getText() === "console.log"
  )
    return true;
  return ts.forEachChild(node, callsConsoleLog) === true;
};

/** The `// →` checks of a block and the output written as comments after its `console.log` statements. */
function analyse(
  code: string,
  fileName: string,
): { checks: ValueCheck[]; stray: number[]; outputComments: string | undefined } {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const checks: ValueCheck[] = [];
  const output = new Map<number, string>(); // by offset of the comment's line, so that nested statements count once

  const visit = (node: ts.Node): void => {
    if (ts.isStatement(node) && !ts.isBlock(node)) {
      const { sameLine, following } = commentsAfter(code, node.end);
      const arrow = sameLine?.startsWith("→") ? sameLine : sameLine === undefined ? following[0] : undefined;
      if (ts.isExpressionStatement(node) && arrow?.startsWith("→")) {
        // The value, and its continuation lines: comment lines indented further than the arrow's text.
        const rest = sameLine === undefined ? following.slice(1) : following;
        const continued: string[] = [];
        for (const text of rest) {
          if (!/^\s/.test(text)) break;
          continued.push(text.trim());
        }
        const arrowLine = source.getLineAndCharacterOfPosition(node.end).line + (sameLine === undefined ? 2 : 1);
        checks.push({
          commentLines: [arrowLine, ...continued.map((_, i) => arrowLine + 1 + i)],
          start: node.getStart(source),
          end: node.end,
          expression: node.expression.getText(source),
          expected: [arrow.slice(1).trim(), ...continued].join(" "),
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        });
      } else if (callsConsoleLog(node) && !ts.isFunctionDeclaration(node)) {
        const endLine = source.getLineAndCharacterOfPosition(node.end).line;
        if (sameLine !== undefined) output.set(endLine, sameLine);
        following.forEach((text, i) => {
          output.set(endLine + 1 + i, text);
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // Every `// →` comment must belong to a check: one after a declaration or a block would silently check nothing.
  const checked = new Set(checks.flatMap((check) => check.commentLines));
  const stray = code
    .split("\n")
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text, line }) => /(?:^|\s)\/\/ →/.test(text) && !checked.has(line))
    .map(({ line }) => line);

  const lines = [...output.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
  return { checks, stray, outputComments: lines.length > 0 ? `${lines.join("\n")}\n` : undefined };
}

/**
 * The block as it is run: each `expression; // → value` becomes a call that compares the two, on the same lines,
 * so that line numbers in stack traces still point into the block. `runtime` is the module that checks them.
 */
export function instrument(example: Pick<DocExample, "code" | "fileName" | "doc" | "line">, runtime: string): string {
  const { checks } = analyse(example.code, example.fileName);
  if (checks.length === 0) return example.code;
  let code = example.code;
  for (const check of [...checks].sort((a, b) => b.start - a.start)) {
    const where = JSON.stringify(`${example.doc}:${example.line + check.line}`);
    const replacement = `__docExpect((${check.expression}), () => (${check.expected}), ${where}, ${JSON.stringify(check.expected)});`;
    code = code.slice(0, check.start) + replacement + code.slice(check.end);
  }
  // Imports are hoisted: at the end, the import leaves the block's line numbers as they are.
  return `${code}\nimport { docExpect as __docExpect } from ${JSON.stringify(runtime)};\n`;
}

/** The values that change at every run, masked before outputs are compared. */
const VOLATILE: readonly [RegExp, string][] = [
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, "<instant>"],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>"],
  // nanoid ids and tokens: 21 characters of [A-Za-z0-9_-]
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{21}(?![A-Za-z0-9_-])/g, "<id>"],
  [/\b\d+(?:\.\d+)?\s?ms\b/g, "<duration>"],
];

/** `text` with trailing spaces, the final newlines and what changes from run to run masked. */
export function normaliseOutput(text: string, varies: readonly RegExp[] = []): string {
  let out = text.replace(/\r\n/g, "\n");
  for (const pattern of varies) out = out.replace(pattern, "…");
  for (const [pattern, mask] of VOLATILE) out = out.replace(pattern, mask);
  return out
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

/** Whether an output block is a shell transcript (`$ command` lines), which is not compared. */
export const isTranscript = (output: string): boolean => /^\$ /m.test(output);

/** The number of tests a vitest output block reports (`Tests  10 passed (10)`, or `file (108 tests)`). */
export function expectedTestCount(output: string): number | undefined {
  const summary = /Tests\s+(\d+) passed/.exec(output) ?? /\((\d+) tests?\)/.exec(output);
  return summary ? Number(summary[1]) : undefined;
}

/** `file:line` of a block, for messages. */
export const where = (example: Pick<DocExample, "doc" | "line">): string => `${example.doc}:${example.line}`;
