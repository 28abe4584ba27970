import type { Actor } from "../../actor/actor";
import type { Clock } from "../../ports/runtime";
import { createPaylinks, type Paylinks } from "../../service/create-paylinks";
import type { CliIo } from "../cli-io";
import { paymentUrlFrom } from "../config/payment-url";
import type { Settings } from "../config/settings";
import type { CliText } from "../text/cli-text";
import { openStore } from "./open-store";
import { type OpenedTransport, openTransport } from "./open-transport";

/** The service over the configured store and transport, with what the commands need around it. */
export interface Runtime {
  /** The service. */
  readonly paylinks: Paylinks;
  /** The acting user. */
  readonly actor: Actor;
  /** The mail transport. */
  readonly mail: OpenedTransport;
  /** Closes the store and the transport. */
  close(): Promise<void>;
}

/** Options of {@link openRuntime}. */
export interface RuntimeOptions {
  /** How long `deliver` waits for e-mails due later (a retry), in ms; the library's default otherwise. */
  readonly maxWaitMs?: number | undefined;
  /**
   * Check that mail can leave (the SMTP server answers, the outbox folder can be made) before the database is
   * opened, for the commands that send: when it cannot, nothing is stored.
   */
  readonly verifyMail?: boolean | undefined;
  /** The payment platform's notification secrets, for the service's `receiveNotification` (`paylinks serve`). */
  readonly notificationSecrets?: readonly string[] | undefined;
  /** The most e-mails per second the service sends (`--rate`); no limit otherwise. */
  readonly ratePerSecond?: number | undefined;
}

/**
 * Opens the store and the transport the settings name and builds the service over them.
 *
 * @param settings - The settings.
 * @param clock - The clock.
 * @param io - The process.
 * @param text - The messages.
 * @param options - Delivery options.
 * @returns The runtime; close it when the command is done.
 */
export async function openRuntime(
  settings: Settings,
  clock: Clock,
  io: CliIo,
  text: CliText,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const mail = await openTransport(settings.mail, clock, text);
  let opened: Awaited<ReturnType<typeof openStore>>;
  try {
    if (options.verifyMail) await mail.verify();
    opened = await openStore(settings.storage, io, text);
  } catch (error) {
    await mail.close().catch(() => undefined);
    throw error;
  }
  const paylinks = createPaylinks({
    store: opened.store,
    transport: mail.transport,
    shops: settings.shops,
    paymentUrl: paymentUrlFrom(settings.paymentUrl),
    clock,
    messageIdDomain: settings.messageIdDomain,
    delivery: { maxWaitMs: options.maxWaitMs, ratePerSecond: options.ratePerSecond },
    ...(options.notificationSecrets === undefined ? {} : { notifications: { secrets: options.notificationSecrets } }),
  });
  return {
    paylinks,
    actor: settings.actor,
    mail,
    async close() {
      const results = await Promise.allSettled([mail.close(), opened.close()]);
      const failed = results.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
