/**
 * A tiny static server for the browser playground (docs/playground/). Run it with `npm run playground`, which
 * builds dist/ first; or directly with `node .scripts/serve-playground.mjs` when dist/ is already built.
 *
 * URLs mirror the repository's paths, so the page's import map can point at ../../dist/index.js and at
 * ../../dist/locales/fr/index.js. Only what the page needs is served: docs/playground/ and dist/; anything else, and any path that resolves outside those folders, is 404. It listens on
 * 127.0.0.1 only, on PORT (default 5173; PORT=0 picks a free port), and prints the page's URL once it listens.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HOST = "127.0.0.1";
const PAGE = "/docs/playground/";
/** The folders that may be served, relative to the repository root. */
const SERVED = ["docs/playground", "dist"];

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

function send(response, status, text, headers = {}) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  response.end(`${text}\n`);
}

/** The file a URL path names, or undefined when it is not one that may be served. */
async function resolveFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes("\0") || path.includes("\\")) return undefined;
  if (path.endsWith("/")) path += "index.html";
  const root = await realpath(ROOT);
  const file = resolve(root, `.${path}`);
  const allowed = SERVED.map((folder) => join(root, folder) + sep);
  if (!allowed.some((folder) => file.startsWith(folder))) return undefined;
  try {
    // Follow links before checking again, so that no link inside a served folder leads out of it.
    const real = await realpath(file);
    if (!allowed.some((folder) => real.startsWith(folder))) return undefined;
    const info = await stat(real);
    return info.isFile() ? { file: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

async function handle(request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    send(response, 405, "Method not allowed", { allow: "GET, HEAD" });
    return;
  }
  const { pathname } = new URL(request.url ?? "/", `http://${HOST}`);
  if (pathname === "/" || pathname === "/docs/playground") {
    send(response, 302, `See ${PAGE}`, { location: PAGE });
    return;
  }
  const found = await resolveFile(pathname);
  if (found === undefined) {
    send(response, 404, "Not found");
    return;
  }
  response.writeHead(200, {
    "content-type": MIME_TYPES[extname(found.file).toLowerCase()] ?? "application/octet-stream",
    "content-length": found.size,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(found.file)
    .on("error", () => response.destroy())
    .pipe(response);
}

/**
 * Starts the server.
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} The page's URL, and a function that stops it.
 */
export function startPlaygroundServer({ port = 5173 } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, "Internal error");
      else response.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      const actual = typeof address === "object" && address !== null ? address.port : port;
      resolvePromise({
        url: `http://${HOST}:${actual}${PAGE}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = process.env.PORT ?? "5173";
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    console.error(`PORT must be a port number from 0 to 65535, not "${text}".`);
    process.exit(1);
  }
  try {
    const { url, close } = await startPlaygroundServer({ port });
    console.log(`paylinks playground: ${url}`);
    console.log("Press Ctrl+C to stop.");
    const stop = () => close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    const inUse = error instanceof Error && "code" in error && error.code === "EADDRINUSE";
    console.error(inUse ? `Port ${port} is in use: run it with another one, e.g. PORT=5174.` : String(error));
    process.exit(1);
  }
}
