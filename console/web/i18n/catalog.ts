// The shape of a message catalog. A message is text with {placeholders}, or one text per plural
// category (Intl.PluralRules: English has one/other, Russian one/few/many/other) chosen by {count}.
export type Plural = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;
export type Message = string | Plural;

/** Values for a message's placeholders; numbers are written in the reader's locale. */
export type MessageParams = Record<string, string | number>;
