// Koa middleware for the test runner's dev server: blank pages holding given HTML, served from a
// real URL with a real Content-Security-Policy header (iframe srcdoc will not do: Firefox does
// not let 'self' match the page's origin in an about:srcdoc document).
//
//   POST /__blank  {"body": "<…>", "policy": "default-src 'self'; …"}  -> the page's path
//   GET  /__blank/<n>                                                   -> the page
//
// Each page loads test/demo/csp-listener.js first, which records violations and errors.

const pages = new Map();
let next = 0;

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function blankPages(ctx, nextMiddleware) {
  if (ctx.path === '/__blank' && ctx.method === 'POST') {
    const { body, policy } = JSON.parse(await readBody(ctx.req));
    const id = String(next++);
    pages.set(id, { body: String(body), policy: policy ? String(policy) : undefined });
    ctx.type = 'text/plain';
    ctx.body = `/__blank/${id}`;
    return;
  }
  const match = /^\/__blank\/(\d+)$/.exec(ctx.path);
  if (!match || !pages.has(match[1])) return nextMiddleware();
  const { body, policy } = pages.get(match[1]);
  if (policy) ctx.set('Content-Security-Policy', policy);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><script src="/test/demo/csp-listener.js"></script></head>
<body>
${body}
</body>
</html>`;
}
