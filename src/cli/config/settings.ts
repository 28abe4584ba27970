import type { Actor } from "../../actor/actor";
import type { ShopConfig } from "../../shop/shop-config";

/** Where orders and links are stored. */
export type StorageSettings =
  | {
      /** The embedded PGlite database, in a folder. */
      readonly kind: "embedded";
      /** Its folder, absolute. */
      readonly dir: string;
    }
  | {
      /** A PostgreSQL server, through pg. */
      readonly kind: "postgres";
      /** The connection string. */
      readonly url: string;
      /** The schema of the tables; `public` by default. */
      readonly schema: string | undefined;
      /** Where the URL came from: `DATABASE_URL` or the config file. */
      readonly source: string;
    };

/** How e-mails leave. */
export type MailSettings =
  | {
      /** Written as `.eml` files to a folder. */
      readonly kind: "outbox";
      /** The folder, absolute. */
      readonly dir: string;
      /** The From address. */
      readonly from: string;
    }
  | {
      /** Sent to an SMTP server, through nodemailer. */
      readonly kind: "smtp";
      /** The server's URL, e.g. `smtp://user:password@smtp.example.com:587`. */
      readonly url: string;
      /** The From address. */
      readonly from: string;
      /** Where the URL came from: `SMTP_URL` or the config file. */
      readonly source: string;
    };

/** Everything the commands need to know, from the config file, the environment and the defaults. */
export interface Settings {
  /** The shops. */
  readonly shops: readonly ShopConfig[];
  /** The shop `create` uses without `--shop`. */
  readonly defaultShopId: string;
  /** The acting user. */
  readonly actor: Actor;
  /** The payment URL template, with `{token}`. */
  readonly paymentUrl: string;
  /** The domain part of the Message-IDs, when configured. */
  readonly messageIdDomain: string | undefined;
  /** The storage. */
  readonly storage: StorageSettings;
  /** The mail delivery. */
  readonly mail: MailSettings;
  /** The config file read, absolute, when there was one. */
  readonly configFile: string | undefined;
}
