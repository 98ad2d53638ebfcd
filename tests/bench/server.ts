/**
 * A static server on 127.0.0.1 for the bench pages: our bundle (dist/), SurveyJS's published
 * files straight from node_modules, the bench pages, and the lupus questionnaire converted to
 * SurveyJS JSON (made in memory). No Content-Security-Policy here (SurveyJS is not built for a
 * strict one) and no caching, so every load fetches every file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { repoRoot } from './answerSets';

const root = repoRoot();
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css; charset=utf-8' };
const mounts: Record<string, string> = {
  '/dist/': 'dist',
  '/vendor/survey-core/': 'node_modules/survey-core',
  '/vendor/survey-js-ui/': 'node_modules/survey-js-ui',
  '/bench/': 'tests/bench/pages',
};

export interface BenchServer {
  url: string;
  /** The bytes served for a path (a file, or a page made in memory), for measuring sizes. */
  body(path: string): Buffer | undefined;
  close(): Promise<void>;
}

/** `generated` maps a path such as /bench/lupus-survey.js to content made at start-up. */
export async function startBenchServer(generated: Record<string, string> = {}): Promise<BenchServer> {
  const made = new Map(Object.entries(generated).map(([path, text]) => [path, Buffer.from(text)]));
  const body = (path: string): Buffer | undefined => {
    const inMemory = made.get(path);
    if (inMemory) return inMemory;
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    if (!mount) return undefined;
    const base = join(root, mounts[mount]!);
    const file = normalize(join(base, decodeURIComponent(path.slice(mount.length))));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return undefined;
    return readFileSync(file);
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const content = body(path);
    if (!content) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Length': content.length });
    res.end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    body,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
