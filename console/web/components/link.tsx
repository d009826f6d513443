// An in-app link: a real <a href> (open in a new tab, copy the address) that changes the page
// without a reload on a plain click.
import type { ComponentChildren } from 'preact';
import { navigate, route } from '../state/router.js';

export function Link(props: {
  href: string;
  class?: string;
  /** Shown on hover: the whole text where a narrow column cuts it short. */
  title?: string;
  children: ComponentChildren;
  current?: boolean;
}) {
  const onClick = (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(props.href);
  };
  const current = props.current ?? route.value === props.href;
  return (
    <a
      href={props.href}
      class={props.class}
      title={props.title}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}
