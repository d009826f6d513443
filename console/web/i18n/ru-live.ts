// Live updates in Russian: the same keys as en-live.ts.
import type { Message } from './catalog.js';
import type { enLive } from './en-live.js';

export const ruLive: Record<keyof typeof enLive, Message> = {
  'live.on': 'Вживую',
  'live.connecting': 'Подключение…',
  'live.down': 'Переподключение…',
  'live.hint': 'Пока здесь написано «Вживую», страницы обновляются сами',
};
