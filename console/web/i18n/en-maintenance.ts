// Maintenance mode: the badge on the fleet table and the device page, and the device page's
// start and end dialogs.
import type { Message } from './catalog.js';

export const enMaintenance = {
  'maintenance.label': 'Maintenance',
  'maintenance.untilShort': 'until {time}',
  'maintenance.until': 'Maintenance until {time}',
  'maintenance.badgeTitle': 'In maintenance until {when}: faults are recorded but open no tickets.',
  'maintenance.badgeTitleReason': 'In maintenance until {when} ({reason}): faults are recorded but open no tickets.',
  'maintenance.start': 'Start maintenance',
  'maintenance.end': 'End maintenance',
  'maintenance.startTitle': 'Put {name} in maintenance',
  'maintenance.startBody':
    'While the device is in maintenance, its faults are recorded but open no tickets and notify nobody.',
  'maintenance.forField': 'For how long',
  'maintenance.forHint': 'Like 30m, 2h or 1d; at most 30 days.',
  'maintenance.reasonField': 'Reason (optional)',
  'maintenance.badDuration': 'Give a duration like 30m, 2h or 1d, from 1 minute to 30 days.',
  'maintenance.starting': 'Starting…',
  'maintenance.endTitle': 'End the maintenance of {name}?',
  'maintenance.endDeviceBody': 'Faults on this device open tickets again from now on.',
  'maintenance.endGroupBody':
    'The device is in maintenance with its group {group}: this ends it for every device of the group, whose faults open tickets again from now on.',
} as const satisfies Record<string, Message>;
