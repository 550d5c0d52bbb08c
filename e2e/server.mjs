// A small static file server for the built app (dist/), bound to 127.0.0.1 on a free port.
// It behaves like a plain static host: a folder is served by its index.html (and a folder's
// URL without its final slash is redirected to it), a missing file gets 404.html with status
// 404, MIME types are correct (browsers only stream-compile wasm served as application/wasm),
// and the files can be mounted under a sub-path to prove the build uses relative URLs.
// Options add response headers (a Content-Security-Policy header, say) and gzip, as hosts do.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

/**
 * Serves `root` at http://127.0.0.1:<free port><basePath>.
 * @param {string} root directory to serve (dist/)
 * @param {{ basePath?: string, headers?: Record<string, string>, gzip?: boolean }} [options]
 *   basePath: URL prefix, '/' by default, must end with '/'; headers: added to every response;
 *   gzip: compress responses for clients that accept it
 * @returns {Promise<{ url: string, port: number, requests: string[], close: () => Promise<void> }>}
 *   `url` is the page URL (ends with basePath); `requests` logs "STATUS /path" per request.
 */
export async function serveDir(root, { basePath = '/', headers = {}, gzip = false } = {}) {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`basePath must start and end with '/': ${basePath}`);
  }
  const rootDir = resolve(root);
  await stat(join(rootDir, 'index.html')).catch(() => {
    throw new Error(`${rootDir}/index.html not found: build the app first (make dist)`);
  });
  const requests = [];

  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      requests.push(`${status} ${req.url}`);
      const zipped = gzip && body && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const payload = zipped ? gzipSync(body) : body;
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(zipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headers,
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : payload);
    };
    const notFound = async () => {
      const page = await readFile(join(rootDir, '404.html')).catch(() => null);
      return page === null ? send(404, 'not found') : send(404, page, MIME['.html']);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (!path.startsWith(basePath)) return notFound();
      let file = resolve(rootDir, '.' + sep + path.slice(basePath.length));
      // Never serve anything outside the served directory.
      if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(403, 'forbidden');
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) return send(301, '', 'text/plain', { location: req.url.replace(/^([^?]*)/, '$1/') });
        file = join(file, 'index.html');
      }
      const body = await readFile(file).catch(() => null);
      if (body === null) return notFound();
      return send(200, body, MIME[extname(file)] ?? 'application/octet-stream');
    } catch (err) {
      return send(500, String(err));
    }
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolveListen);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    port,
    requests,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
