/**
 * Language, direction, Intl formatting (cached) and UI strings.
 *
 * Everything a reader sees that the widget formats itself (dates, times, numbers,
 * durations; relative times in relative-time.ts, with the same locale) goes through
 * `Intl`, with the numbering system and calendar as Unicode extension keywords
 * (`-u-nu-`, `-u-ca-`): never a digit table. The bidi controls some engines put into
 * formatted text (U+200E, U+200F, U+061C) are removed: the elements isolate every
 * formatted run instead.
 */

/** Languages written right to left (the contract's list). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);
/** Scripts written right to left, for a tag with an explicit script (`az-Arab`, `pa-Arab`). */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
  'Yezi',
]);
const DEFAULT_LANG = 'ar';

/** Parsed tags: every render resolves the language, often per item; a page has few tags. */
const locales = new Map<string, Intl.Locale | null>();

function toLocale(tag: string | null | undefined): Intl.Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  let locale = locales.get(tag);
  if (locale === undefined) {
    try {
      locale = tag.trim() ? new Intl.Locale(tag.trim()) : null;
    } catch {
      locale = null;
    }
    if (locales.size > 256) locales.clear(); // tags come from pages and feeds: keep it bounded
    locales.set(tag, locale);
  }
  return locale ?? undefined;
}

/** A canonical BCP 47 tag, or undefined for nonsense. */
export function canonicalLang(tag: string | null | undefined): string | undefined {
  return toLocale(tag)?.toString();
}

/** The nearest `lang` from the element outwards, crossing shadow roots. */
function inheritedLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = canonicalLang(node.getAttribute('lang'));
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

/**
 * The language an element renders in: its own `lang`, else the document's language
 * (a feed's `language`), else the nearest ancestor's (crossing shadow roots), else
 * Arabic. Each candidate must be a well-formed BCP 47 tag; nonsense is skipped.
 */
export function resolveLang(element: Element, documentLang?: string): string {
  return (
    // The property, not the attribute: Lit reflects a `lang` set before connection only after the first render.
    canonicalLang((element as HTMLElement).lang) ??
    canonicalLang(documentLang) ??
    inheritedLang(element) ??
    DEFAULT_LANG
  );
}

/** The script a tag is written in: its explicit script subtag, else the likeliest one. */
function scriptOf(locale: Intl.Locale): string | undefined {
  if (locale.script) return locale.script;
  try {
    return locale.maximize().script;
  } catch {
    return undefined;
  }
}

/**
 * The direction of a language: right to left for the contract's languages (ar, fa,
 * he, ur, ps, ckb, yi, dv, sd, ug) and for any tag whose script is right to left
 * (`az-Arab`, `pa-Arab`, `syr`); an explicit left-to-right script wins (`sd-Deva`).
 */
export function directionOf(lang: string): 'rtl' | 'ltr' {
  const locale = toLocale(lang) ?? new Intl.Locale(DEFAULT_LANG);
  if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
  if (RTL_LANGUAGES.has(locale.language)) return 'rtl';
  const script = scriptOf(locale);
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/**
 * The language whose UI strings (and, when Intl has no data for a language, whose
 * formats) stand in for a language without its own: Arabic for languages written
 * in Arabic script (ps, ckb, sd, ug…), Hebrew for Hebrew script (yi), else English.
 */
function fallbackLanguage(locale: Intl.Locale): string {
  const script = scriptOf(locale);
  if (script === 'Arab') return 'ar';
  if (script === 'Hebr') return 'he';
  return 'en';
}

// ---- Formatting options -------------------------------------------------------------------------

export interface FormatOptions {
  /** The `locale` attribute: a BCP 47 tag for dates and numbers; default: the language. */
  locale?: string | null;
  /** IANA time zone; default: the reader's. */
  timeZone?: string | null;
  /** A numbering system (`latn`, `arab`, `arabext`…); default: the locale's (Latin for plain `ar`). */
  numerals?: string | null;
  /**
   * A calendar (`gregory`, `islamic-umalqura`, `persian`…), or two joined by `+` to show
   * both (`gregory+islamic-umalqura`); default: Gregorian.
   */
  calendar?: string | null;
}

/** Friendly names accepted by `calendar`, and the one Intl calendar each stands for. */
const CALENDAR_ALIASES: Record<string, string> = {
  gregorian: 'gregory',
  hijri: 'islamic-umalqura',
  // Engines disagree on plain `islamic` (Chromium: astronomical; Firefox: tabular): pin it.
  islamic: 'islamic-umalqura',
};

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`akhbar: ${message}`);
}

function supportedValues(key: 'calendar' | 'numberingSystem'): Set<string> | undefined {
  const supportedValuesOf = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  try {
    return supportedValuesOf ? new Set(supportedValuesOf(key)) : undefined;
  } catch {
    return undefined;
  }
}

const validity = new Map<string, boolean>();

/** A numbering system Intl formats with (`latn`, `arab`, `arabext`, `deva`…), or undefined. */
export function validNumerals(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const name = value.trim().toLowerCase();
  const key = `nu:${name}`;
  let valid = validity.get(key);
  if (valid === undefined) {
    const known = supportedValues('numberingSystem');
    try {
      valid =
        (known ? known.has(name) : true) &&
        new Intl.NumberFormat('en', { numberingSystem: name }).resolvedOptions().numberingSystem === name;
    } catch {
      valid = false;
    }
    validity.set(key, valid);
  }
  if (!valid)
    warnOnce(`numerals="${value}" is not a numbering system this browser knows; using the locale's.`);
  return valid ? name : undefined;
}

function validCalendar(value: string): string | undefined {
  const name = CALENDAR_ALIASES[value] ?? value;
  const key = `ca:${name}`;
  let valid = validity.get(key);
  if (valid === undefined) {
    const known = supportedValues('calendar');
    try {
      valid =
        (known ? known.has(name) : true) &&
        new Intl.DateTimeFormat('en', { calendar: name }).resolvedOptions().calendar === name;
    } catch {
      valid = false;
    }
    validity.set(key, valid);
  }
  return valid ? name : undefined;
}

/**
 * The calendars a `calendar` value asks for: one, or two joined by `+` (the second
 * shown after the first's date). Anything invalid means Gregorian (with a warning).
 */
export function parseCalendar(
  value: string | null | undefined,
): { primary: string; secondary?: string } | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const names = value
    .trim()
    .toLowerCase()
    .split(/\s*\+\s*/);
  const calendars = names.map(validCalendar);
  if (names.length > 2 || calendars.some((calendar) => calendar === undefined)) {
    warnOnce(
      `calendar="${value}" is not a calendar (or pair of calendars) this browser knows; using Gregorian.`,
    );
    return undefined;
  }
  const [primary, secondary] = calendars as string[];
  return secondary && secondary !== primary ? { primary, secondary } : { primary };
}

const supportCache = new Map<string, boolean>();
function intlSupports(locale: Intl.Locale): boolean {
  const tag = locale.baseName;
  let supported = supportCache.get(tag);
  if (supported === undefined) {
    try {
      supported = Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
    } catch {
      supported = false;
    }
    supportCache.set(tag, supported);
  }
  return supported;
}

/**
 * The locale Intl formats with, numbering system and calendar included: the `locale`
 * option, else the language (a language Intl has no data for is replaced by the
 * fallback language, so the result never depends on the reader's browser language).
 * Digits: `numerals` if valid, else the tag's own `-u-nu-`, else Latin for Arabic
 * without a region (the Moroccan seed page), else the locale's default (ar-EG and
 * ar-SA: Arabic-Indic). Calendar: `calendar`'s first one if valid, else the tag's
 * own `-u-ca-`, else Gregorian, whatever the locale's default (fa, th…).
 */
export function formattingLocale(lang: string, options: FormatOptions = {}): string {
  const key = `${lang}|${options.locale ?? ''}|${options.numerals ?? ''}|${options.calendar ?? ''}`;
  let resolved = resolvedLocales.get(key);
  if (resolved === undefined) {
    resolved = resolveFormattingLocale(lang, options);
    if (resolvedLocales.size > 200) resolvedLocales.clear();
    resolvedLocales.set(key, resolved);
  }
  return resolved;
}

const resolvedLocales = new Map<string, string>();

function resolveFormattingLocale(lang: string, options: FormatOptions): string {
  let locale = toLocale(options.locale) ?? toLocale(lang) ?? new Intl.Locale(DEFAULT_LANG);
  if (!intlSupports(locale)) {
    const fallback = fallbackLanguage(locale);
    locale = new Intl.Locale(fallback, {
      numberingSystem: locale.numberingSystem,
      calendar: locale.calendar,
    });
  }
  const numberingSystem =
    validNumerals(options.numerals) ??
    locale.numberingSystem ??
    (locale.language === 'ar' && !locale.region ? 'latn' : undefined);
  const calendar = parseCalendar(options.calendar)?.primary ?? locale.calendar ?? 'gregory';
  return new Intl.Locale(locale.toString(), { numberingSystem, calendar }).toString();
}

/** The bidi controls some engines insert into formatted text: LRM, RLM, ALM and embeddings. */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/**
 * Formatted text without bidi controls. The elements isolate every formatted run
 * (`<time dir="auto">`, `<bdi>`), so marks would only get in the way of copy and
 * paste, search and tests.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

// ---- Dates ----------------------------------------------------------------------------------------

export type DateStyle = 'date-time' | 'date' | 'time';

const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
/** A second calendar's date, after the first one's: no weekday (it is the same day). */
const SECOND_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const STYLES: Record<DateStyle | 'second', Intl.DateTimeFormatOptions> = {
  'date-time': { ...DATE, ...TIME },
  date: DATE,
  time: TIME,
  second: SECOND_DATE,
};

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, timeZone: string | undefined, style: DateStyle | 'second') {
  const key = `${locale}|${timeZone ?? ''}|${style}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    const options = { ...STYLES[style], timeZone };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown time zone: fall back to the reader's rather than failing the render.
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

const DATE_PARTS = new Set(['weekday', 'day', 'month', 'year', 'era', 'relatedYear', 'yearName']);

/** A valid Date from an ISO string, a timestamp or a Date, or undefined. */
export function toDate(value: string | number | Date | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A date for display, or undefined when the value is not a date (never "Invalid
 * Date"). With two calendars (`gregory+islamic-umalqura`), the second calendar's date
 * follows the first one's, before the time: «الاثنين، 14 أبريل 2025 / 16 شوال 1446 هـ في 18:55».
 */
export function formatDate(
  iso: string | number | Date | undefined,
  lang: string,
  options: FormatOptions = {},
  style: DateStyle = 'date-time',
): string | undefined {
  const date = toDate(iso);
  if (!date) return undefined;
  const locale = formattingLocale(lang, options);
  const timeZone = options.timeZone ?? undefined;
  const formatter = dateFormatter(locale, timeZone, style);
  const secondary = style === 'time' ? undefined : parseCalendar(options.calendar)?.secondary;
  if (!secondary) return stripBidiControls(formatter.format(date));
  const second = dateFormatter(
    new Intl.Locale(locale, { calendar: secondary }).toString(),
    timeZone,
    'second',
  ).format(date);
  const parts = formatter.formatToParts(date);
  let last = -1;
  parts.forEach((part, index) => {
    if (DATE_PARTS.has(part.type)) last = index;
  });
  const text = parts
    .map((part, index) => (index === last ? `${part.value} / ${second}` : part.value))
    .join('');
  return stripBidiControls(text);
}

/** The exact instant for `<time datetime>`, or undefined. */
export function machineDate(iso: string | number | Date | undefined): string | undefined {
  return toDate(iso)?.toISOString();
}

// ---- Relative times (the formatting and the clock live in relative-time.ts) ----------------------

/** Default age (ms) under which a time reads as relative: 24 hours. */
export const RELATIVE_THRESHOLD = 24 * 60 * 60 * 1000;

/** What a relative time needs besides its instant (see relative-time.ts). */
export interface RelativeTimeOptions {
  /** The language the text is in. */
  lang: string;
  /** Locale, numbering system, calendar and time zone, as for every other date. */
  format?: FormatOptions;
  /** Age (ms) from which the absolute text shows instead (default 24 hours). */
  threshold?: number;
  /** The absolute text: shown once the time is `threshold` old (and for a future time). */
  absolute: string;
}

/** The `relativeTime` directive, once relative-time.js has loaded (it registers itself). */
export type RelativeTimeRenderer = (instant: number, options: RelativeTimeOptions) => unknown;
let relativeTimeRenderer: RelativeTimeRenderer | undefined;

/**
 * Lets elements that load relative-time.js lazily (the ticker alone) use it without
 * importing it: undefined until the module has loaded somewhere on the page.
 */
export function relativeTimeDirective(): RelativeTimeRenderer | undefined {
  return relativeTimeRenderer;
}

export function provideRelativeTime(renderer: RelativeTimeRenderer): void {
  relativeTimeRenderer = renderer;
}

// ---- Numbers --------------------------------------------------------------------------------------

const numberFormatters = new Map<string, Intl.NumberFormat>();

function numberFormatter(
  locale: string,
  options: Intl.NumberFormatOptions = {},
  key = '',
): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let formatter = numberFormatters.get(cacheKey);
  if (!formatter) numberFormatters.set(cacheKey, (formatter = new Intl.NumberFormat(locale, options)));
  return formatter;
}

/** A number in the element's locale and numbering system. */
export function formatNumber(value: number, lang: string, options: FormatOptions = {}): string {
  return stripBidiControls(numberFormatter(formattingLocale(lang, options)).format(value));
}

/**
 * A number of minutes as the language writes it («دقيقتان», «3 دقائق», «3 min»):
 * `Intl.NumberFormat` with the minute unit, so the plural (and the Arabic dual)
 * comes from the locale's data.
 */
export function formatMinutes(minutes: number, lang: string, options: FormatOptions = {}): string {
  const locale = formattingLocale(lang, options);
  const display = SHORT_UNITS.has(new Intl.Locale(locale).language) ? 'short' : 'long';
  return stripBidiControls(
    numberFormatter(
      locale,
      { style: 'unit', unit: 'minute', unitDisplay: display },
      `minute-${display}`,
    ).format(minutes),
  );
}
/** Languages whose reading time reads best with the abbreviated unit («3 min read»). */
const SHORT_UNITS = new Set(['en', 'fr']);

/** The numbering system a locale formats numbers with (`latn`, `arab`…). */
export function numberingSystemOf(lang: string, options: FormatOptions = {}): string {
  return numberFormatter(formattingLocale(lang, options)).resolvedOptions().numberingSystem;
}

// ---- UI strings ---------------------------------------------------------------------------------

export interface UiStrings {
  /** The ticker's label. */
  breaking: string;
  pause: string;
  play: string;
  previous: string;
  next: string;
  loading: string;
  empty: string;
  error: string;
  /** The name of the headline list when there is no label. */
  headlines: string;
  /** "3 min read", with the duration already formatted («دقيقتان», «3 min»). */
  readingTime: (duration: string) => string;
  /** Before the author's name. */
  by: string;
  /** The name of the tag list. */
  tags: string;
  /** Before the updated time. */
  updated: string;
  /** Before the source's name. */
  source: string;
}

/**
 * Overrides for some UI strings (the `strings` property, `registerStrings`). A
 * `readingTime` given as text takes `{duration}` where the duration goes («{duration}
 * de lecture»); without it, the duration follows the text.
 */
export type UiStringsOverride = Partial<Omit<UiStrings, 'readingTime'>> & {
  readingTime?: string | ((duration: string) => string);
};

const STRINGS: Record<string, UiStrings> = {
  ar: {
    breaking: 'عاجل',
    pause: 'إيقاف الشريط مؤقتًا',
    play: 'تشغيل الشريط',
    previous: 'الخبر السابق',
    next: 'الخبر التالي',
    loading: 'جارٍ التحميل…',
    empty: 'لا توجد أخبار حاليًا.',
    error: 'تعذّر تحميل الأخبار.',
    headlines: 'آخر الأخبار',
    readingTime: (duration) => `مدة القراءة: ${duration}`,
    by: 'بقلم',
    tags: 'الوسوم',
    updated: 'آخر تحديث:',
    source: 'المصدر:',
  },
  en: {
    breaking: 'Breaking',
    pause: 'Pause the ticker',
    play: 'Play the ticker',
    previous: 'Previous headline',
    next: 'Next headline',
    loading: 'Loading…',
    empty: 'No news right now.',
    error: 'The news could not be loaded.',
    headlines: 'Latest headlines',
    readingTime: (duration) => `${duration} read`,
    by: 'By',
    tags: 'Tags',
    updated: 'Updated',
    source: 'Source:',
  },
  fr: {
    breaking: 'Urgent',
    pause: 'Mettre le défilement en pause',
    play: 'Reprendre le défilement',
    previous: 'Titre précédent',
    next: 'Titre suivant',
    loading: 'Chargement…',
    empty: 'Aucune actualité pour le moment.',
    error: 'Impossible de charger les actualités.',
    headlines: 'Dernières actualités',
    readingTime: (duration) => `${duration} de lecture`,
    by: 'Par',
    tags: 'Mots-clés',
    updated: 'Mis à jour\u00a0:',
    source: 'Source\u00a0:',
  },
  fa: {
    breaking: 'فوری',
    pause: 'توقف نوار خبر',
    play: 'پخش نوار خبر',
    previous: 'خبر قبلی',
    next: 'خبر بعدی',
    loading: 'در حال بارگذاری…',
    empty: 'در حال حاضر خبری نیست.',
    error: 'بارگذاری اخبار ممکن نشد.',
    headlines: 'آخرین اخبار',
    readingTime: (duration) => `زمان مطالعه: ${duration}`,
    by: 'نویسنده:',
    tags: 'برچسب‌ها',
    updated: 'به‌روزرسانی:',
    source: 'منبع:',
  },
  ur: {
    breaking: 'بریکنگ نیوز',
    pause: 'خبروں کی پٹی روکیں',
    play: 'خبروں کی پٹی چلائیں',
    previous: 'پچھلی خبر',
    next: 'اگلی خبر',
    loading: 'لوڈ ہو رہا ہے…',
    empty: 'اس وقت کوئی خبر نہیں۔',
    error: 'خبریں لوڈ نہیں ہو سکیں۔',
    headlines: 'تازہ ترین خبریں',
    readingTime: (duration) => `پڑھنے کا وقت: ${duration}`,
    by: 'تحریر:',
    tags: 'ٹیگز',
    updated: 'اپ ڈیٹ:',
    source: 'ماخذ:',
  },
  he: {
    breaking: 'מבזק',
    pause: 'עצירת הגלילה',
    play: 'הפעלת הגלילה',
    previous: 'הכותרת הקודמת',
    next: 'הכותרת הבאה',
    loading: 'טוען…',
    empty: 'אין חדשות כרגע.',
    error: 'לא ניתן לטעון את החדשות.',
    headlines: 'כותרות אחרונות',
    readingTime: (duration) => `זמן קריאה: ${duration}`,
    by: 'מאת',
    tags: 'תגיות',
    updated: 'עודכן:',
    source: 'מקור:',
  },
};

/** Overrides registered for the whole page, per language. */
const registered = new Map<string, UiStringsOverride>();

/** The languages with their own UI strings (built in or registered). */
export function uiLanguages(): string[] {
  return [...new Set([...Object.keys(STRINGS), ...registered.keys()])];
}

/**
 * Adds or overrides UI strings for a language on the whole page, e.g. Kurdish
 * (`registerStrings('ckb', {...})`) or a site's own wording (`registerStrings('ar',
 * {breaking: 'عاجل الآن'})`). A region-specific tag (`ar-MA`) wins over its language.
 */
export function registerStrings(lang: string, strings: UiStringsOverride): void {
  const tag = canonicalLang(lang);
  if (!tag) return;
  registered.set(tag, { ...registered.get(tag), ...strings });
}

function applyOverride(base: UiStrings, override: UiStringsOverride | null | undefined): UiStrings {
  if (!override || typeof override !== 'object') return base;
  const result: UiStrings = { ...base };
  for (const [key, value] of Object.entries(override) as [keyof UiStrings, unknown][]) {
    if (!(key in base)) continue;
    if (key === 'readingTime') {
      if (typeof value === 'function') result.readingTime = (duration) => String(value(duration));
      else if (typeof value === 'string') {
        result.readingTime = value.includes('{duration}')
          ? (duration) => value.split('{duration}').join(duration)
          : (duration) => `${value} ${duration}`;
      }
    } else if (typeof value === 'string') {
      result[key] = value;
    }
  }
  return result;
}

/**
 * UI strings for a language: its own table (built in: ar, en, fr, fa, ur, he),
 * else the fallback language's (Arabic for Arabic-script languages, Hebrew for
 * Hebrew-script ones, else English), then page-wide `registerStrings` overrides
 * (language, then language-region), then the element's own `overrides`.
 */
export function uiStrings(lang: string, overrides?: UiStringsOverride | null): UiStrings {
  const locale = toLocale(lang) ?? new Intl.Locale(DEFAULT_LANG);
  const language = locale.language;
  let strings = STRINGS[language] ?? STRINGS[fallbackLanguage(locale)] ?? STRINGS.en;
  strings = applyOverride(strings, registered.get(language));
  if (locale.baseName !== language) strings = applyOverride(strings, registered.get(locale.baseName));
  return applyOverride(strings, overrides);
}
