// A knowledge-base article's Markdown shown as formatted text: the sanitised nodes of the one
// renderer (state/markdown.ts) put into an element Preact leaves alone otherwise. The console's
// only place where rendered markup enters the page.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { renderMarkdown } from '../../state/markdown.js';

export function MarkdownView(props: { source: string; label?: string; id?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Before paint, so the reader never sees the previous text under a new title.
  useLayoutEffect(() => {
    box.current?.replaceChildren(renderMarkdown(props.source));
  }, [props.source]);
  return <div ref={box} id={props.id} class="markdown" aria-label={props.label} />;
}
