/**
 * Strict pages: the built bundles (dist/cdn, from `npm run build`) on a page served with
 *   default-src 'self'; script-src 'self'; style-src 'self';
 *   require-trusted-types-for 'script'; trusted-types lit-html akhbar
 * (test/server/csp.mjs), loaded in a same-origin iframe. Everything renders, no
 * `securitypolicyviolation` is reported, and the only Trusted Types policies created are
 * `lit-html` and `akhbar`. The page records violations from its first script on
 * (test/fixtures/csp/listen.js), and a deliberate breach shows the recorder works.
 */
import { expect } from '@open-wc/testing';
import { engine } from './trap.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
interface Record {
  violations: Violation[];
  policies: string[];
  errors: string[];
}
type FrameWindow = Window & typeof globalThis & { __csp: Record };
type Widget = HTMLElement & { status?: string; updateComplete?: Promise<unknown> };

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html akhbar";

/** Opens /csp/page in an iframe and waits until every widget on it has settled. */
async function strictPage(
  query: string,
): Promise<{ win: FrameWindow; doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:700px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/csp/page?${query}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  expect(win.__csp, 'the recorder ran (the page and its first script were served)').to.exist;
  const widgets = () => [...doc.querySelectorAll<Widget>('news-ticker, news-article')];
  const deadline = performance.now() + 15000;
  while (
    performance.now() < deadline &&
    (!widgets().length || widgets().some((el) => !['ready', 'empty', 'error'].includes(el.status ?? '')))
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(
    [...doc.querySelectorAll<Widget>('news-ticker, news-article, article-section')].map(
      (el) => el.updateComplete,
    ),
  );
  // Time for late work: lazy chunks, images, the ticker's first animation frames.
  await new Promise((resolve) => setTimeout(resolve, 400));
  await Promise.all(
    [...doc.querySelectorAll<Widget>('news-article, article-section')].map((el) => el.updateComplete),
  );
  return { win, doc, frame };
}

/** The elements matching `selector` inside every shadow root of the page (not in the light DOM). */
function shadowQuery(doc: Document, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (root !== doc && el.matches(selector)) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(doc);
  return found;
}

const shadowText = (el: Element | null) => {
  let text = '';
  const visit = (root: ParentNode) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (el.shadowRoot) visit(el.shadowRoot);
        else visit(el);
      }
    }
  };
  if (el?.shadowRoot) visit(el.shadowRoot);
  return text;
};

async function bundleExists(path: string): Promise<void> {
  const response = await fetch(path, { method: 'HEAD' });
  expect(response.ok, `${path} exists (run \`npm run build\` first)`).to.be.true;
}

const cleanup: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of cleanup.splice(0)) frame.remove();
});

const report = (win: FrameWindow) =>
  JSON.stringify({
    violations: win.__csp.violations,
    errors: win.__csp.errors,
    policies: win.__csp.policies,
  });

describe('strict CSP and Trusted Types (dist bundles)', function () {
  this.timeout(40000);

  it("serves the test page with the contract's policy line", async () => {
    const response = await fetch('/csp/page?bundle=module');
    expect(response.headers.get('content-security-policy')).to.equal(STRICT);
  });

  for (const bundle of ['module', 'iife'] as const) {
    it(`${bundle} bundle: ticker, markdown article, html section and feed render with zero violations`, async () => {
      await bundleExists(bundle === 'module' ? '/dist/cdn/akhbar.js' : '/dist/cdn/akhbar.iife.js');
      const { win, doc, frame } = await strictPage(`bundle=${bundle}`);
      cleanup.push(frame);
      const record = win.__csp;
      console.log(
        `csp ${engine()} ${bundle}: ${record.violations.length} violations, policies ${JSON.stringify(record.policies)}, ` +
          `Trusted Types ${'trustedTypes' in win ? 'present' : 'absent'}`,
      );
      expect(record.violations, report(win)).to.deep.equal([]);
      expect(record.errors, report(win)).to.deep.equal([]);

      // Everything rendered.
      for (const id of ['fetched', 'inline', 'article', 'feed'])
        expect(doc.getElementById(id)!.getAttribute('status'), `#${id} ${report(win)}`).to.equal('ready');
      expect(shadowText(doc.getElementById('fetched'))).to.contain('شعيب بلعروش');
      expect(shadowText(doc.getElementById('inline'))).to.contain('خبر من عنصر سكريبت');
      const article = doc.getElementById('article')!;
      expect(shadowText(article)).to.contain('التعاون الأمني');
      // Markdown: links and an image; html: sanitized markup with its image; text sections.
      expect(article.shadowRoot!.querySelectorAll('article-section').length).to.equal(3);
      const links = shadowQuery(doc, 'a[href]').map((a) => (a as HTMLAnchorElement).href);
      expect(links).to.include.members([
        `${location.origin}/news/2`,
        'https://other.example/x',
        'https://other.example/auto',
        'https://other.example/html',
      ]);
      const images = shadowQuery(doc, 'img') as HTMLImageElement[];
      expect(images.length, 'article image, markdown image, html images, feed image').to.be.at.least(5);
      const strong = shadowQuery(doc, 'strong').map((el) => el.textContent);
      expect(strong, 'html section').to.include('مهمة');
      expect(shadowQuery(doc, '[onerror], [style*="border"], script').length).to.equal(0);
      expect(shadowText(doc.getElementById('feed'))).to.contain('الخلاصة');
      // An html section written as light DOM children: sanitized markup in its shadow root.
      const section = doc.getElementById('section')!;
      expect(section.shadowRoot!.querySelector('[part="body"] strong')?.textContent).to.equal('مهمة');
      expect(section.shadowRoot!.querySelector('[part="body"] a')?.getAttribute('rel')).to.equal(
        'noopener noreferrer',
      );
      const markdown = doc.getElementById('markdown')!;
      expect(markdown.shadowRoot!.querySelector('[part="body"] strong')?.textContent).to.equal('مهم');
      // Policies: only the two the page allows, each once.
      if ('trustedTypes' in win) {
        expect(
          record.policies.filter((name) => name !== 'lit-html' && name !== 'akhbar'),
          report(win),
        ).to.deep.equal([]);
        expect(record.policies.filter((name) => name === 'akhbar').length).to.be.at.most(1);
      }
    });
  }

  it('the ticker bundle alone on a strict page: zero violations, the sanitizer never loaded', async () => {
    await bundleExists('/dist/cdn/news-ticker.js');
    const { win, doc, frame } = await strictPage('bundle=ticker');
    cleanup.push(frame);
    expect(win.__csp.violations, report(win)).to.deep.equal([]);
    expect(win.__csp.errors, report(win)).to.deep.equal([]);
    expect(doc.getElementById('fetched')!.getAttribute('status')).to.equal('ready');
    expect(
      doc.getElementById('feed')!.getAttribute('status'),
      'an RSS feed, parsed through the akhbar policy',
    ).to.equal('ready');
    const scripts = win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js'));
    expect(scripts.some((name) => name.includes('/dist/cdn/news-ticker.js'))).to.be.true;
    expect(
      scripts.filter((name) => /chunks\/(?:html|markdown)-/.test(name)),
      `no markdown or sanitizer chunk among ${scripts}`,
    ).to.deep.equal([]);
  });

  it("two copies of the module bundle, with 'allow-duplicates': zero violations", async () => {
    const { win, doc, frame } = await strictPage('bundle=module-twice&policy=duplicates');
    cleanup.push(frame);
    expect(win.__csp.violations, report(win)).to.deep.equal([]);
    expect(win.__csp.errors, report(win)).to.deep.equal([]);
    expect(doc.getElementById('article')!.getAttribute('status')).to.equal('ready');
  });

  it("two copies of the classic bundle, with 'allow-duplicates': zero violations", async () => {
    const { win, doc, frame } = await strictPage('bundle=iife-twice&policy=duplicates');
    cleanup.push(frame);
    expect(win.__csp.violations, report(win)).to.deep.equal([]);
    expect(win.__csp.errors, report(win)).to.deep.equal([]);
    expect(doc.getElementById('article')!.getAttribute('status')).to.equal('ready');
  });

  it('a deliberate breach IS reported: the recorder would catch a widget violation', async () => {
    const { win, doc, frame } = await strictPage('bundle=module');
    cleanup.push(frame);
    expect(win.__csp.violations).to.deep.equal([]);
    // An inline style attribute (style-src 'self' forbids it).
    const styled = doc.createElement('p');
    styled.setAttribute('style', 'color: red');
    doc.body.append(styled);
    // An image from another origin (img-src falls back to default-src 'self').
    const image = doc.createElement('img');
    image.src = 'http://127.0.0.2:9/blocked.png';
    doc.body.append(image);
    // A string into an HTML sink, where Trusted Types are enforced.
    let refused = false;
    if ('trustedTypes' in win) {
      try {
        doc.createElement('div').innerHTML = '<b>x</b>';
      } catch (error) {
        refused = error instanceof win.TypeError;
      }
      expect(refused, 'innerHTML with a string is refused').to.be.true;
    }
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline && win.__csp.violations.length < (refused ? 3 : 2))
      await new Promise((resolve) => setTimeout(resolve, 50));
    const directives = win.__csp.violations.map((violation) => violation.directive);
    expect(directives).to.include('img-src');
    expect(directives.some((directive) => directive.startsWith('style-src'))).to.be.true;
    if (refused) expect(directives).to.include('require-trusted-types-for');
  });
});
