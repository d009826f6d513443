// Typed events between the parts of the server: a part says what happened, and the parts built
// after it that care listen. This is how a lower part reaches a higher one without knowing it
// (the hub tells features about agents; jobs tell remediation a job finished). Listeners run at
// once, in the order they were added, inside the emitter's call: what one throws reaches it.

/** Event name → the arguments its listeners get. */
export type EventMap = Record<string, unknown[]>;

export type Listener<Args extends unknown[]> = (...args: Args) => void;

/**
 * The side of an event source that others see: they can listen, not emit. Function properties, not
 * methods: a part hands `events.on` on by itself, detached from the source, and it needs no `this`.
 */
export interface Listen<E extends EventMap> {
  on: <K extends keyof E>(event: K, listener: Listener<E[K]>) => void;
}

export interface Events<E extends EventMap> extends Listen<E> {
  emit: <K extends keyof E>(event: K, ...args: E[K]) => void;
}

export function createEvents<E extends EventMap>(): Events<E> {
  const listeners: { [K in keyof E]?: Array<Listener<E[K]>> } = {};
  return {
    on(event, listener) {
      const list = listeners[event] ?? [];
      list.push(listener);
      listeners[event] = list;
    },
    emit(event, ...args) {
      for (const listener of listeners[event] ?? []) listener(...args);
    },
  };
}
