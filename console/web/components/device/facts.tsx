// A list of labelled facts (a <dl>), the device page's way of showing one thing's fields.
import type { ComponentChildren } from 'preact';

export function Facts(props: { children: ComponentChildren }) {
  return <dl class="facts">{props.children}</dl>;
}

/** One fact; an empty value shows a dash rather than nothing. */
export function Fact(props: { label: string; children: ComponentChildren }) {
  const empty = props.children === '' || props.children === null || props.children === undefined;
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{empty ? <span class="muted">—</span> : props.children}</dd>
    </div>
  );
}

/** A panel with a heading, for one part of a tab. */
export function Panel(props: { id: string; title: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <section class={`panel${props.wide ? ' panel-wide' : ''}`} aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
