import { GLOBAL_OPTIONS, type OptionSpec, type OptionSpecs, TOP_LEVEL_OPTIONS } from "../command-line/option-spec";
import { COMMAND_NAMES, type Command } from "../commands/command";
import { table } from "../output/table";
import type { CliText } from "../text/cli-text";

const head = (name: string, spec: OptionSpec, text: CliText): string =>
  `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` ${text.help.values[spec.value]}` : ""}`;

function optionRows(options: OptionSpecs, names: readonly string[], describe: (name: string) => string, text: CliText) {
  return names.map((name) => [`  ${head(name, options[name] as OptionSpec, text)}`, describe(name)]);
}

/** Lays out titled blocks of two-column rows, with one column width for all of them. */
function blocks(sections: readonly { title: string; rows: string[][] }[]): string[] {
  const rows = sections.flatMap((section) => section.rows);
  const laidOut = table(rows);
  const lines: string[] = [];
  let index = 0;
  for (const section of sections) {
    lines.push("", section.title, ...laidOut.slice(index, index + section.rows.length));
    index += section.rows.length;
  }
  return lines;
}

/**
 * The help of `paylinks` itself: the commands, the global flags, and where the settings come from.
 *
 * @param text - The messages.
 * @returns The lines.
 */
export function generalHelp(text: CliText): string[] {
  const h = text.help;
  return [
    h.title,
    "",
    `${h.usage} paylinks <${h.values.command}> [${h.optionsWord}]`,
    ...blocks([
      { title: h.commandsTitle, rows: COMMAND_NAMES.map((name) => [`  ${name}`, h.commands[name].summary]) },
      {
        title: h.globalTitle,
        rows: optionRows(TOP_LEVEL_OPTIONS, Object.keys(TOP_LEVEL_OPTIONS), (name) => h.global[name] ?? "", text),
      },
    ]),
    "",
    ...h.intro,
    "",
    h.more,
  ];
}

/**
 * The help of one command: its usage, what it does, its flags by group, and the global flags.
 *
 * @param command - The command.
 * @param text - The messages.
 * @returns The lines.
 */
export function commandHelp(command: Command, text: CliText): string[] {
  const h = text.help;
  const own = h.commands[command.name];
  const describe = (name: string): string => own.options[name] ?? "";
  const groups = command.groups ?? [{ group: "options" as const, options: Object.keys(command.options) }];
  const sections = groups
    .filter((group) => group.options.length > 0)
    .map((group) => ({
      title: h.groups[group.group],
      rows: optionRows(command.options, group.options, describe, text),
    }));
  sections.push({
    title: h.globalTitle,
    rows: optionRows(GLOBAL_OPTIONS, Object.keys(GLOBAL_OPTIONS), (name) => h.global[name] ?? "", text),
  });
  return [
    `paylinks ${command.name} — ${own.summary}`,
    "",
    `${h.usage} paylinks ${command.name}${own.usage ? ` ${own.usage}` : ""}`,
    ...(own.description.length > 0 ? ["", ...own.description] : []),
    ...blocks(sections),
    ...(own.examples.length > 0 ? ["", h.examplesTitle, ...own.examples.map((example) => `  ${example}`)] : []),
  ];
}
