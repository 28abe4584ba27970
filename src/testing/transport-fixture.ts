import type { MailTransport } from "../ports/mail-transport";

/** A message as it arrived, for the checks of `describeTransportContract` that look at what was delivered. */
export interface DeliveredMail {
  /** The envelope recipients (SMTP `RCPT TO`): the recipient and the blind copies. */
  readonly envelope: readonly string[];
  /** The headers, by name (any case), with decoded values (no RFC 2047 encoded words). */
  readonly headers: Readonly<Record<string, string>>;
}

/** A transport with what the contract may use around it: a way to make it fail, to see what arrived, to release it. */
export interface TransportFixture {
  /** The transport under test. */
  readonly transport: MailTransport;
  /**
   * Makes the next send to `recipient` fail once: `transient` like a 4xx answer, `permanent` like a 5xx one.
   * Leave it out when the transport cannot be made to fail; the classification tests are then skipped.
   */
  readonly failNext?: ((recipient: string, kind: "transient" | "permanent") => void | Promise<void>) | undefined;
  /**
   * The messages that arrived since the fixture was made, oldest first. Leave it out when there is nothing to
   * look at; the tests of envelopes and headers are then skipped.
   */
  readonly delivered?: (() => readonly DeliveredMail[] | Promise<readonly DeliveredMail[]>) | undefined;
  /** Releases what the fixture holds (a test SMTP server, a folder), after `transport.close()`. */
  readonly cleanup?: (() => void | Promise<void>) | undefined;
}

/**
 * Makes the transport one test runs against; it is called before every test of the suite. Return the transport
 * itself, or a {@link TransportFixture} to enable the failure and delivery checks and to release resources.
 * After each test the suite calls `transport.close()`, when there is one, then `cleanup`.
 */
export type TransportFactory = () => MailTransport | TransportFixture | Promise<MailTransport | TransportFixture>;

/** The options of `describeTransportContract`. */
export interface TransportContractOptions {
  /**
   * Time allowed to each test, and to each call of the factory and of the teardown, in ms.
   * @defaultValue vitest's `testTimeout` and `hookTimeout`
   */
  readonly timeout?: number | undefined;
}

/** What the factory made, with a teardown that is never absent. Internal. */
export interface OpenedTransport {
  readonly fixture: TransportFixture;
  readonly close: () => Promise<void>;
}

/** Calls the factory and tells a bare transport from a fixture. Internal. */
export async function openTransport(makeTransport: TransportFactory): Promise<OpenedTransport> {
  const made = await makeTransport();
  const isFixture = typeof (made as Partial<TransportFixture>).transport?.send === "function";
  const fixture: TransportFixture = isFixture ? (made as TransportFixture) : { transport: made as MailTransport };
  if (typeof fixture?.transport?.send !== "function") {
    throw new TypeError("makeTransport must return a MailTransport or { transport, failNext?, delivered?, cleanup? }");
  }
  return {
    fixture,
    close: async () => {
      try {
        await fixture.transport.close?.();
      } finally {
        await fixture.cleanup?.();
      }
    },
  };
}
