// The one way text reaches the page: t(key, params) from the catalog of the chosen language.
// The language comes from the browser's preferences until the user picks one in the user menu;
// the pick is remembered in this browser. Components that call t() re-render when it changes.
// English is part of the first page; another language's catalog is fetched when it is chosen
// (or was chosen before), so a page never carries both.
import { effect, signal } from '@preact/signals';
import type { Message, MessageParams } from './catalog.js';
import { en, type MessageKey } from './en.js';

export type { MessageKey };

export const LOCALES = { en: 'English', ru: 'Русский' } as const;
export type Locale = keyof typeof LOCALES;

type Catalog = Record<MessageKey, Message>;
const catalogs: Partial<Record<Locale, Catalog>> = { en };
const LOADERS: Record<Locale, () => Promise<Catalog>> = {
  en: () => Promise.resolve(en),
  ru: () => import('./ru.js').then((module) => module.ru),
};
const STORAGE_KEY = 'helpline.locale';

export const isLocale = (value: string | null): value is Locale => value !== null && Object.hasOwn(LOCALES, value);

/** The remembered choice, else the first browser language we have, else English. */
function initialLocale(): Locale {
  const saved = readSaved();
  if (isLocale(saved)) return saved;
  for (const language of navigator.languages ?? [navigator.language]) {
    const base = language.toLowerCase().split('-')[0] ?? '';
    if (isLocale(base)) return base;
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The language the reader would like; `locale` follows it once its catalog is here. */
const wanted = initialLocale();
export const locale = signal<Locale>(catalogs[wanted] ? wanted : 'en');

/** Fetches a language's catalog (once) and switches to it; the page stays in the old one until then. */
async function switchCatalog(next: Locale): Promise<void> {
  catalogs[next] ??= await LOADERS[next]();
  locale.value = next;
}

/** Before the first render: the remembered or browser language, if it is not English. */
export function loadInitialLocale(): Promise<void> {
  return switchCatalog(wanted).catch(() => undefined);
}

effect(() => {
  document.documentElement.lang = locale.value;
});

export async function setLocale(next: Locale): Promise<void> {
  await switchCatalog(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
/** One formatter per language, made the first time that language needs it (they are costly to make). */
export const cached = <T>(map: Map<Locale, T>, key: Locale, make: () => T): T => {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
};

export function formatNumber(value: number): string {
  const current = locale.value;
  return cached(numberFormats, current, () => new Intl.NumberFormat(current)).format(value);
}

/** The message in the current language, with {placeholders} filled and the plural form chosen by {count}. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  const current = locale.value;
  const catalog: Catalog = catalogs[current] ?? en;
  const message = catalog[key];
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count ?? 0);
    const category = cached(pluralRules, current, () => new Intl.PluralRules(current)).select(count);
    text = message[category] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
