// The console's one Markdown renderer (knowledge-base articles and their preview). Two locks, so
// either alone would hold: markdown-it with raw HTML off (a typed <script> or <img onerror> comes
// out as text) and its default link check (no javascript:, vbscript:, file: or non-image data:
// URLs), then DOMPurify over its output with a short list of the tags markdown-it makes and no
// style attributes (the CSP refuses inline style anyway). The result is a DOM fragment, not a
// string: the page puts nodes into the document, so no HTML string ever reaches innerHTML (the
// CSP's Trusted Types would refuse one) and nothing parses the output a second time.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// An article's own headings sit under the page's <h1> (the article's title): "# Steps" becomes
// an <h2>, so the page keeps one h1 and a screen reader's outline stays in order.
markdown.core.ruler.push('demote_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    }
  }
});

// A table column's alignment comes as style="text-align:…", which the CSP refuses (and reports,
// even while DOMPurify only parses it); a class of ours says the same.
const ALIGNED = /^text-align:(left|center|right)$/;
markdown.core.ruler.push('align_by_class', (state) => {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const align = ALIGNED.exec(String(token.attrGet('style') ?? ''));
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    if (align) token.attrSet('class', `align-${align[1]}`);
  }
});

/** What markdown-it writes, and nothing else: no forms, frames, media, SVG or MathML. */
const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
/** `class` only for a table cell's alignment (the hook below drops any other). */
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'start', 'class'];
const CELL_CLASS = /^align-(left|center|right)$/;

// A purifier of our own, so its hooks change nothing for any other user of DOMPurify.
const purifier = DOMPurify(window);

purifier.addHook('afterSanitizeAttributes', (node) => {
  const cell = node instanceof HTMLTableCellElement;
  if (node instanceof Element && node.hasAttribute('class') && !(cell && CELL_CLASS.test(node.className))) {
    node.removeAttribute('class');
  }
  if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
    // A link leaves the console in a new tab that cannot reach back to it (opener) nor learn
    // where the reader came from (referrer).
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node instanceof HTMLImageElement) replaceForeignImage(node);
});

/**
 * The CSP loads images from the console's own origin only (and data: URLs), so an image from
 * elsewhere would be a broken icon and a console error; it becomes a link to it instead, which
 * also keeps the reader's browser from calling a stranger's server on its own.
 */
function replaceForeignImage(image: HTMLImageElement): void {
  const source = image.getAttribute('src') ?? '';
  let url: URL;
  try {
    url = new URL(source, location.href);
  } catch {
    image.remove();
    return;
  }
  if (url.protocol === 'data:' || url.origin === location.origin) return;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    image.remove();
    return;
  }
  const link = image.ownerDocument.createElement('a');
  link.setAttribute('href', url.href);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  link.textContent = image.getAttribute('alt') || url.href;
  image.replaceWith(link);
}

/** Markdown source as sanitised nodes, ready to put into the page. */
export function renderMarkdown(source: string): DocumentFragment {
  return purifier.sanitize(markdown.render(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
