import { CliError } from "../cli-error";
import type { CliText } from "../text/cli-text";

/** The optional peer dependencies the CLI loads when the configuration needs them. */
export type OptionalPackage = "pg" | "@electric-sql/pglite" | "nodemailer";

/** Whether an import failed because this very package is missing (not one of its own dependencies). */
function isMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    (message.includes(`'${name}'`) || message.includes(`"${name}"`))
  );
}

/**
 * Loads an optional peer dependency with a dynamic `import()`, only when it is needed, so that `paylinks` runs
 * without the ones it does not use.
 *
 * @param name - The package.
 * @param purpose - What it is needed for, in the user's language (shown when it is missing).
 * @param text - The messages.
 * @returns The module, typed by the caller by the shape it uses.
 * @throws CliError `missing_dependency` (exit code 3) when the package is not installed.
 */
export async function importOptional<T>(name: OptionalPackage, purpose: string, text: CliText): Promise<T> {
  // A specifier in a variable: the bundler leaves the import to run time, and no type of the package is needed.
  const specifier: string = name;
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    if (isMissing(error, name)) {
      throw new CliError("missing_dependency", text.errors.missingDependency(name, purpose), {
        cause: error,
        details: { package: name },
      });
    }
    throw error;
  }
}
