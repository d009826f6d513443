// Check kinds and setting names in the reader's language. A setting the catalog does not know yet
// (added to the protocol's schema later) shows under its schema name rather than not at all.
import type { CheckKind } from '../../../../protocol/messages/checks.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { en } from '../../i18n/en.js';

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

export const checkKindLabel = (kind: CheckKind): string => {
  const key = `checks.kind.${kind}`;
  return isKey(key) ? t(key) : kind;
};

export const checkFieldLabel = (name: string): string => {
  const key = `checks.field.${name}`;
  return isKey(key) ? t(key) : name;
};
