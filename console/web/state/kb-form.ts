// The article form's state and the server's answers about it. The server checks everything (the
// schema, an all-space title, the body's size in bytes); the browser only trims the title and
// puts each of the server's messages next to the field it is about.
import type { KbArticleRequest, KbArticleView } from '../../../protocol/api/knowledge.js';

export interface KbForm {
  title: string;
  category: string;
  body: string;
}

export type KbFormErrors = Partial<Record<keyof KbForm | 'form', string>>;

export function kbFormOf(article: KbArticleView | null): KbForm {
  return article
    ? { title: article.title, category: article.category, body: article.body }
    : { title: '', category: '', body: '' };
}

export function kbRequestOf(form: KbForm): KbArticleRequest {
  return { title: form.title.trim(), category: form.category.trim(), body: form.body };
}

/**
 * Which field one of the server's messages is about. Schema messages name the JSON path
 * ("body/title must NOT have fewer than 1 characters"); the service's own start with the field
 * ("title is empty; …", "body is 120.4 KB; …"). Only a message that is "body …" and not a path
 * into the request body is about the article's text.
 */
export function fieldOfKbMessage(message: string): keyof KbForm | null {
  const path = /^body\/(title|category|body)\b/.exec(message);
  if (path) return path[1] as keyof KbForm;
  const own = /^(title|category|body)\b(?!\/)/.exec(message);
  return own ? (own[1] as keyof KbForm) : null;
}

/** A refusal spread over the fields: several schema problems come joined with "; ". */
export function kbErrorsOf(message: string): KbFormErrors {
  const errors: KbFormErrors = {};
  for (const part of message.split('; ')) {
    const field = fieldOfKbMessage(part) ?? 'form';
    errors[field] = errors[field] ? `${errors[field]}; ${part}` : part;
  }
  return errors;
}
