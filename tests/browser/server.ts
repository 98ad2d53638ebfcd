/**
 * A static server on 127.0.0.1 for the real-browser tests: the built bundle (dist/), the rules,
 * test pages, and endpoints that misbehave on purpose. Every page is served with the strict
 * Content-Security-Policy a careful clinic would use.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const root = join(import.meta.dirname, '../..');
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
const mounts: Record<string, string> = { '/dist/': 'dist', '/rules/': 'rules', '/pages/': 'tests/browser/pages', '/vendor/axe/': 'node_modules/axe-core' };

export interface TestServer {
  url: string;
  /** Paths requested since the last reset, to prove the widget asks for nothing else. */
  requests: string[];
  close(): Promise<void>;
}

let bomb: Buffer | undefined;

export async function startServer(): Promise<TestServer> {
  const requests: string[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    res.setHeader('Content-Security-Policy', STRICT_CSP);
    res.setHeader('Cache-Control', 'no-store');
    switch (url.pathname) {
      case '/fault/404':
        return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      case '/fault/500':
        return res.writeHead(500, { 'Content-Type': 'text/plain' }).end('server error');
      case '/fault/hang':
        // Headers, then nothing: a response that never ends.
        hanging.add(res);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.write('{"id": ');
      case '/fault/not-json':
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>Sorry</html>');
      case '/fault/wrong-schema':
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{\n  "questions": [1, 2, 3]\n}');
      case '/fault/huge':
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end(`{"id": "${'x'.repeat(10_000_000)}"}`);
      case '/fault/gzip-bomb':
        // 0.05 MB on the wire, 50 MB once the browser has inflated it: content-length says 0.05.
        bomb ??= gzipSync(Buffer.alloc(50_000_000, 0x20), { level: 9 });
        return res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }).end(bomb);
      case '/fault/xss':
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(xssQuestionnaire()));
    }
    const mount = Object.keys(mounts).find((prefix) => url.pathname.startsWith(prefix));
    if (!mount) return res.writeHead(404).end();
    const file = normalize(join(root, mounts[mount]!, url.pathname.slice(mount.length)));
    if (!file.startsWith(join(root, mounts[mount]!)) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Rule texts full of script payloads: they must render as text and run nothing. */
export function xssQuestionnaire() {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script></style><a href="javascript:window.__pwned=1">x</a>';
  const t = (s: string) => ({ en: `${s} ${evil}` });
  return {
    id: 'xss',
    version: '1.0.0',
    title: t('Title'),
    intro: t('Intro'),
    languages: ['en'],
    emergencyNumber: '112',
    sources: [{ id: 's', title: `Source ${evil}` }],
    sections: [{ id: 'a', title: t('Section'), questions: [{ id: 'q', type: 'yesno', text: t('Question'), help: t('Help'), summary: t('Summary'), source: 's' }] }],
    guidance: [{ id: 'g', level: 'routine', title: t('Advice'), text: t('Text'), when: { answer: 'q', equals: 'yes' }, sources: ['s'] }],
  };
}
