// English: the reference catalog; every other language has exactly these keys.
import type { Message } from './catalog.js';
import { enAdmin } from './en-admin.js';
import { enChecks } from './en-checks.js';
import { enDevice } from './en-device.js';
import { enTicketWords } from './en-ticket-words.js';
import { enFleet } from './en-fleet.js';
import { enKb } from './en-kb.js';
import { enMaintenance } from './en-maintenance.js';
import { enReports } from './en-reports.js';
import { enLive } from './en-live.js';
import { enSchedules } from './en-schedules.js';
import { enTickets } from './en-tickets.js';
import { enTicket } from './en-ticket.js';
import { enScripts } from './en-scripts.js';
import { enShell } from './en-shell.js';

export const en = {
  'app.name': 'Helpline',
  'app.title': '{page} · Helpline',
  'app.skipToContent': 'Skip to content',
  'app.pageLoadFailed': 'This page could not be loaded.',
  'nav.label': 'Main',
  'nav.devices': 'Devices',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.refresh': 'Refresh',
  'common.refreshing': 'Refreshing…',
  'common.never': 'never',
  'common.unknown': 'unknown',
  'common.cancel': 'Cancel',
  'common.working': 'Working…',

  'error.unreachable': 'Cannot reach the Helpline server. Check the connection and try again.',
  'error.server': 'The server answered: {message}',

  'login.pageTitle': 'Sign in',
  'login.heading': 'Sign in to Helpline',
  'login.tagline': 'Remote support for your office PCs',
  'login.user': 'User name',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.wrongPassword': 'Wrong user name or password.',
  'login.rateLimited': 'Too many failed sign-ins. Wait a few minutes, then try again.',
  'login.missing': 'Enter your user name and password.',
  'login.sessionEnded': 'Your session has ended. Please sign in again.',
  'login.signedOut': 'You have signed out.',

  'menu.label': 'User menu ({name})',
  'menu.signedInAs': 'Signed in as',
  'menu.language': 'Language',
  'menu.signOut': 'Sign out',
  'role.admin': 'Administrator',
  'role.technician': 'Technician, line {line}',
  'role.viewer': 'Viewer',

  'devices.title': 'Devices',
  'devices.search': 'Search devices',
  'devices.searchPlaceholder': 'Name, group, OS, status or version',
  'devices.count': { one: '{count} device', other: '{count} devices' },
  'devices.countFiltered': { one: '{shown} of {count} device', other: '{shown} of {count} devices' },
  'devices.loading': 'Loading devices…',
  'devices.loadFailed': 'The devices could not be loaded.',
  'devices.emptyTitle': 'No devices enrolled yet',
  'devices.emptyBody':
    'To add a PC, make an enrollment token (helpline token create) and run helpline-agent enroll --token <token> on it.',
  'devices.noMatchTitle': 'No devices match “{query}”',
  'devices.noMatchBody': 'Try another name, group, operating system or status.',
  'devices.clearSearch': 'Clear search',
  'devices.sortBy': 'Sort by {column}',

  'column.name': 'Name',
  'column.group': 'Group',
  'column.status': 'Status',
  'column.online': 'Connection',
  'column.lastSeen': 'Last seen',
  'column.os': 'Operating system',
  'column.agentVersion': 'Agent version',

  'status.active': 'Active',
  'status.pending': 'Pending approval',
  'status.denied': 'Denied',
  'status.revoked': 'Revoked',
  'online.online': 'Online',
  'online.offline': 'Offline',

  'device.back': 'All devices',
  'device.loading': 'Loading the device…',
  'device.loadFailed': 'The device could not be loaded.',
  'device.notFoundTitle': 'Device not found',
  'device.notFoundBody': 'There is no device with the id {id}. It may have been removed.',
  'device.summary': 'Summary',
  'device.id': 'Device ID',
  'device.status': 'Status',
  'device.statusReason': 'Reason',
  'device.online': 'Connection',
  'device.group': 'Group',
  'device.lastSeen': 'Last seen',
  'device.agentVersion': 'Agent version',
  'device.os': 'Operating system',
  'device.arch': 'Architecture',
  'device.enrolledAt': 'Enrolled',
  'device.fingerprint': 'Key fingerprint',

  'notFound.pageTitle': 'Page not found',
  'notFound.body': 'There is no page at {path}.',
  'notFound.home': 'Go to the devices',
  ...enLive,
  ...enFleet,
  ...enShell,
  ...enDevice,
  ...enTicketWords,
  ...enSchedules,
  ...enChecks,
  ...enTickets,
  ...enTicket,
  ...enScripts,
  ...enKb,
  ...enMaintenance,
  ...enReports,
  ...enAdmin,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
