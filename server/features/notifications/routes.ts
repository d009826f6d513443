// Notification API. Admins manage every subscription and read the delivery queue; each
// technician manages their own e-mail subscriptions and address (the `my...` routes).
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { NotificationService } from './service.js';

export function notificationRoutes(app: FastifyInstance, deps: { notifications: NotificationService }) {
  const { notifications } = deps;
  const routes = API.notifications;

  serve(app, routes.listSubscriptions, async (request) => notifications.listSubscriptions(currentUser(request), 'all'));
  serve(app, routes.createSubscription, async (request) =>
    notifications.createSubscription(currentUser(request), request.body),
  );
  serve(app, routes.updateSubscription, async (request) =>
    notifications.setSubscriptionEnabled(currentUser(request), request.params.id, request.body.enabled),
  );
  serve(app, routes.deleteSubscription, async (request) => {
    notifications.deleteSubscription(currentUser(request), request.params.id, 'any');
    return { ok: true as const };
  });
  serve(app, routes.testSubscription, async (request) =>
    notifications.testSubscription(currentUser(request), request.params.id),
  );
  serve(app, routes.deliveries, async (request) => notifications.listDeliveries(request.query));

  serve(app, routes.mySubscriptions, async (request) => notifications.listSubscriptions(currentUser(request), 'own'));
  serve(app, routes.subscribeMe, async (request) =>
    notifications.createOwnSubscription(currentUser(request), request.body),
  );
  serve(app, routes.deleteMySubscription, async (request) => {
    notifications.deleteSubscription(currentUser(request), request.params.id, 'own');
    return { ok: true as const };
  });
  serve(app, routes.myEmail, async (request) => notifications.myEmail(currentUser(request)));
  serve(app, routes.setMyEmail, async (request) => notifications.setMyEmail(currentUser(request), request.body.email));
}
