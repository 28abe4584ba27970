import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError } from "../cli-error";
import { flagValue } from "../command-line/read-values";
import { CONFIG_FILE_NAME } from "../config/config-file";
import { configTemplate } from "../config/config-template";
import type { Command } from "./command";
import { shownPath } from "./delivery-outcome";

/** `paylinks init`: writes a commented `paylinks.config.json` (or the `--config` file); never overwrites without `--force`. */
export const initCommand: Command = {
  name: "init",
  args: [],
  options: { force: { type: "boolean" } },

  async run(context, { values }) {
    const { text, io } = context;
    const path = resolve(io.cwd, context.configPath ?? CONFIG_FILE_NAME);
    try {
      await writeFile(path, configTemplate(), { flag: flagValue(values, "force") ? "w" : "wx" });
    } catch (error) {
      if ((error as { code?: unknown }).code === "EEXIST") {
        throw new CliError("file_exists", text.errors.fileExists(shownPath(path, io.cwd)), { details: { path } });
      }
      throw new CliError("unwritable_file", text.usage.unwritableFile(path, (error as Error).message), {
        cause: error,
        details: { path },
      });
    }
    return { data: { written: path }, lines: [text.out.initWritten(shownPath(path, io.cwd)), text.out.initNext] };
  },
};
