// Note: assertions here compare booleans, strings and counts, never DOM nodes: a failing
// chai assertion whose actual value is an element makes the test runner hang (it serializes it).
import { expect, fixture, html } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import '../../src/index.js';
import type { ArticleSectionElement } from '../../src/article-section.js';
import { ALLOWED_ATTR, ALLOWED_TAGS, safeSrcset, sanitizeHtml } from '../../src/render/html.js';

const BASE = 'https://news.example/2025/04/article.html';

/** The sanitized markup of `source`, as HTML text, for comparisons. */
function clean(source: string, baseUrl?: string): string {
  const fragment = sanitizeHtml(source, { baseUrl });
  expect(fragment instanceof DocumentFragment, 'sanitized').to.be.true;
  const box = document.createElement('div');
  box.append(fragment!);
  return box.innerHTML;
}

/** The elements of the sanitized fragment (under a level-1 heading, so an <h2> stays an <h2>). */
function nodes(source: string, baseUrl?: string): Element[] {
  const box = document.createElement('div');
  box.append(sanitizeHtml(source, { baseUrl, level: 1 })!);
  return [...box.querySelectorAll('*')];
}

const shadow = (el: Element) => el.shadowRoot!;

describe('render/html: the sanitizer', () => {
  it("puts the body's headings below the section's, keeping their distances, text and attributes", () => {
    const headings = (level?: number) => {
      const box = document.createElement('div');
      box.append(
        sanitizeHtml('<h2 dir="ltr">Top</h2><p>نص</p><h3>ثانٍ <em>مائل</em></h3><h6>عميق</h6>', { level })!,
      );
      return [...box.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (h) =>
          `${h.localName}${h.hasAttribute('dir') ? `[dir=${h.getAttribute('dir')}]` : ''} ${h.innerHTML}`,
      );
    };
    // A WordPress post's <h2> subheadings under a level-3 section: h4, then h5; past h6 stays h6.
    expect(headings()).to.deep.equal(['h4[dir=ltr] Top', 'h5 ثانٍ <em>مائل</em>', 'h6 عميق']);
    expect(headings(1)).to.deep.equal(['h2[dir=ltr] Top', 'h3 ثانٍ <em>مائل</em>', 'h6 عميق']);
  });

  it('keeps the markup of a news body', () => {
    const source =
      '<h2>عنوان</h2><p>نص <strong>قوي</strong> و<em>مائل</em> و<mark>مميز</mark> <abbr title="الأمم المتحدة">أمم</abbr>' +
      ' <time datetime="2025-04-14T18:55:00Z">الإثنين</time> <q cite="https://un.example/">قول</q> H<sub>2</sub>O<sup>1</sup></p>' +
      '<ul><li>أ</li><li>ب</li></ul><ol start="3" reversed><li value="5">ج</li></ol>' +
      '<blockquote cite="https://quote.example/">اقتباس</blockquote><pre><code>x = 1</code></pre><hr>' +
      '<figure><picture><source srcset="/a.webp 1x, /a@2x.webp 2x" type="image/webp"><img src="/a.jpg" alt="صورة" width="640" height="360"></picture><figcaption>تعليق</figcaption></figure>' +
      '<table><caption>جدول</caption><thead><tr><th scope="col">أ</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">1</td></tr></tbody></table>' +
      '<p dir="ltr" lang="en">English <span>text</span> <bdi>بدي</bdi><br>line</p><div><small>s</small> <s>x</s> <u>u</u> <b>b</b> <i>i</i> <cite>c</cite></div>';
    const names = nodes(source, BASE).map((el) => el.localName);
    for (const tag of [
      'h2',
      'strong',
      'em',
      'mark',
      'abbr',
      'time',
      'q',
      'sub',
      'sup',
      'ul',
      'ol',
      'li',
      'blockquote',
    ])
      expect(names, tag).to.include(tag);
    for (const tag of [
      'pre',
      'code',
      'hr',
      'figure',
      'picture',
      'source',
      'img',
      'figcaption',
      'table',
      'caption',
    ])
      expect(names, tag).to.include(tag);
    for (const tag of [
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'span',
      'bdi',
      'br',
      'div',
      'small',
      's',
      'u',
      'b',
      'i',
      'cite',
    ])
      expect(names, tag).to.include(tag);
    const out = clean(source, BASE);
    expect(out).to.contain('<abbr title="الأمم المتحدة">');
    expect(out).to.contain('<time datetime="2025-04-14T18:55:00Z">');
    expect(out).to.contain('<ol start="3" reversed=""><li value="5">');
    expect(out).to.contain('<td colspan="2" rowspan="1">');
    expect(out).to.contain('<p dir="ltr" lang="en">');
    expect(out).to.contain(
      'srcset="https://news.example/a.webp 1x, https://news.example/a@2x.webp 2x" type="image/webp"',
    );
  });

  it('gives links rel="noopener noreferrer" (external) and images lazy loading without a referrer', () => {
    const [external, relative, mail] = nodes(
      `<a href="https://other.example/x" target="_blank" rel="opener">خارجي</a><a href="${location.origin}/here">هنا</a>` +
        '<a href="mailto:desk@news.example">بريد</a>',
    ) as HTMLAnchorElement[];
    expect(external.getAttribute('href')).to.equal('https://other.example/x');
    expect(external.rel).to.equal('noopener noreferrer');
    expect(external.hasAttribute('target')).to.be.false;
    expect(relative.hasAttribute('rel')).to.be.false;
    expect(mail.getAttribute('href')).to.equal('mailto:desk@news.example');
    const [img] = nodes(
      '<img src="https://cdn.example/a.jpg" alt="a" loading="eager" referrerpolicy="unsafe-url">',
    );
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('resolves relative links and images against the document address', () => {
    const [a, img] = nodes('<a href="../other.html#x">رابط</a><img src="/img/a.jpg" alt="">', BASE);
    expect(a.getAttribute('href')).to.equal('https://news.example/2025/other.html#x');
    expect(img.getAttribute('src')).to.equal('https://news.example/img/a.jpg');
  });

  it('drops script, style, forms, frames, embedded objects, SVG, MathML and templates', () => {
    const source =
      '<p>نص</p><script>window.__htmlHit=1</script><style>p{color:red}</style><link rel="stylesheet" href="/x.css">' +
      '<meta http-equiv="refresh" content="0;url=/"><base href="https://evil.example/"><form action="/x"><input name="q"><button>ok</button><textarea>t</textarea></form>' +
      '<iframe src="/x"></iframe><object data="/x"></object><embed src="/x"><svg><circle r="1"></circle></svg><math><mi>x</mi></math>' +
      '<template><p>t</p></template><template shadowrootmode="open"><p>s</p></template><noscript>n</noscript><video src="/v.mp4"></video>' +
      '<x-widget>custom</x-widget><news-ticker json="[]"></news-ticker>';
    const names = nodes(source).map((el) => el.localName);
    expect(names).to.deep.equal(['p']);
    const out = clean(source);
    expect(out).to.not.contain('__htmlHit');
    expect(out).to.not.contain('color:red');
    expect(out, 'the text of an unknown element is kept').to.contain('custom');
    expect(out, 'button and textarea text is not').to.not.match(/>ok<|>t</);
  });

  it('drops event handlers, style, class, id, name, data-*, aria-*, slot, part and unknown attributes', () => {
    const [p] = nodes(
      '<p onclick="x()" onmouseover="x()" style="color:red" class="heading" id="document" name="cookie" data-x="1"' +
        ' aria-hidden="true" role="alert" slot="a" part="body" tabindex="0" contenteditable hidden title="ok">x</p>',
    );
    expect([...p.attributes].map((attr) => attr.name)).to.deep.equal(['title']);
  });

  it('keeps only http(s), mailto and relative URLs, however disguised', () => {
    const hrefs = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' \tjavascript:alert(1)',
      'java\tscript:alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'blob:https://x.example/1',
      'about:blank',
    ];
    for (const href of hrefs) {
      // A link whose address is refused becomes its text, as in markdown.
      expect(clean(`<p><a href="${href.replace(/"/g, '&quot;')}" title="t">x</a></p>`, BASE), href).to.equal(
        '<p>x</p>',
      );
    }
    // An image without a usable source goes.
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x"><b>b</b>')).to.equal('<b>b</b>');
    expect(clean('<img src="mailto:x@example.com" alt="m">'), 'mailto is for links only').to.equal('');
    const [quote] = nodes('<blockquote cite="javascript:alert(1)">q</blockquote>');
    expect(quote.hasAttribute('cite')).to.be.false;
  });

  it('checks every srcset candidate, keeping commas inside URLs', () => {
    expect(safeSrcset('a.jpg 1x, b.jpg 2x', BASE)).to.equal(
      'https://news.example/2025/04/a.jpg 1x, https://news.example/2025/04/b.jpg 2x',
    );
    expect(safeSrcset('https://cdn.example/w_100,h_50/a.jpg 100w,https://cdn.example/b.jpg 200w')).to.equal(
      'https://cdn.example/w_100,h_50/a.jpg 100w, https://cdn.example/b.jpg 200w',
    );
    expect(safeSrcset('a.jpg, javascript:alert(1) 2x')).to.equal(undefined);
    expect(safeSrcset('a.jpg 1x onerror')).to.equal(undefined);
    expect(safeSrcset('data:image/png;base64,AAAA 1x')).to.equal(undefined);
    expect(safeSrcset(' , ')).to.equal(undefined);
    const [img] = nodes('<img src="/a.jpg" srcset="/a.jpg 1x, javascript:alert(1) 2x">');
    expect(img.hasAttribute('srcset')).to.be.false;
    expect(img.hasAttribute('src')).to.be.true;
  });

  it('keeps dir values to rtl, ltr and auto', () => {
    const [a, b] = nodes('<p dir="RTL">a</p><p dir="sideways">b</p>');
    expect(a.getAttribute('dir')).to.equal('rtl');
    expect(b.hasAttribute('dir')).to.be.false;
  });

  it('defuses mutation XSS: nothing comes back to life once inserted', () => {
    const payloads = [
      '<noscript><p title="</noscript><img src=x onerror=window.__htmlHit=1>"></noscript>',
      '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=window.__htmlHit=1&gt;">',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__htmlHit=1>',
      '<svg></p><style><a id="</style><img src=1 onerror=window.__htmlHit=1>">',
      `${'<div>'.repeat(600)}<img src=x onerror=window.__htmlHit=1>`,
    ];
    for (const payload of payloads) {
      const els = nodes(payload);
      expect(
        els.filter((el) => [...el.attributes].some((attr) => attr.name.startsWith('on'))),
        payload,
      ).to.have.length(0);
      expect(
        els.map((el) => el.localName).filter((name) => !ALLOWED_TAGS.includes(name)),
        payload,
      ).to.deep.equal([]);
    }
    expect((window as { __htmlHit?: number }).__htmlHit).to.equal(undefined);
  });

  it('uses its own DOMPurify: hooks a host page adds to the shared one change nothing', () => {
    DOMPurify.addHook('afterSanitizeAttributes', (node) =>
      node.setAttribute('onclick', 'window.__htmlHit=1'),
    );
    try {
      const [p] = nodes('<p>x</p>');
      expect(p.hasAttribute('onclick')).to.be.false;
    } finally {
      DOMPurify.removeAllHooks();
    }
  });

  it('allows no attribute that could run script or load a style', () => {
    for (const name of ALLOWED_ATTR) expect(name).to.not.match(/^on|^style$|^srcdoc$|action$|^xlink/);
    for (const tag of [
      'script',
      'style',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'form',
      'input',
      'link',
      'meta',
    ])
      expect(ALLOWED_TAGS).to.not.include(tag);
  });
});

describe('render/html: <article-section format="html">', () => {
  it('renders the sanitized markup in the shadow root, not as text', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section
        format="html"
        body=${'<p>الأولى <b>غامق</b> <a href="javascript:alert(1)">رابط</a> <a href="https://x.example/">خارجي</a></p><p onclick="alert(1)">الثانية</p><script>window.__htmlHit=1</script><img src=x onerror="window.__htmlHit=1">'}
      ></article-section>`,
    );
    await el.updateComplete;
    const body = shadow(el).querySelector('[part="body"]')!;
    expect([...body.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      'الأولى غامق رابط خارجي',
      'الثانية',
    ]);
    expect(body.querySelector('b')).to.exist;
    const links = body.querySelectorAll('a');
    expect(links.length, 'the javascript: link is only its text').to.equal(1);
    expect(links[0].rel).to.equal('noopener noreferrer');
    expect(body.querySelectorAll('script, [onclick], [onerror]')).to.have.length(0);
    expect(body.querySelector('img')!.getAttribute('loading')).to.equal('lazy');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __htmlHit?: number }).__htmlHit).to.equal(undefined);
  });

  it('reads an html body from its own children, and keeps them in the light DOM', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section format="html"
        ><p>فقرة <em>أولى</em></p>
        <p>ثانية</p></article-section
      >`,
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="body"] em')!.textContent).to.equal('أولى');
    expect(el.querySelectorAll('p')).to.have.length(2);
  });

  it('keeps the same nodes while the body is unchanged, and replaces them when it changes', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section format="html" heading="أ" body="<p>واحد</p>"></article-section>`,
    );
    await el.updateComplete;
    const first = shadow(el).querySelector('[part="body"] p');
    el.heading = 'ب';
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="body"] p') === first, 'the same node').to.be.true;
    el.body = '<p>اثنان</p>';
    await el.updateComplete;
    const paragraphs = shadow(el).querySelectorAll('[part="body"] p');
    expect([...paragraphs].map((p) => p.textContent)).to.deep.equal(['اثنان']);
    el.body = '';
    await el.updateComplete;
    el.body = '<p>اثنان</p>';
    await el.updateComplete;
    expect(
      shadow(el).querySelector('[part="body"] p')!.textContent,
      'rendered again after emptying',
    ).to.equal('اثنان');
  });

  it('resolves relative links against the section baseUrl', async () => {
    const el = await fixture<ArticleSectionElement>(html`<article-section></article-section>`);
    el.baseUrl = BASE;
    el.section = { body: '<p><a href="next.html">التالي</a></p>', format: 'html' };
    await el.updateComplete;
    expect(shadow(el).querySelector('a')!.getAttribute('href')).to.equal(
      'https://news.example/2025/04/next.html',
    );
  });

  it('renders feed bodies (content:encoded) as sanitized HTML in an article', async () => {
    const el = await fixture<HTMLElement & { data: unknown; updateComplete: Promise<unknown> }>(
      html`<news-article></news-article>`,
    );
    el.data = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        {
          id: '1',
          title: 'خبر',
          url: 'https://news.example/1',
          content_html: '<p>نص <strong>مهم</strong></p><img src="/a.jpg" onerror="alert(1)" alt="">',
        },
      ],
    };
    await el.updateComplete;
    const section = el.shadowRoot!.querySelector('article-section')!;
    const body = section.shadowRoot!.querySelector('[part="body"]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('مهم');
    expect(body.querySelector('img')!.getAttribute('src')).to.equal('https://news.example/a.jpg');
    expect(body.querySelectorAll('[onerror]').length).to.equal(0);
  });
});
