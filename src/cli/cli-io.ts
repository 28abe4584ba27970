/** A stream the CLI writes to: what it needs of `process.stdout` and `process.stderr`. */
export interface CliStream {
  /** Writes text as it is. */
  write(text: string): void;
  /** Whether the stream is a terminal (a progress bar is drawn only there). */
  readonly isTTY?: boolean | undefined;
  /** The terminal's width in columns, when it is one. */
  readonly columns?: number | undefined;
}

/** The signals that ask a command to stop cleanly. */
export type StopSignal = "SIGINT" | "SIGTERM";

/** Everything the CLI reads from and writes to its process: injected, so that commands stay testable. */
export interface CliIo {
  /** Where results go (one JSON document with `--json`). */
  readonly stdout: CliStream;
  /** Where errors, warnings and notes go. */
  readonly stderr: CliStream;
  /** The environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory: relative paths and the default config file are resolved from it. */
  readonly cwd: string;
  /**
   * Calls `onInterrupt` at the first Ctrl-C (SIGINT) or SIGTERM (what `docker stop`, Kubernetes and systemd send)
   * instead of ending the process, with the signal's name; a second one of either ends it.
   * @returns The function that restores the default behaviour.
   */
  trapInterrupt(onInterrupt: (signal: StopSignal) => void): () => void;
}

/** The {@link CliIo} of the running Node.js process. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    trapInterrupt(onInterrupt) {
      const signals: readonly StopSignal[] = ["SIGINT", "SIGTERM"];
      const release = (): void => {
        for (const signal of signals) process.removeListener(signal, handler);
      };
      const handler = (signal: NodeJS.Signals): void => {
        release();
        onInterrupt(signal === "SIGTERM" ? "SIGTERM" : "SIGINT");
      };
      for (const signal of signals) process.on(signal, handler);
      return release;
    },
  };
}
