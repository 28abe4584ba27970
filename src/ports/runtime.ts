/** The time source of the service: real time in production, a controlled one in tests. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Resolves after `ms` milliseconds, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Returns a new, unguessable id at each call (the service's default is nanoid: 21 characters, 126 bits). */
export type IdGenerator = () => string;
