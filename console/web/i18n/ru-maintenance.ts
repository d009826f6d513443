// Maintenance mode in Russian: the same keys as en-maintenance.ts.
import type { Message } from './catalog.js';
import type { enMaintenance } from './en-maintenance.js';

export const ruMaintenance: Record<keyof typeof enMaintenance, Message> = {
  'maintenance.label': 'Обслуживание',
  'maintenance.untilShort': 'до {time}',
  'maintenance.until': 'Обслуживание до {time}',
  'maintenance.badgeTitle': 'На обслуживании до {when}: сбои записываются, но заявок не открывают.',
  'maintenance.badgeTitleReason': 'На обслуживании до {when} ({reason}): сбои записываются, но заявок не открывают.',
  'maintenance.start': 'Начать обслуживание',
  'maintenance.end': 'Завершить обслуживание',
  'maintenance.startTitle': 'Перевести {name} в режим обслуживания',
  'maintenance.startBody':
    'Пока устройство на обслуживании, его сбои записываются, но не открывают заявок и никого не оповещают.',
  'maintenance.forField': 'На какой срок',
  'maintenance.forHint': 'Например, 30m, 2h или 1d; не больше 30 дней.',
  'maintenance.reasonField': 'Причина (необязательно)',
  'maintenance.badDuration': 'Укажите срок вида 30m, 2h или 1d — от 1 минуты до 30 дней.',
  'maintenance.starting': 'Запуск…',
  'maintenance.endTitle': 'Завершить обслуживание {name}?',
  'maintenance.endDeviceBody': 'С этого момента сбои на устройстве снова открывают заявки.',
  'maintenance.endGroupBody':
    'Устройство на обслуживании вместе с группой {group}: обслуживание завершится для всех устройств группы, и их сбои снова будут открывать заявки.',
};
