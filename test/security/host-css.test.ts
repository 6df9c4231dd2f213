/**
 * A host page with aggressive global CSS cannot break the widget's right-to-left rendering:
 * `* { direction: ltr !important; letter-spacing: 5px !important; text-transform: uppercase
 * !important; … }` reaches the hosts (the control below proves it is active) but, inside the
 * shadow roots, text stays right-to-left, without letter-spacing (it would break Arabic
 * joining) or case changes, and headlines keep their right-to-left visual order.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown>; data?: unknown };

const HOSTILE_CSS = `
  * {
    direction: ltr !important;
    letter-spacing: 5px !important;
    word-spacing: 12px !important;
    text-transform: uppercase !important;
    text-align: left !important;
    unicode-bidi: bidi-override !important;
  }
`;

const ticker = {
  label: 'عاجل',
  items: [
    { title: 'الخبر الأول عن المنتخب المغربي', url: 'https://news.example/1' },
    { title: 'الخبر الثاني Morocco 2–1', url: 'https://news.example/2' },
    { title: 'الخبر الثالث' },
  ],
};

const article = {
  title: 'عنوان المقال الطويل',
  author: 'هيئة التحرير',
  source: { name: 'المصدر' },
  published: '2025-04-14T18:55:00+01:00',
  lead: 'فقرة تمهيدية',
  sections: [
    { heading: 'قسم', body: 'نص **القسم** mixed Latin' },
    { heading: 'قسم HTML', body: '<p>فقرة <strong>HTML</strong></p>', format: 'html' },
  ],
  tags: ['وسم أول', 'وسم ثان'],
};

/** Every element with text of its own, inside the shadow roots under `host`. */
function textElements(host: Element): Element[] {
  const found: Element[] = [];
  const visit = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const ownText = [...el.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
      );
      if (ownText && !el.closest('[hidden], .visually-hidden, [aria-hidden="true"]')) found.push(el);
    }
  };
  visit(host.shadowRoot!);
  return found;
}

function styleOf(el: Element) {
  const style = getComputedStyle(el);
  return {
    direction: style.direction,
    letterSpacing: style.letterSpacing === '0px' ? 'normal' : style.letterSpacing,
    wordSpacing: style.wordSpacing === 'normal' ? '0px' : style.wordSpacing,
    textTransform: style.textTransform,
    unicodeBidi: style.unicodeBidi,
  };
}

/** The right edges of the headlines' boxes, in list order. */
function headlineRights(el: Widget): number[] {
  const items = [...el.shadowRoot!.querySelectorAll('.list:not(.copy) [part~="title"]')];
  return items.map((item) => item.getBoundingClientRect().right);
}

/** Waits until the headline boxes stop moving (the ticker lays itself out over a few frames). */
async function settled(el: Widget): Promise<void> {
  let last = '';
  let same = 0;
  const deadline = performance.now() + 3000;
  while (same < 3 && performance.now() < deadline) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = headlineRights(el).join();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

describe('host page CSS cannot break right-to-left rendering', function () {
  this.timeout(20000);
  let style: HTMLStyleElement | undefined;

  afterEach(() => {
    style?.remove();
    style = undefined;
  });

  async function render(): Promise<{ bar: Widget; story: Widget }> {
    const box = await fixture<HTMLElement>(
      html`<div lang="ar">
        <news-ticker paused .data=${ticker}></news-ticker>
        <news-article .data=${article}></news-article>
      </div>`,
    );
    const bar = box.querySelector<Widget>('news-ticker')!;
    const story = box.querySelector<Widget>('news-article')!;
    await bar.updateComplete;
    await story.updateComplete;
    await settled(bar);
    return { bar, story };
  }

  it('the hostile rules reach the hosts (control), but no text inside the shadow roots', async () => {
    const calm = await render();
    const calmRights = headlineRights(calm.bar);
    expect(calmRights.length).to.equal(3);

    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    const { bar, story } = await render();

    // Control: the page's rules are in force on the host elements themselves.
    expect(getComputedStyle(bar).direction).to.equal('ltr');
    expect(getComputedStyle(story).direction).to.equal('ltr');
    expect(getComputedStyle(document.body).letterSpacing).to.equal('5px');

    for (const host of [bar, story]) {
      const texts = textElements(host);
      expect(texts.length, `${host.localName} has text`).to.be.greaterThan(3);
      for (const el of texts) {
        const where = `<${host.localName}> ${el.localName}.${el.className} «${el.textContent!.trim().slice(0, 20)}»`;
        const computed = styleOf(el);
        expect(computed.letterSpacing, where).to.equal('normal');
        expect(computed.wordSpacing, where).to.equal('0px');
        expect(computed.textTransform, where).to.equal('none');
        expect(computed.unicodeBidi, where).to.not.equal('bidi-override');
        // Code and the reduced-motion counter are left-to-right on purpose.
        if (!el.closest('[dir="ltr"], code, pre')) expect(computed.direction, where).to.equal('rtl');
      }
    }
  });

  it('headlines keep their right-to-left visual order, in the same places as on a calm page', async () => {
    const calm = await render();
    // Positions from each host's right edge (a scrollbar may come and go between renders).
    const calmRights = headlineRights(calm.bar);
    const calmOrigin = calm.bar.getBoundingClientRect().right;
    const calmStory = calm.story.getBoundingClientRect().right;
    const calmMeta = [...calm.story.shadowRoot!.querySelectorAll('.meta-items > *')].map(
      (el) => el.getBoundingClientRect().right,
    );

    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    const { bar, story } = await render();
    const rights = headlineRights(bar);
    expect(rights.length).to.equal(3);
    // The first headline is right-most, the next ones follow to its left.
    expect(rights[0], 'first headline right of the second').to.be.greaterThan(rights[1]);
    expect(rights[1], 'second headline right of the third').to.be.greaterThan(rights[2]);
    // The byline, source and time run from the right too.
    const meta = [...story.shadowRoot!.querySelectorAll('.meta-items > *')].map(
      (el) => el.getBoundingClientRect().right,
    );
    expect(meta.length).to.be.at.least(2);
    for (let i = 1; i < meta.length; i++) expect(meta[i - 1], `meta item ${i}`).to.be.greaterThan(meta[i]);
    // And nothing moved: the same boxes as without the hostile CSS (within a pixel).
    const origin = bar.getBoundingClientRect().right;
    const boxes = (host: Widget) =>
      [
        ...host.shadowRoot!.querySelectorAll(
          '.label, .viewport, .track, .list:not(.copy) > li, .list:not(.copy) [part~="title"], .controls',
        ),
      ]
        .map((el) => {
          const box = el.getBoundingClientRect();
          return `${el.className}:${Math.round(box.left - host.getBoundingClientRect().left)}+${Math.round(box.width)}`;
        })
        .join(' | ');
    rights.forEach((right, i) =>
      expect(right - origin, `${boxes(calm.bar)}\n≠ ${boxes(bar)}`).to.be.closeTo(
        calmRights[i] - calmOrigin,
        1,
      ),
    );
    const storyRight = story.getBoundingClientRect().right;
    const describe = (host: Widget) =>
      [...host.shadowRoot!.querySelectorAll('.meta-items > *')]
        .map((el) => `${el.className}:${Math.round(el.getBoundingClientRect().width)}:${el.textContent}`)
        .join(' | ');
    meta.forEach((right, i) =>
      expect(right - storyRight, `${describe(calm.story)} ≠ ${describe(story)}`).to.be.closeTo(
        calmMeta[i] - calmStory,
        1,
      ),
    );
  });
});
