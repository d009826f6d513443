// The notification API as a feature with its own scope: subscriptions and the delivery queue,
// served on the service the shared notifications part (plugins/notifications.ts) built for tickets.
import { featurePlugin } from '../../plugins/assembly.js';
import { notificationRoutes } from './routes.js';
import type { NotificationService } from './service.js';

export const notificationRoutesPlugin = featurePlugin(
  'notification-routes',
  (app, parts: { notifications: NotificationService }) => {
    notificationRoutes(app, { notifications: parts.notifications });
    return {};
  },
);
