import { cancelCommand } from "./cancel";
import type { Command, CommandName } from "./command";
import { createCommand } from "./create";
import { deliverCommand } from "./deliver";
import { duplicateCommand } from "./duplicate";
import { expireCommand } from "./expire";
import { expiryCommand } from "./expiry";
import { initCommand } from "./init";
import { listCommand } from "./list";
import { payCommand } from "./pay";
import { reactivateCommand } from "./reactivate";
import { remindersCommand } from "./reminders";
import { resendCommand } from "./resend";
import { serveCommand } from "./serve";
import { showCommand } from "./show";
import { workerCommand } from "./worker";

/** Every command, by name. */
export const COMMANDS: Readonly<Record<CommandName, Command>> = {
  create: createCommand,
  deliver: deliverCommand,
  worker: workerCommand,
  serve: serveCommand,
  list: listCommand,
  show: showCommand,
  resend: resendCommand,
  cancel: cancelCommand,
  reactivate: reactivateCommand,
  expiry: expiryCommand,
  reminders: remindersCommand,
  duplicate: duplicateCommand,
  pay: payCommand,
  expire: expireCommand,
  init: initCommand,
};

/**
 * The command of a name.
 *
 * @param name - What was typed.
 * @returns The command, or `undefined`.
 */
export function findCommand(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
}
