import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { ArticleData, NewsArticleElement, NewsTickerElement } from '../src/index.js';
import {
  canonicalLang,
  directionOf,
  formatDate,
  formatMinutes,
  formatNumber,
  formattingLocale,
  parseCalendar,
  registerStrings,
  resolveLang,
  stripBidiControls,
  uiStrings,
  validNumerals,
} from '../src/locale.js';
import { formatRelative, relativeTimeClock, setRelativeTimeClock } from '../src/relative-time.js';

/** The seed's instant: Monday 14 April 2025, 18:55 in Casablanca (UTC+1). */
const SEED_TIME = '2025-04-14T18:55:00+01:00';
const CASABLANCA = { timeZone: 'Africa/Casablanca' };
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const LATIN_DIGITS = /[0-9]/;
const ARABIC_DIGITS = /[٠-٩]/;
const PERSIAN_DIGITS = /[۰-۹]/;

const article = (extra: Partial<ArticleData> = {}): ArticleData => ({
  title: 'رغم التوترات السياسية المتقطعة.. التعاون الأمني بين فرنسا والمغرب يواصل فعاليته',
  published: SEED_TIME,
  updated: '2025-04-14T20:10:00+01:00',
  author: { name: 'Jean Dupont' },
  source: { name: 'أوروبا 1' },
  lead: 'فقرة تمهيدية '.repeat(260),
  sections: [{ heading: 'قسم', body: '1. أول\n2. ثان' }],
  tags: ['المغرب'],
  ...extra,
});

const root = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const timeText = (el: Element) => part(el, 'time')!.textContent!;

/** Every text under `node`, through every shadow root. */
function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
  const element = node as Element;
  if (element.localName === 'style' || element.localName === 'script') return '';
  const children = element.shadowRoot ? element.shadowRoot.childNodes : node.childNodes;
  return [...children].map(deepText).join(' ');
}

/** Every attribute value under `node`, through every shadow root. */
function deepAttributes(node: ParentNode): string[] {
  const values: string[] = [];
  for (const element of node.querySelectorAll('*')) {
    for (const attribute of element.attributes) values.push(attribute.value);
    if (element.shadowRoot) values.push(...deepAttributes(element.shadowRoot));
  }
  return values;
}

async function articleFixture(attributes: Record<string, string>, data: ArticleData = article()) {
  const el = document.createElement('news-article') as NewsArticleElement;
  el.setAttribute('time-zone', 'Africa/Casablanca');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.data = data;
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  return el;
}

/** Replaces console.warn while `run` runs; returns what was warned. */
async function captureWarnings(run: () => Promise<void> | void): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('locale', () => {
  describe('language and direction', () => {
    it('canonicalizes tags and rejects nonsense', () => {
      expect(canonicalLang('AR-eg')).to.equal('ar-EG');
      expect(canonicalLang(' fa ')).to.equal('fa');
      for (const bad of ['', '  ', '!!', 'ar_EG_x', '12', 'en-', undefined, null]) {
        expect(canonicalLang(bad as string | undefined), String(bad)).to.equal(undefined);
      }
    });

    it('is right to left for every language of the contract, and for right-to-left scripts', () => {
      for (const lang of [
        'ar',
        'fa',
        'he',
        'ur',
        'ps',
        'ckb',
        'yi',
        'dv',
        'sd',
        'ug',
        'ar-EG',
        'fa-AF',
        'he-IL',
      ]) {
        expect(directionOf(lang), lang).to.equal('rtl');
      }
      for (const lang of ['en', 'fr', 'de', 'tr', 'ku', 'en-GB'])
        expect(directionOf(lang), lang).to.equal('ltr');
      expect(directionOf('az-Arab')).to.equal('rtl');
      expect(directionOf('pa-Arab')).to.equal('rtl');
      expect(directionOf('syr')).to.equal('rtl');
      // An explicit left-to-right script wins over the language.
      expect(directionOf('sd-Deva')).to.equal('ltr');
      // Nonsense: the default language's direction.
      expect(directionOf('!!')).to.equal('rtl');
    });

    it('resolves own lang, then the document language, then the nearest ancestor (across shadow roots), then ar', async () => {
      const outer = await fixture<HTMLDivElement>(html`<div lang="he"></div>`);
      const host = document.createElement('div');
      outer.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const inner = document.createElement('span');
      shadow.append(inner);
      expect(resolveLang(inner)).to.equal('he');
      expect(resolveLang(inner, 'fa')).to.equal('fa');
      inner.setAttribute('lang', 'ur');
      expect(resolveLang(inner, 'fa')).to.equal('ur');
      inner.setAttribute('lang', 'not a language!');
      expect(resolveLang(inner, 'also nonsense')).to.equal('he');
      // Nowhere a language: Arabic.
      const loose = document.createElement('span');
      expect(resolveLang(loose)).to.equal('ar');
    });

    it('renders in the resolved language and direction on the element', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="he"></div>`);
      const el = document.createElement('news-article') as NewsArticleElement;
      el.data = article();
      wrapper.append(el);
      await el.updateComplete;
      const base = part(el, 'base')!;
      expect(base.getAttribute('lang')).to.equal('he');
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(part(el, 'byline')!.textContent).to.include('מאת');
      // The document's language beats the ancestor's.
      el.data = article({ lang: 'fr' });
      await el.updateComplete;
      expect(base.getAttribute('lang')).to.equal('fr');
      expect(base.getAttribute('dir')).to.equal('ltr');
      expect(part(el, 'byline')!.textContent).to.include('Par');
      // The element's own lang beats both; nonsense is skipped.
      el.setAttribute('lang', 'ur');
      await el.updateComplete;
      expect(base.getAttribute('lang')).to.equal('ur');
      expect(base.getAttribute('dir')).to.equal('rtl');
      el.setAttribute('lang', '@@');
      await el.updateComplete;
      expect(base.getAttribute('lang')).to.equal('fr');
    });
  });

  describe('numbers and dates through Intl', () => {
    it('builds the formatting locale with -u-nu- and -u-ca-', () => {
      expect(formattingLocale('ar')).to.equal('ar-u-ca-gregory-nu-latn');
      expect(formattingLocale('ar', { numerals: 'arab' })).to.equal('ar-u-ca-gregory-nu-arab');
      expect(formattingLocale('ar-EG')).to.equal('ar-EG-u-ca-gregory');
      expect(formattingLocale('ar-SA', { numerals: 'latn' })).to.equal('ar-SA-u-ca-gregory-nu-latn');
      expect(formattingLocale('ar', { calendar: 'islamic-umalqura' })).to.equal(
        'ar-u-ca-islamic-umalqura-nu-latn',
      );
      expect(formattingLocale('ar', { calendar: 'gregory+islamic-umalqura' })).to.equal(
        'ar-u-ca-gregory-nu-latn',
      );
      // `locale` is for formatting only and may carry its own keywords.
      expect(formattingLocale('ar', { locale: 'fr-CA' })).to.equal('fr-CA-u-ca-gregory');
      expect(formattingLocale('ar', { locale: 'ar-u-nu-arab' })).to.equal('ar-u-ca-gregory-nu-arab');
      expect(formattingLocale('fa', { locale: 'fa-u-ca-persian' })).to.equal('fa-u-ca-persian');
      // Gregorian whatever the locale's default (Persian's is the solar hijri calendar).
      expect(formattingLocale('fa')).to.equal('fa-u-ca-gregory');
    });

    it('validates numbering systems and calendars, falling back quietly', async () => {
      expect(validNumerals('arabext')).to.equal('arabext');
      expect(validNumerals('ARAB')).to.equal('arab');
      const warnings = await captureWarnings(() => {
        expect(validNumerals('klingon')).to.equal(undefined);
        expect(parseCalendar('not-a-calendar')).to.equal(undefined);
        expect(parseCalendar('gregory+bogus')).to.equal(undefined);
      });
      expect(warnings.join('\n')).to.match(/klingon[\s\S]*not-a-calendar|not-a-calendar[\s\S]*klingon/);
      expect(parseCalendar('gregory+islamic-umalqura')).to.deep.equal({
        primary: 'gregory',
        secondary: 'islamic-umalqura',
      });
      // Aliases: the same calendar in every engine.
      expect(parseCalendar('hijri')).to.deep.equal({ primary: 'islamic-umalqura' });
      expect(parseCalendar('gregory + islamic')).to.deep.equal({
        primary: 'gregory',
        secondary: 'islamic-umalqura',
      });
      expect(parseCalendar('gregorian')).to.deep.equal({ primary: 'gregory' });
    });

    it('formats numbers and durations with the chosen digits and the language plurals', () => {
      expect(formatNumber(1234, 'ar')).to.equal('1,234');
      expect(formatNumber(1234, 'ar', { numerals: 'arab' })).to.equal('١٬٢٣٤');
      expect(formatNumber(1234, 'ar-EG')).to.equal('١٬٢٣٤');
      expect(formatNumber(1234, 'fa')).to.equal('۱٬۲۳۴');
      expect(formatNumber(-5, 'ar-EG')).to.equal('-٥'); // Intl puts an ALM before the sign: removed
      expect(formatMinutes(1, 'ar')).to.equal('دقيقة');
      expect(formatMinutes(2, 'ar')).to.equal('دقيقتان');
      expect(formatMinutes(3, 'ar')).to.equal('3 دقائق');
      expect(formatMinutes(11, 'ar')).to.equal('11 دقيقة');
      expect(formatMinutes(3, 'ar-EG')).to.equal('٣ دقائق');
      expect(formatMinutes(3, 'fa')).to.equal('۳ دقیقه');
      expect(formatMinutes(3, 'he')).to.equal('3 דקות');
      expect(formatMinutes(3, 'en')).to.equal('3 min');
      expect(formatMinutes(3, 'fr')).to.equal('3\u00a0min');
    });

    it('strips the bidi marks engines put into formatted text', () => {
      expect(stripBidiControls('14\u200f/4\u200f/2025\u061c \u200e-5 \u2067x\u2069')).to.equal(
        '14/4/2025 -5 x',
      );
      // A short Arabic date is where ICU inserts RLMs; nothing formatted here keeps one.
      const short = new Intl.DateTimeFormat('ar-EG', { dateStyle: 'short' }).format(new Date(SEED_TIME));
      expect(short).to.match(BIDI_MARKS); // the engine does insert them…
      expect(stripBidiControls(short)).not.to.match(BIDI_MARKS); // …and they go
    });

    it('shows both calendars with gregory+islamic-umalqura, the second date before the time', () => {
      const both = formatDate(SEED_TIME, 'ar', { ...CASABLANCA, calendar: 'gregory+islamic-umalqura' })!;
      expect(both).to.match(/^(الاثنين|الإثنين)، 14 أبريل 2025 \/ 16 شوال 1446 هـ .*18:55$/);
      const date = formatDate(
        SEED_TIME,
        'ar',
        { ...CASABLANCA, calendar: 'gregory+islamic-umalqura' },
        'date',
      )!;
      expect(date).to.match(/14 أبريل 2025 \/ 16 شوال 1446 هـ$/);
      // A time alone has no date to double.
      expect(
        formatDate(SEED_TIME, 'ar', { ...CASABLANCA, calendar: 'gregory+islamic-umalqura' }, 'time'),
      ).to.equal('18:55');
      const english = formatDate(SEED_TIME, 'en', { ...CASABLANCA, calendar: 'gregory+islamic-umalqura' })!;
      expect(english).to.equal('Monday, April 14, 2025 / Shawwal 16, 1446 AH at 18:55');
    });

    it('never shows Invalid Date', () => {
      expect(formatDate('not a date', 'ar')).to.equal(undefined);
      expect(formatDate('', 'ar')).to.equal(undefined);
      expect(formatRelative('2025-13-45', Date.now(), 'ar')).to.equal(undefined);
    });

    it('falls back to a fixed language when Intl has no data, not to the reader’s browser language', () => {
      // Dhivehi has no date data in Chromium or Firefox: English, whatever navigator.language says.
      expect(formattingLocale('dv')).to.equal('en-u-ca-gregory');
      const locale = formattingLocale('zz');
      expect(locale).to.equal('en-u-ca-gregory');
    });
  });

  describe('each combination the demo shows, on <news-article>', () => {
    const cases: {
      name: string;
      attributes: Record<string, string>;
      includes: (string | RegExp)[];
      excludes: RegExp[];
      dir: 'rtl' | 'ltr';
      reading: string;
    }[] = [
      {
        name: 'ar (default: Latin digits, like the Moroccan seed)',
        attributes: {},
        includes: [/^(الاثنين|الإثنين)، 14 أبريل 2025 في 18:55$/],
        excludes: [ARABIC_DIGITS, PERSIAN_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: 3 دقائق',
      },
      {
        name: 'ar + numerals="arab"',
        attributes: { numerals: 'arab' },
        includes: ['١٤ أبريل ٢٠٢٥', '١٨:٥٥'],
        excludes: [LATIN_DIGITS, PERSIAN_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: ٣ دقائق',
      },
      {
        name: 'ar-EG (its own default: Arabic-Indic digits)',
        attributes: { lang: 'ar-EG' },
        includes: ['١٤ أبريل ٢٠٢٥', '١٨:٥٥'],
        excludes: [LATIN_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: ٣ دقائق',
      },
      {
        name: 'ar-EG + numerals="latn"',
        attributes: { lang: 'ar-EG', numerals: 'latn' },
        includes: ['14 أبريل 2025', '18:55'],
        excludes: [ARABIC_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: 3 دقائق',
      },
      {
        name: 'ar + calendar="islamic-umalqura"',
        attributes: { calendar: 'islamic-umalqura' },
        includes: ['16 شوال 1446 هـ', '18:55'],
        excludes: [/أبريل|2025/, ARABIC_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: 3 دقائق',
      },
      {
        name: 'ar + calendar="gregory+islamic-umalqura"',
        attributes: { calendar: 'gregory+islamic-umalqura' },
        includes: ['14 أبريل 2025 / 16 شوال 1446 هـ', '18:55'],
        excludes: [ARABIC_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: 3 دقائق',
      },
      {
        name: 'ar-SA + calendar="gregory+islamic" (the alias)',
        attributes: { lang: 'ar-SA', calendar: 'gregory+islamic' },
        includes: ['١٤ أبريل ٢٠٢٥ / ١٦ شوال ١٤٤٦ هـ', '١٨:٥٥'],
        excludes: [LATIN_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: ٣ دقائق',
      },
      {
        name: 'fa (Persian digits, Gregorian calendar)',
        attributes: { lang: 'fa' },
        includes: ['دوشنبه ۱۴ آوریل ۲۰۲۵', '۱۸:۵۵'],
        excludes: [LATIN_DIGITS, ARABIC_DIGITS],
        dir: 'rtl',
        reading: 'زمان مطالعه: ۳ دقیقه',
      },
      {
        name: 'fa + calendar="persian"',
        attributes: { lang: 'fa', calendar: 'persian' },
        includes: ['فروردین', '۱۴۰۴', '۲۵', '۱۸:۵۵'],
        excludes: [LATIN_DIGITS, /آوریل|۲۰۲۵/],
        dir: 'rtl',
        reading: 'زمان مطالعه: ۳ دقیقه',
      },
      {
        name: 'ur',
        attributes: { lang: 'ur' },
        includes: ['پیر', '14 اپریل', '2025', '18:55'],
        excludes: [ARABIC_DIGITS, PERSIAN_DIGITS],
        dir: 'rtl',
        reading: 'پڑھنے کا وقت: 3 منٹ',
      },
      {
        name: 'ur + numerals="arabext"',
        attributes: { lang: 'ur', numerals: 'arabext' },
        includes: ['۱۴ اپریل', '۲۰۲۵', '۱۸:۵۵'],
        excludes: [LATIN_DIGITS],
        dir: 'rtl',
        reading: 'پڑھنے کا وقت: ۳ منٹ',
      },
      {
        name: 'he',
        attributes: { lang: 'he' },
        includes: ['יום שני', '14 באפריל 2025', '18:55'],
        excludes: [ARABIC_DIGITS, PERSIAN_DIGITS],
        dir: 'rtl',
        reading: 'זמן קריאה: 3 דקות',
      },
      {
        name: 'fr',
        attributes: { lang: 'fr' },
        includes: [/^lundi 14 avril 2025 à 18:55$/],
        excludes: [ARABIC_DIGITS],
        dir: 'ltr',
        reading: '3\u00a0min de lecture',
      },
      {
        name: 'en',
        attributes: { lang: 'en' },
        includes: [/^Monday, April 14, 2025 at 18:55$/],
        excludes: [ARABIC_DIGITS],
        dir: 'ltr',
        reading: '3 min read',
      },
      {
        name: 'ar with locale="fr" (formatting only: the UI stays Arabic)',
        attributes: { locale: 'fr' },
        includes: [/^lundi 14 avril 2025 à 18:55$/],
        excludes: [ARABIC_DIGITS],
        dir: 'rtl',
        reading: 'مدة القراءة: 3\u00a0min',
      },
    ];

    for (const { name, attributes, includes, excludes, dir, reading } of cases) {
      it(name, async () => {
        const el = await articleFixture(attributes);
        const shown = timeText(el);
        for (const expected of includes) {
          if (typeof expected === 'string') expect(shown).to.include(expected);
          else expect(shown).to.match(expected);
        }
        for (const unexpected of excludes) expect(shown).not.to.match(unexpected);
        expect(part(el, 'time')!.getAttribute('datetime')).to.equal('2025-04-14T17:55:00.000Z');
        expect(part(el, 'base')!.getAttribute('dir')).to.equal(dir);
        expect(part(el, 'reading-time')!.textContent).to.equal(reading);
        // The updated time follows the same rules.
        const updated = part(el, 'updated')!.textContent!;
        expect(updated).to.match(/(20|٢٠|۲۰):(10|١٠|۱۰)/);
        for (const unexpected of excludes) expect(updated).not.to.match(unexpected);
        // No bidi control anywhere: not in the text, not in an attribute.
        expect(deepText(root(el))).not.to.match(BIDI_MARKS);
        expect(deepAttributes(root(el)).join(' ')).not.to.match(BIDI_MARKS);
      });
    }

    it('numbers ordered lists in sections with the same digits', async () => {
      const arab = await articleFixture({ numerals: 'arab' });
      const section = root(arab).querySelector('article-section')!;
      const list = section.shadowRoot!.querySelector('ol')!;
      expect(getComputedStyle(list).listStyleType).to.equal('arabic-indic');
      const fa = await articleFixture({ lang: 'fa' });
      const faList = root(fa).querySelector('article-section')!.shadowRoot!.querySelector('ol')!;
      expect(getComputedStyle(faList).listStyleType).to.equal('persian');
      const plain = await articleFixture({});
      const plainList = root(plain).querySelector('article-section')!.shadowRoot!.querySelector('ol')!;
      expect(getComputedStyle(plainList).listStyleType).to.equal('decimal');
    });

    it('falls back to Gregorian and the locale digits on invalid values, with a warning at most', async () => {
      let el!: NewsArticleElement;
      const warnings = await captureWarnings(async () => {
        el = await articleFixture({ calendar: 'lunar-ish', numerals: 'roman-ish' });
      });
      expect(timeText(el)).to.match(/14 أبريل 2025 في 18:55$/);
      expect(warnings.length).to.be.at.most(2);
      expect(deepText(root(el))).not.to.match(/Invalid|NaN|undefined/);
    });

    it('follows numerals and calendar changes at once', async () => {
      const el = await articleFixture({});
      expect(timeText(el)).to.include('2025');
      el.numerals = 'arab';
      await el.updateComplete;
      expect(timeText(el)).to.include('٢٠٢٥');
      el.calendar = 'islamic-umalqura';
      await el.updateComplete;
      expect(timeText(el)).to.include('١٤٤٦');
      el.removeAttribute('numerals');
      el.numerals = null;
      await el.updateComplete;
      expect(timeText(el)).to.include('1446');
    });
  });

  describe('UI strings', () => {
    const table: Record<
      string,
      {
        by: string;
        source: string;
        updated: string;
        tags: string;
        error: string;
        breaking: string;
        pause: string;
      }
    > = {
      ar: {
        by: 'بقلم',
        source: 'المصدر:',
        updated: 'آخر تحديث:',
        tags: 'الوسوم',
        error: 'تعذّر تحميل الأخبار.',
        breaking: 'عاجل',
        pause: 'إيقاف الشريط مؤقتًا',
      },
      en: {
        by: 'By',
        source: 'Source:',
        updated: 'Updated',
        tags: 'Tags',
        error: 'The news could not be loaded.',
        breaking: 'Breaking',
        pause: 'Pause the ticker',
      },
      fr: {
        by: 'Par',
        source: 'Source\u00a0:',
        updated: 'Mis à jour\u00a0:',
        tags: 'Mots-clés',
        error: 'Impossible de charger les actualités.',
        breaking: 'Urgent',
        pause: 'Mettre le défilement en pause',
      },
      fa: {
        by: 'نویسنده:',
        source: 'منبع:',
        updated: 'به‌روزرسانی:',
        tags: 'برچسب‌ها',
        error: 'بارگذاری اخبار ممکن نشد.',
        breaking: 'فوری',
        pause: 'توقف نوار خبر',
      },
      ur: {
        by: 'تحریر:',
        source: 'ماخذ:',
        updated: 'اپ ڈیٹ:',
        tags: 'ٹیگز',
        error: 'خبریں لوڈ نہیں ہو سکیں۔',
        breaking: 'بریکنگ نیوز',
        pause: 'خبروں کی پٹی روکیں',
      },
      he: {
        by: 'מאת',
        source: 'מקור:',
        updated: 'עודכן:',
        tags: 'תגיות',
        error: 'לא ניתן לטעון את החדשות.',
        breaking: 'מבזק',
        pause: 'עצירת הגלילה',
      },
    };

    for (const [lang, expected] of Object.entries(table)) {
      it(`speaks ${lang} in the article, its messages and the ticker`, async () => {
        const el = await articleFixture({ lang });
        expect(part(el, 'byline')!.textContent!.trim()).to.match(new RegExp(`^${expected.by}\\s`));
        expect(part(el, 'source')!.textContent!.trim().startsWith(expected.source)).to.equal(true);
        expect(
          root(el).querySelector('.updated-line')!.textContent!.trim().startsWith(expected.updated),
        ).to.equal(true);
        expect(part(el, 'tags')!.getAttribute('aria-label')).to.equal(expected.tags);

        el.data = undefined;
        el.json = '{"title": ';
        await el.updateComplete;
        await waitUntil(() => el.status === 'error');
        expect(part(el, 'message')!.textContent).to.equal(expected.error);

        const ticker = await fixture<NewsTickerElement>(
          html`<news-ticker lang=${lang} .data=${{ items: [{ title: 'خبر' }] }}></news-ticker>`,
        );
        expect(part(ticker, 'label')!.textContent).to.equal(expected.breaking);
        expect(part(ticker, 'pause-button')!.getAttribute('title')).to.equal(expected.pause);
        expect(part(ticker, 'base')!.getAttribute('dir')).to.equal(directionOf(lang));
      });
    }

    it('says "loading" in the language while the request runs', async () => {
      const el = await fixture<NewsArticleElement>(
        html`<news-article
          lang="fa"
          src="/api/feed?key=i18n-loading&scenario=page&delay=3000"
        ></news-article>`,
      );
      await waitUntil(() => el.status === 'loading');
      expect(root(el).querySelector('[role="status"]')!.textContent).to.include('در حال بارگذاری…');
    });

    it('falls back to Arabic for Arabic-script languages, Hebrew for Yiddish, English otherwise', () => {
      expect(uiStrings('ps').breaking).to.equal('عاجل');
      expect(uiStrings('ckb').loading).to.equal('جارٍ التحميل…');
      expect(uiStrings('sd').by).to.equal('بقلم');
      expect(uiStrings('yi').breaking).to.equal('מבזק');
      expect(uiStrings('de').breaking).to.equal('Breaking');
      expect(uiStrings('dv').breaking).to.equal('Breaking');
      expect(uiStrings('ar-MA').breaking).to.equal('عاجل');
      expect(uiStrings('fa-AF').breaking).to.equal('فوری');
      expect(uiStrings('nonsense!!').breaking).to.equal('عاجل');
    });

    it('takes overrides from the strings property, without touching the rest', async () => {
      const el = await articleFixture({ lang: 'fr' });
      el.strings = { by: 'Signé', readingTime: 'Lecture\u00a0: {duration}', nonsense: 'x' } as never;
      await el.updateComplete;
      expect(part(el, 'byline')!.textContent).to.match(/^Signé\s/);
      expect(part(el, 'reading-time')!.textContent).to.equal('Lecture\u00a0: 3\u00a0min');
      expect(part(el, 'source')!.textContent).to.include('Source\u00a0:');
      el.strings = { readingTime: (duration: string) => `[${duration}]` };
      await el.updateComplete;
      expect(part(el, 'reading-time')!.textContent).to.equal('[3\u00a0min]');

      const ticker = await fixture<NewsTickerElement>(
        html`<news-ticker
          .strings=${{ breaking: 'الآن', pause: 'قف' }}
          .data=${{ items: [{ title: 'خبر' }] }}
        ></news-ticker>`,
      );
      expect(part(ticker, 'label')!.textContent).to.equal('الآن');
      expect(part(ticker, 'pause-button')!.getAttribute('title')).to.equal('قف');
      // The label attribute still wins.
      ticker.label = 'هام';
      await ticker.updateComplete;
      expect(part(ticker, 'label')!.textContent).to.equal('هام');
    });

    it('adds a language, or a region’s wording, with registerStrings', async () => {
      registerStrings('ckb', { breaking: 'هەواڵی گرنگ', loading: 'بارکردن…' });
      registerStrings('ar-MA', { breaking: 'عاجل الآن' });
      expect(uiStrings('ckb').breaking).to.equal('هەواڵی گرنگ');
      // The rest of Kurdish falls back to Arabic (same script), not English.
      expect(uiStrings('ckb').pause).to.equal('إيقاف الشريط مؤقتًا');
      expect(uiStrings('ar-MA').breaking).to.equal('عاجل الآن');
      expect(uiStrings('ar').breaking).to.equal('عاجل');
      expect(uiStrings('ar-MA', { breaking: 'x' }).breaking).to.equal('x');
      const ticker = await fixture<NewsTickerElement>(
        html`<news-ticker lang="ckb" .data=${{ items: [{ title: 'خبر' }] }}></news-ticker>`,
      );
      expect(part(ticker, 'label')!.textContent).to.equal('هەواڵی گرنگ');
      expect(part(ticker, 'base')!.getAttribute('dir')).to.equal('rtl');
    });
  });

  describe('relative times', () => {
    const NOW = Date.parse('2025-04-14T18:55:20Z');
    const ago = (ms: number) => NOW - ms;
    const MIN = 60_000;
    const HOUR = 60 * MIN;

    it('speaks the language, with its plurals and duals (Intl.RelativeTimeFormat)', () => {
      const cases: [number, string, string][] = [
        [20_000, 'ar', 'الآن'],
        [MIN, 'ar', 'قبل دقيقة واحدة'],
        [2 * MIN, 'ar', 'قبل دقيقتين'],
        [5 * MIN + 59_000, 'ar', 'قبل 5 دقائق'],
        [11 * MIN, 'ar', 'قبل 11 دقيقة'],
        [HOUR, 'ar', 'قبل ساعة واحدة'],
        [2 * HOUR + 5 * MIN, 'ar', 'قبل ساعتين'],
        [3 * HOUR, 'ar', 'قبل 3 ساعات'],
        [23 * HOUR + 59 * MIN, 'ar', 'قبل 23 ساعة'],
        [5 * MIN, 'ar-EG', 'قبل ٥ دقائق'],
        [5 * MIN, 'fa', '۵ دقیقه پیش'],
        [5 * MIN, 'ur', '5 منٹ پہلے'],
        [5 * MIN, 'he', 'לפני 5 דקות'],
        // Hebrew data add the number in parentheses where the word already says it: dropped.
        [MIN, 'he', 'לפני דקה'],
        [HOUR, 'he', 'לפני שעה'],
        [2 * HOUR, 'he', 'לפני שעתיים'],
        [3 * HOUR, 'he', 'לפני 3 שעות'],
        [5 * MIN, 'fr', 'il y a 5 minutes'],
        [5 * MIN, 'en', '5 minutes ago'],
      ];
      for (const [age, lang, expected] of cases) {
        expect(formatRelative(ago(age), NOW, lang), `${lang} ${age}`).to.equal(expected);
      }
      expect(formatRelative(ago(5 * MIN), NOW, 'ar', { numerals: 'arab' })).to.equal('قبل ٥ دقائق');
      // Old, or in the future: no relative text (the absolute time shows).
      expect(formatRelative(ago(24 * HOUR), NOW, 'ar')).to.equal(undefined);
      expect(formatRelative(ago(-5 * MIN), NOW, 'ar')).to.equal(undefined);
      expect(formatRelative(ago(-30_000), NOW, 'ar')).to.equal('الآن');
      expect(formatRelative(ago(2 * HOUR), NOW, 'ar', {}, HOUR)).to.equal(undefined);
    });

    describe('on <news-article relative>', () => {
      const short = (extra: Partial<ArticleData>) => article({ lead: 'فقرة', ...extra });
      let now = NOW;
      let timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
      let restore: () => void;
      const live = () => timers.filter((timer) => !timer.cleared);
      /** Moves the fake clock on and fires the pending wake-up. */
      const advance = (ms: number) => {
        now += ms;
        const pending = live();
        expect(pending).to.have.length(1);
        pending[0].cleared = true;
        pending[0].callback();
      };

      beforeEach(() => {
        now = NOW;
        timers = [];
        restore = setRelativeTimeClock({
          now: () => now,
          setTimeout: (callback, ms) => {
            const timer = { callback, ms, cleared: false };
            timers.push(timer);
            return timer;
          },
          clearTimeout: (handle) => {
            if (handle) (handle as { cleared: boolean }).cleared = true;
          },
        });
      });
      afterEach(() => restore());

      it('shows «قبل 5 دقائق», keeps the instant in datetime and the absolute time in the title', async () => {
        const el = await articleFixture(
          { relative: '' },
          short({ published: new Date(ago(5 * MIN)).toISOString(), updated: undefined }),
        );
        const time = part(el, 'time')!;
        expect(time.textContent).to.equal('قبل 5 دقائق');
        expect(time.getAttribute('datetime')).to.equal(new Date(ago(5 * MIN)).toISOString());
        expect(time.getAttribute('title')).to.match(/^(الاثنين|الإثنين)، 14 أبريل 2025 في 19:50$/);
        expect(time.getAttribute('dir')).to.equal('auto');
      });

      it('is absolute without the attribute, and past the threshold', async () => {
        const recent = short({ published: new Date(ago(5 * MIN)).toISOString() });
        const plain = await articleFixture({}, recent);
        expect(timeText(plain)).to.include('2025');
        expect(part(plain, 'time')!.hasAttribute('title')).to.equal(false);
        const old = await articleFixture(
          { relative: '' },
          short({ published: new Date(ago(30 * HOUR)).toISOString() }),
        );
        expect(timeText(old)).to.include('2025');
        const hourly = await articleFixture(
          { relative: '1' },
          short({ published: new Date(ago(2 * HOUR)).toISOString() }),
        );
        expect(timeText(hourly)).to.include('2025');
        hourly.setAttribute('relative', '3');
        await hourly.updateComplete;
        expect(timeText(hourly)).to.equal('قبل ساعتين');
      });

      it('updates on the minute through one shared timer, changing only its own text node', async () => {
        // 18:55:20 now: the wake-up is at 18:56:00, 40 s away.
        const first = await articleFixture(
          { relative: '' },
          short({
            published: new Date(ago(5 * MIN + 30_000)).toISOString(),
            updated: new Date(ago(90_000)).toISOString(),
          }),
        );
        const second = await articleFixture(
          { relative: '', lang: 'en' },
          short({ published: new Date(ago(59 * MIN + 50_000)).toISOString(), updated: undefined }),
        );
        expect(live()).to.have.length(1);
        expect(live()[0].ms).to.equal(40_000);
        expect(timeText(first)).to.equal('قبل 5 دقائق');
        expect(part(first, 'updated')!.textContent).to.equal('قبل دقيقة واحدة');
        expect(timeText(second)).to.equal('59 minutes ago');

        const textNode = [...part(first, 'time')!.childNodes].find(
          (node) => node.nodeType === Node.TEXT_NODE && (node as Text).data.trim(),
        )!;
        const records: MutationRecord[] = [];
        const observer = new MutationObserver((list) => records.push(...list));
        for (const el of [first, second]) {
          observer.observe(root(el), {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
        }
        let renders = 0;
        const counted = first as unknown as { update: (changed: unknown) => void };
        const update = counted.update;
        counted.update = function (this: unknown, changed: unknown) {
          renders += 1;
          return update.call(this, changed);
        };

        advance(40_000); // 18:56:00
        records.push(...observer.takeRecords());
        expect(timeText(first)).to.equal('قبل 6 دقائق');
        expect(part(first, 'updated')!.textContent).to.equal('قبل دقيقتين');
        expect(timeText(second)).to.equal('1 hour ago');
        expect(records.length).to.equal(3);
        expect(records.every((record) => record.type === 'characterData')).to.equal(true);
        expect(records.map((record) => record.target)).to.include(textNode);
        expect(renders).to.equal(0);
        // Aligned: the next wake-up is a whole minute later.
        expect(live()).to.have.length(1);
        expect(live()[0].ms).to.equal(60_000);

        // A minute where no wording changes touches nothing.
        records.length = 0;
        advance(60_000); // 18:57:00: 7 min, 3 min, still 1 hour
        records.push(...observer.takeRecords());
        expect(records.map((record) => (record.target as Text).data)).to.deep.equal([
          'قبل 7 دقائق',
          'قبل 3 دقائق',
        ]);
        observer.disconnect();
        counted.update = update;
      });

      it('turns absolute at the threshold and leaves the clock; leaves it on disconnect too', async () => {
        const el = await articleFixture(
          { relative: '' },
          short({ published: new Date(ago(24 * HOUR - 30_000)).toISOString(), updated: undefined }),
        );
        expect(timeText(el)).to.equal('قبل 23 ساعة');
        expect(relativeTimeClock.size).to.equal(1);
        advance(40_000);
        expect(timeText(el)).to.match(/13 أبريل 2025 في 19:55$/);
        expect(relativeTimeClock.size).to.equal(0);
        expect(live()).to.have.length(0);

        const other = await articleFixture(
          { relative: '' },
          short({ published: new Date(ago(MIN)).toISOString(), updated: undefined }),
        );
        expect(relativeTimeClock.size).to.equal(1);
        other.remove();
        expect(relativeTimeClock.size).to.equal(0);
        expect(live()).to.have.length(0);
        // Back on the page: current again at once.
        now += 3 * MIN;
        document.body.append(other);
        await other.updateComplete;
        expect(timeText(other)).to.equal('قبل 4 دقائق');
        expect(relativeTimeClock.size).to.equal(1);
        other.remove();
      });

      it('sleeps while the tab is hidden and catches up when it shows', async () => {
        const el = await articleFixture(
          { relative: '' },
          short({ published: new Date(ago(5 * MIN)).toISOString(), updated: undefined }),
        );
        expect(live()).to.have.length(1);
        let state: DocumentVisibilityState = 'hidden';
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        try {
          document.dispatchEvent(new Event('visibilitychange'));
          expect(live()).to.have.length(0);
          now += 10 * MIN;
          expect(timeText(el)).to.equal('قبل 5 دقائق');
          state = 'visible';
          document.dispatchEvent(new Event('visibilitychange'));
          expect(timeText(el)).to.equal('قبل 15 دقيقة');
          expect(live()).to.have.length(1);
        } finally {
          delete (document as { visibilityState?: unknown }).visibilityState;
        }
        expect(document.visibilityState).to.equal('visible');
      });

      it('gives the ticker’s item times the same relative text, in both copies of the loop', async () => {
        const items = [
          { id: 'a', title: 'خبر أول', time: new Date(ago(5 * MIN + 30_000)).toISOString() },
          { id: 'b', title: 'خبر قديم', time: new Date(ago(30 * HOUR)).toISOString() },
        ];
        const ticker = await fixture<NewsTickerElement>(
          html`<news-ticker relative paused time-zone="Africa/Casablanca" .data=${{ items }}></news-ticker>`,
        );
        const times = () => [...root(ticker).querySelectorAll('[part="time"]')];
        expect(times().map((time) => time.textContent)).to.deep.equal([
          'قبل 5 دقائق',
          '13:55',
          'قبل 5 دقائق',
          '13:55',
        ]);
        const first = times()[0];
        expect(first.getAttribute('datetime')).to.equal(items[0].time);
        expect(first.getAttribute('title')).to.match(/14 أبريل 2025 في 19:49$/);
        const records: MutationRecord[] = [];
        const observer = new MutationObserver((list) => records.push(...list));
        observer.observe(root(ticker), {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        advance(40_000);
        records.push(...observer.takeRecords());
        observer.disconnect();
        expect(times().map((time) => time.textContent)).to.deep.equal([
          'قبل 6 دقائق',
          '13:55',
          'قبل 6 دقائق',
          '13:55',
        ]);
        expect(records.map((record) => record.type)).to.deep.equal(['characterData', 'characterData']);
        // Without the attribute: the clock time, as before.
        ticker.relative = null;
        await ticker.updateComplete;
        expect(times()[0].textContent).to.equal('19:49');
        expect(times()[0].hasAttribute('title')).to.equal(false);
      });

      it('skips times off screen and brings them up to date as they scroll in', async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="padding-block-start: 300vh"></div>`);
        const el = document.createElement('news-article') as NewsArticleElement;
        el.setAttribute('relative', '');
        el.data = short({ published: new Date(ago(5 * MIN + 30_000)).toISOString(), updated: undefined });
        wrapper.append(el);
        await el.updateComplete;
        const time = part(el, 'time')!;
        // Let the intersection observer report the element as off screen.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await new Promise(requestAnimationFrame);
        advance(40_000);
        expect(time.textContent).to.equal('قبل 5 دقائق');
        time.scrollIntoView();
        await waitUntil(() => time.textContent === 'قبل 6 دقائق', 'updated once visible', { timeout: 3000 });
        window.scrollTo(0, 0);
      });
    });
  });
});
