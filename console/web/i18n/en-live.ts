// Live updates: the header's indicator.
import type { Message } from './catalog.js';

export const enLive = {
  'live.on': 'Live',
  'live.connecting': 'Connecting…',
  'live.down': 'Reconnecting…',
  'live.hint': 'Pages update by themselves while this says Live',
} as const satisfies Record<string, Message>;
