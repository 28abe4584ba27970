import type { StoredLink } from "../../ports/payment-order-records";
import type { Settings } from "../config/settings";
import { linkJson } from "../output/link-json";
import { linkTable } from "../output/link-lines";
import type { CliText } from "../text/cli-text";
import type { CommandResult } from "./command";

/**
 * The result of an action on one link: a sentence, the link as a one-row table, and the link in `--json`.
 *
 * @param link - The link after the action.
 * @param sentence - What happened.
 * @param settings - The settings.
 * @param text - The messages.
 * @returns The result.
 */
export function linkResult(link: StoredLink, sentence: string, settings: Settings, text: CliText): CommandResult {
  return { data: { link: linkJson(link) }, lines: [sentence, "", ...linkTable([link], { settings, text })] };
}

/** A link's name in a sentence: its reference, or its id when it has none. */
export const linkName = (link: StoredLink): string => link.reference ?? link.id;
