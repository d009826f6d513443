// A device page's sections as tabs (WAI-ARIA tabs pattern): one tab stop for the list, arrow keys
// and Home/End move between tabs and show them at once. Each tab is an address of its own
// (/devices/:id/health), so a link or the back button lands on the same section.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>(props: {
  label: string;
  tabs: ReadonlyArray<TabSpec<K>>;
  current: K;
  onSelect: (key: K) => void;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const index = props.tabs.findIndex((tab) => tab.key === props.current);
  const select = (at: number) => {
    const tab = props.tabs[(at + props.tabs.length) % props.tabs.length]!;
    props.onSelect(tab.key);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${tab.key}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: -1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(to);
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => {
          const selected = tab.key === props.current;
          return (
            <button
              key={tab.key}
              id={`tab-${tab.key}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={selected}
              aria-controls={`panel-${tab.key}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => props.onSelect(tab.key)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div class="tab-panel" role="tabpanel" id={`panel-${props.current}`} aria-labelledby={`tab-${props.current}`}>
        {props.children}
      </div>
    </>
  );
}
