// Live updates: one EventSource per tab, open while signed in. Pages listen per event type; the
// device page says which device's health samples it wants, and the stream is reopened for it
// (the server keeps no watch state: the URL says it). EventSource reconnects by itself after a
// dropped connection; when the server refuses the stream outright (it closed for good), this
// reopens it with a growing delay. After any reconnect pages hear `resync`: events may have been
// missed meanwhile, so they re-read what they show.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { HealthSample } from '../../../protocol/messages/health.js';
import { LIVE_EVENT_TYPES, type LiveEventOf, type LiveEventType } from '../../../protocol/api/live-events.js';
import { routePath } from '../../../protocol/api/route.js';
import { API } from '../api.js';

/** `connecting` before the first open, `live` while open, `reconnecting` while it is down. */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';
export const liveStatus = signal<LiveStatus>('off');

type Handler<K extends LiveEventType> = (event: LiveEventOf<K>) => void;
const handlers = new Map<LiveEventType | 'resync', Set<(event: never) => void>>();
let source: EventSource | null = null;
let watchedDevice: string | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelayMs = 1_000;
let everOpened = false;
const MAX_RETRY_MS = 30_000;

function dispatch(type: LiveEventType | 'resync', event: unknown): void {
  for (const handler of handlers.get(type) ?? []) (handler as (event: unknown) => void)(event);
}

function connect(): void {
  const path = routePath(API.live.events, {}, watchedDevice ? { device: watchedDevice } : {});
  const opened = new EventSource(path);
  source = opened;
  liveStatus.value = everOpened ? 'reconnecting' : 'connecting';
  opened.onopen = () => {
    retryDelayMs = 1_000;
    if (everOpened) dispatch('resync', undefined);
    everOpened = true;
    liveStatus.value = 'live';
  };
  opened.onerror = () => {
    if (source !== opened) return;
    liveStatus.value = 'reconnecting';
    // CONNECTING: the browser retries by itself. CLOSED: it gave up (an HTTP error, such as too many
    // tabs or a restarting server answering 503), so try again later ourselves.
    if (opened.readyState !== EventSource.CLOSED) return;
    retryTimer = setTimeout(connect, retryDelayMs);
    retryDelayMs = Math.min(retryDelayMs * 2, MAX_RETRY_MS);
  };
  for (const type of LIVE_EVENT_TYPES) {
    opened.addEventListener(type, (message) => {
      try {
        dispatch(type, JSON.parse((message as MessageEvent<string>).data));
      } catch {
        // A frame that is not JSON is not ours to act on.
      }
    });
  }
}

function disconnect(): void {
  clearTimeout(retryTimer);
  source?.close();
  source = null;
}

/** Opens the tab's stream (after sign-in). */
export function startLive(): void {
  if (source) return;
  everOpened = false;
  connect();
}

/** Closes it (sign-out, or the app going away). */
export function stopLive(): void {
  disconnect();
  liveStatus.value = 'off';
}

/** Which device's health samples the stream carries; reopens it when that changes. */
function watch(deviceId: string | null): void {
  if (watchedDevice === deviceId) return;
  watchedDevice = deviceId;
  if (!source) return;
  disconnect();
  connect();
}

function useListener(type: LiveEventType | 'resync', handler: (event: never) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: never) => latest.current(event);
    const set = handlers.get(type) ?? new Set();
    set.add(listener);
    handlers.set(type, set);
    return () => void set.delete(listener);
  }, [type]);
}

/** Listens to one event type while the component is mounted (the handler may change each render). */
export function useLiveEvent<K extends LiveEventType>(type: K, handler: Handler<K>): void {
  useListener(type, handler);
}

/** Told after the stream came back from being down: events may have been missed, re-read. */
export function useResync(handler: () => void): void {
  useListener('resync', handler);
}

/** The device page's samples: new ones for this device as they are stored (a chart appends them). */
export function useLiveHealth(deviceId: string, onSample: (sample: HealthSample) => void): void {
  useEffect(() => {
    watch(deviceId);
    return () => watch(null);
  }, [deviceId]);
  useLiveEvent('health.sample', (event) => {
    if (event.deviceId === deviceId) onSample(event.sample);
  });
}

/** Re-reads a device's page when its record or its online state changes, or after a reconnect. */
export function useDeviceChanges(deviceId: string, reload: () => void): void {
  useLiveEvent('device.changed', (event) => event.deviceId === deviceId && reload());
  useLiveEvent('device.online', (event) => event.deviceId === deviceId && reload());
  useResync(reload);
}
