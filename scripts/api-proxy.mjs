// A stand-in for export.arxiv.org for browsers whose request interception does not see the
// extension's background (Firefox over WebDriver BiDi): a local HTTP proxy that accepts CONNECT to
// export.arxiv.org:443 only, ends TLS itself with a throwaway self-signed certificate (the browser
// is launched with acceptInsecureCerts), and answers /api/query with `apiResponse`, the same
// fixtures the Playwright route serves. Each request is recorded with its time and ids.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiRequestIds, apiResponse } from './arxiv-routes.mjs';

const API_HOST = 'export.arxiv.org';

/**
 * A self-signed key and certificate for `host` (export.arxiv.org unless told), made with the
 * openssl CLI and kept only in memory; the benchmark's streaming server uses one for arxiv.org.
 */
export function throwawayCertificate(host = API_HOST) {
  const dir = mkdtempSync(join(tmpdir(), 'sift-api-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the proxy on a free port of 127.0.0.1. Returns `{ port, pacUrl, requests, close }`:
 * `pacUrl` is a proxy auto-config (a data: URL) that sends export.arxiv.org through the proxy and
 * everything else direct, for Firefox's `network.proxy.autoconfig_url`.
 */
export async function startApiProxy() {
  const requests = [];
  const tls = createHttpsServer(throwawayCertificate(), (request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', `https://${API_HOST}`);
      if (url.pathname !== '/api/query') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not in fixtures');
        return;
      }
      const postBody = request.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : undefined;
      requests.push({ at: Date.now(), method: request.method, ids: apiRequestIds(url, postBody) });
      const { status, contentType, body } = apiResponse(url, postBody);
      response.writeHead(status, { 'content-type': contentType }).end(body);
    });
  });
  const proxy = createServer((_request, response) => response.writeHead(403).end());
  proxy.on('connect', (request, socket, head) => {
    if (request.url !== `${API_HOST}:443`) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address();
  const pac = `function FindProxyForURL(url, host) { return host === "${API_HOST}" ? "PROXY 127.0.0.1:${port}" : "DIRECT"; }`;
  return {
    port,
    pacUrl: `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        tls.close();
        proxy.closeAllConnections?.();
        proxy.close(() => resolve());
      }),
  };
}
