// Notification API. Admins manage every subscription (/api/notifications/...); each technician
// manages their own e-mail subscriptions and address (/api/me/...).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Ok } from '../../../protocol/api/common.js';
import {
  CreateOwnSubscriptionRequest,
  CreateSubscriptionRequest,
  DeliveryQuery,
  DeliveryView,
  MyEmail,
  SubscriptionIdParams,
  SubscriptionView,
  UpdateSubscriptionRequest,
} from '../../../protocol/api/notifications.js';
import { ADMIN, ANY_ROLE, STAFF, currentUser } from '../../plugins/access.js';
import type { NotificationService } from './service.js';

type WithId = { Params: { id: number } };

export function notificationRoutes(app: FastifyInstance, deps: { notifications: NotificationService }) {
  const { notifications } = deps;

  app.get(
    '/api/notifications/subscriptions',
    { config: { access: ADMIN }, schema: { summary: 'List every notification subscription', response: { 200: Type.Array(SubscriptionView) } } },
    async (request) => notifications.listSubscriptions(currentUser(request), 'all'),
  );

  app.post<{ Body: CreateSubscriptionRequest }>(
    '/api/notifications/subscriptions',
    {
      config: { access: ADMIN },
      schema: { summary: "Subscribe a user, a team address or a webhook to ticket events", body: CreateSubscriptionRequest, response: { 201: SubscriptionView } },
    },
    async (request, reply) => reply.code(201).send(notifications.createSubscription(currentUser(request), request.body)),
  );

  app.patch<WithId & { Body: UpdateSubscriptionRequest }>(
    '/api/notifications/subscriptions/:id',
    { config: { access: ADMIN }, schema: { summary: 'Pause or resume a subscription', params: SubscriptionIdParams, body: UpdateSubscriptionRequest, response: { 200: SubscriptionView } } },
    async (request) => notifications.setSubscriptionEnabled(currentUser(request), request.params.id, request.body.enabled),
  );

  app.delete<WithId>(
    '/api/notifications/subscriptions/:id',
    { config: { access: ADMIN }, schema: { summary: 'Delete any subscription; its queued deliveries are dropped', params: SubscriptionIdParams, response: { 200: Ok } } },
    async (request) => {
      notifications.deleteSubscription(currentUser(request), request.params.id, 'any');
      return { ok: true as const };
    },
  );

  app.get<{ Querystring: DeliveryQuery }>(
    '/api/notifications/deliveries',
    { config: { access: ADMIN }, schema: { summary: 'Recent notification deliveries, newest first', querystring: DeliveryQuery, response: { 200: Type.Array(DeliveryView) } } },
    async (request) => notifications.listDeliveries(request.query),
  );

  app.get(
    '/api/me/subscriptions',
    { config: { access: STAFF }, schema: { summary: 'Your own notification subscriptions', response: { 200: Type.Array(SubscriptionView) } } },
    async (request) => notifications.listSubscriptions(currentUser(request), 'own'),
  );

  app.post<{ Body: CreateOwnSubscriptionRequest }>(
    '/api/me/subscriptions',
    { config: { access: STAFF }, schema: { summary: 'Subscribe yourself by e-mail to ticket events', body: CreateOwnSubscriptionRequest, response: { 201: SubscriptionView } } },
    async (request, reply) => reply.code(201).send(notifications.createOwnSubscription(currentUser(request), request.body)),
  );

  app.delete<WithId>(
    '/api/me/subscriptions/:id',
    { config: { access: STAFF }, schema: { summary: 'Delete one of your own subscriptions', params: SubscriptionIdParams, response: { 200: Ok } } },
    async (request) => {
      notifications.deleteSubscription(currentUser(request), request.params.id, 'own');
      return { ok: true as const };
    },
  );

  app.get('/api/me/email', { config: { access: ANY_ROLE }, schema: { summary: 'Your e-mail address for notifications', response: { 200: MyEmail } } }, async (request) =>
    notifications.myEmail(currentUser(request)),
  );

  app.put<{ Body: MyEmail }>(
    '/api/me/email',
    { config: { access: ANY_ROLE }, schema: { summary: 'Set (or clear, with null) your e-mail address for notifications', body: MyEmail, response: { 200: MyEmail } } },
    async (request) => notifications.setMyEmail(currentUser(request), request.body.email),
  );
}
