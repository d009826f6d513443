// The knowledge base in a real browser on a real server. A technician writes an article whose
// Markdown carries a <script>, an <img onerror>, javascript: links, raw HTML and an <iframe>:
// neither the live preview nor the saved article runs or contains any of it (no script ran, no
// such element, no javascript: href, links open with rel="noopener noreferrer"), while the
// Markdown itself is formatted. The server's refusal shows next to its field with nothing saved;
// search finds the article by a word of its body; editing changes its title. A viewer reads but
// gets no Write, Edit or Delete; an admin deletes it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const TITLE = 'Printer queue stuck';
const NASTY = [
  `# ${TITLE}`,
  '',
  'Restart the **spooler** service with `net stop spooler`. Seen on the quokka printers in the annex.',
  '',
  "<script>window.__pwned = 'script'</script>",
  '',
  `<img src=x onerror="window.__pwned = 'img'">`,
  '',
  "[click me](javascript:window.__pwned='link') and [again](JaVaScRiPt:window.__pwned='link2')",
  '',
  `<a href="javascript:window.__pwned='raw-a'">raw link</a>`,
  '',
  `Raw <b>html</b> and <iframe src="javascript:window.__pwned='iframe'"></iframe>`,
  '',
  "![pic](javascript:window.__pwned='img-src')",
  '',
  '- See [the vendor page](https://example.com/spooler)',
  '- or https://example.org/docs',
  '',
  // The CSP loads no image from elsewhere: this one becomes a link to it.
  '![printer diagram](https://example.com/diagram.png)',
  '',
  // markdown-it aligns columns with style attributes, which the CSP would refuse (a console error).
  '| Model | Fix |',
  '|:------|----:|',
  '| LJ 400 | restart |',
  '',
].join('\n');

/** What a rendered article holds: anything that could run, and every link. */
interface Inspection {
  pwned: unknown;
  dangerous: number;
  handlers: string[];
  styled: number;
  images: number;
  cells: number;
  aligned: string[];
  classed: number;
  bold: number;
  links: { href: string | null; rel: string | null; target: string | null; text: string }[];
  text: string;
}

/** Looks inside the element with this id, in the page (tests have no DOM types, so as a string). */
function inspect(page: Page, id: string): Promise<Inspection> {
  return page.evaluate<Inspection>(`(() => {
    const box = document.getElementById(${JSON.stringify(id)});
    const all = [...box.querySelectorAll('*')];
    return {
      pwned: window.__pwned,
      dangerous: box.querySelectorAll('script, iframe, object, embed, img[onerror], style, form').length,
      styled: box.querySelectorAll('[style]').length,
      images: box.querySelectorAll('img').length,
      cells: box.querySelectorAll('table td').length,
      aligned: [...box.querySelectorAll('th, td')].map((cell) => cell.className),
      classed: box.querySelectorAll('[class]:not(th, td)').length,
      handlers: all.flatMap((el) => [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))),
      bold: box.querySelectorAll('b').length,
      links: [...box.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target'), text: a.textContent,
      })),
      text: box.textContent,
    };
  })()`);
}

function expectHarmless(seen: Inspection): void {
  expect(seen.pwned).toBeUndefined();
  expect(seen.dangerous).toBe(0);
  expect(seen.handlers).toEqual([]);
  expect(seen.bold).toBe(0);
  expect(seen.styled).toBe(0);
  expect(seen.images).toBe(0);
  expect(seen.cells).toBe(2);
  expect(seen.aligned).toEqual(['align-left', 'align-right', 'align-left', 'align-right']);
  expect(seen.classed).toBe(0);
  // Raw HTML is shown as the text that was typed.
  expect(seen.text).toContain('Raw <b>html</b> and <iframe');
  expect(seen.text).toContain('<script>');
  expect(seen.links.map((link) => [link.href, link.text])).toEqual([
    ['https://example.com/spooler', 'the vendor page'],
    ['https://example.org/docs', 'https://example.org/docs'],
    ['https://example.com/diagram.png', 'printer diagram'],
  ]);
  for (const link of seen.links) {
    expect(link.href).not.toMatch(/^\s*javascript:/i);
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.target).toBe('_blank');
  }
}

describe('knowledge base pages', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let articleId = 0;
  const search = (q?: string) => server.client().call(API.knowledge.search, { query: q ? { q } : {} });

  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('tom', 'technician');
    await server.addUser('vera', 'viewer');
    browser = await launchBrowser();
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'tom', 'tom-password-123');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('a KB article written with <script>, <img onerror>, javascript: links and raw HTML shows none of it live', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
    await page.getByText('No articles yet').waitFor();
    await page.getByRole('button', { name: 'Write article' }).click();
    await page.getByRole('heading', { name: 'Write article', level: 1 }).waitFor();

    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Category').fill('Printers!');
    await page.getByLabel('Text (Markdown)').fill(NASTY);
    // The preview formats the Markdown as it is typed, and holds nothing that runs.
    await page.locator('#kb-preview-body h2', { hasText: TITLE }).waitFor();
    expect(await page.locator('#kb-preview-body strong').textContent()).toBe('spooler');
    expectHarmless(await inspect(page, 'kb-preview-body'));

    // The server refuses the category; its words show by the field and nothing is saved.
    await page.getByRole('button', { name: 'Save article' }).click();
    await expect.poll(() => page.locator('#kb-category-error').textContent()).toMatch(/category/);
    expect(await search()).toEqual([]);

    await page.getByLabel('Category').fill('printer');
    // The page scrolls in <main>; the picture shows its top.
    await page
      .locator('#content')
      .evaluate((main: { scrollTo: (x: number, y: number) => void }) => main.scrollTo(0, 0));
    await screenshot(page, 'kb-edit');
    await page.getByRole('button', { name: 'Save article' }).click();
    await page.waitForURL(/\/kb\/\d+$/);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    articleId = Number(/^\/kb\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    expect(articleId).toBeGreaterThan(0);
    await page.locator('#kb-article-body h2', { hasText: TITLE }).waitFor();
    expectHarmless(await inspect(page, 'kb-article-body'));
    await screenshot(page, 'kb-article');

    // Stored verbatim: the safety is in the rendering, not in changing what was written.
    const saved = await server.client().call(API.knowledge.show, { params: { id: articleId } });
    expect(saved).toMatchObject({ title: TITLE, category: 'printer', body: NASTY, createdBy: 'tom' });
    expect(tab.errors).toEqual([]);
    expect(tab.dialogs).toEqual([]);
  });

  it('finds the article by a word of its body and edits its title', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Knowledge base' }).first().click();
    await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
    const hits = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await page.getByText('Recently updated').isVisible()).toBe(true);

    await page.getByLabel('Search articles').fill('nothing-like-this');
    await page.getByText('No articles match “nothing-like-this”').waitFor();
    await page.getByLabel('Search articles').fill('quokka');
    await page.getByText('1 match', { exact: true }).waitFor();
    const hit = hits.first();
    expect(await hit.getByRole('link').textContent()).toBe(TITLE);
    expect(await hit.textContent()).toContain('printer');
    // The snippet is plain text: the typed markup shows as characters, never as elements.
    expect(await hit.locator('.kb-snippet').textContent()).toContain('quokka');
    expect(await hit.locator('.kb-snippet script, .kb-snippet img, .kb-snippet b').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?q=quokka');
    await screenshot(page, 'kb-search');

    await hit.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    // A technician edits but does not delete.
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit article', level: 1 }).waitFor();
    expect(await page.getByLabel('Text (Markdown)').inputValue()).toBe(NASTY);
    await page.locator('#kb-preview-body h2', { hasText: TITLE }).waitFor();
    expectHarmless(await inspect(page, 'kb-preview-body'));
    await page.getByLabel('Title').fill('Print spooler stuck on the annex printers');
    await page.getByRole('button', { name: 'Save article' }).click();
    await page.getByRole('heading', { name: 'Print spooler stuck on the annex printers', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/kb/${articleId}`);
    const saved = await server.client().call(API.knowledge.show, { params: { id: articleId } });
    expect(saved).toMatchObject({ title: 'Print spooler stuck on the annex printers', body: NASTY, updatedBy: 'tom' });
    expect(tab.errors).toEqual([]);
  });

  it('lets a viewer read the article with no Write, Edit or Delete', async () => {
    const viewer = await openTab(browser, server.url);
    try {
      const { page } = viewer;
      await signInAs(page, 'vera', 'vera-password-123');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge base' }).click();
      await page.getByRole('link', { name: 'Print spooler stuck on the annex printers' }).click();
      await page.locator('#kb-article-body h2', { hasText: TITLE }).waitFor();
      expectHarmless(await inspect(page, 'kb-article-body'));
      for (const name of ['Edit', 'Delete']) expect(await page.getByRole('button', { name }).count()).toBe(0);
      await page.goto('/kb');
      await page.getByRole('heading', { name: 'Knowledge base', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Articles' }).waitFor();
      expect(await page.getByRole('button', { name: 'Write article' }).count()).toBe(0);
      await page.goto('/kb/new');
      await page.getByText('Writing articles is for technicians and administrators.').waitFor();
      expect(await page.getByLabel('Text (Markdown)').count()).toBe(0);
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.context.close();
    }
  });

  it('lets an admin delete the article after a question', async () => {
    const admin = await openTab(browser, server.url);
    try {
      const { page } = admin;
      await signInAs(page, 'admin', ADMIN_PASSWORD);
      await page.goto(`/kb/${articleId}`);
      await page.getByRole('heading', { name: 'Print spooler stuck on the annex printers', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete article' });
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await page.getByText('No articles yet').waitFor();
      expect(new URL(page.url()).pathname).toBe('/kb');
      expect(await search()).toEqual([]);
      await page.goto(`/kb/${articleId}`);
      await page.getByRole('heading', { name: 'Article not found', level: 1 }).waitFor();
      expect(admin.errors).toEqual([]);
      expect(admin.dialogs).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });
});
