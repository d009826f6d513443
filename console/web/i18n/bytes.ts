// Sizes in the reader's language ("16 GB", "16 ГБ", "1.5 GB", "1,5 ГБ"), in powers of 1024 as the
// agent reports them and as the CLI prints them (protocol/api/inventory.ts formatBytes).
import { cached, formatNumber, locale, t, type Locale } from './index.js';

// Intl has no short form for a plain byte in every language ("512 byte"): those go through the catalog.
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;
const formats = new Map<Locale, Map<string, Intl.NumberFormat>>();

function formatIn(current: Locale, unit: (typeof UNITS)[number], digits: number): Intl.NumberFormat {
  const perUnit = cached(formats, current, () => new Map<string, Intl.NumberFormat>());
  const key = `${unit}/${digits}`;
  let format = perUnit.get(key);
  if (!format) {
    format = new Intl.NumberFormat(current, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    });
    perUnit.set(key, format);
  }
  return format;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('inv.bytes', { count: bytes, value: formatNumber(bytes) });
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 100 ("1.5 GB"), none above ("512 GB"), as the CLI does.
  const digits = Number.isInteger(value) || value >= 100 ? 0 : 1;
  return formatIn(locale.value, UNITS[unit]!, digits).format(digits === 0 ? Math.round(value) : value);
}
