// Notifications: admins manage every subscription and see the delivery queue
// (/api/notifications/...); staff manage their own e-mail subscriptions and address (/api/me/...).
import { Type } from 'typebox';
import { ADMIN, ANY_ROLE, STAFF } from '../access.js';
import { Ok } from '../common.js';
import {
  CreateOwnSubscriptionRequest,
  CreateSubscriptionRequest,
  DeliveryQuery,
  DeliveryView,
  MyEmail,
  SubscriptionIdParams,
  SubscriptionView,
  TestDeliveryResult,
  UpdateSubscriptionRequest,
} from '../notifications.js';
import { route } from '../route.js';

export const notificationRoutes = {
  listSubscriptions: route({
    method: 'GET',
    path: '/api/notifications/subscriptions',
    summary: 'List every notification subscription',
    access: ADMIN,
    response: Type.Array(SubscriptionView),
    errors: [],
  }),
  createSubscription: route({
    method: 'POST',
    path: '/api/notifications/subscriptions',
    summary: 'Subscribe a user, a team address or a webhook to ticket events',
    access: ADMIN,
    body: CreateSubscriptionRequest,
    response: SubscriptionView,
    status: 201,
    // conflict: the user has the most subscriptions allowed; invalid_state: no address to send to.
    errors: ['not_found', 'conflict', 'invalid_state'],
  }),
  updateSubscription: route({
    method: 'PATCH',
    path: '/api/notifications/subscriptions/:id',
    summary: 'Pause or resume a subscription',
    access: ADMIN,
    params: SubscriptionIdParams,
    body: UpdateSubscriptionRequest,
    response: SubscriptionView,
    errors: ['not_found'],
  }),
  deleteSubscription: route({
    method: 'DELETE',
    path: '/api/notifications/subscriptions/:id',
    summary: 'Delete any subscription; its queued deliveries are dropped',
    access: ADMIN,
    params: SubscriptionIdParams,
    response: Ok,
    errors: ['not_found'],
  }),
  testSubscription: route({
    method: 'POST',
    path: '/api/notifications/subscriptions/:id/test',
    summary: "Send a test message through a subscription's channel now (audited); answers with the result",
    access: ADMIN,
    params: SubscriptionIdParams,
    response: TestDeliveryResult,
    errors: ['not_found'],
  }),
  deliveries: route({
    method: 'GET',
    path: '/api/notifications/deliveries',
    summary: 'Recent notification deliveries, newest first',
    access: ADMIN,
    query: DeliveryQuery,
    response: Type.Array(DeliveryView),
    errors: [],
  }),
  mySubscriptions: route({
    method: 'GET',
    path: '/api/me/subscriptions',
    summary: 'Your own notification subscriptions',
    access: STAFF,
    response: Type.Array(SubscriptionView),
    errors: [],
  }),
  subscribeMe: route({
    method: 'POST',
    path: '/api/me/subscriptions',
    summary: 'Subscribe yourself by e-mail to ticket events',
    access: STAFF,
    body: CreateOwnSubscriptionRequest,
    response: SubscriptionView,
    status: 201,
    // conflict: you have the most subscriptions allowed; invalid_state: you have no e-mail address yet.
    errors: ['conflict', 'invalid_state'],
  }),
  deleteMySubscription: route({
    method: 'DELETE',
    path: '/api/me/subscriptions/:id',
    summary: 'Delete one of your own subscriptions',
    access: STAFF,
    params: SubscriptionIdParams,
    response: Ok,
    errors: ['not_found'],
  }),
  myEmail: route({
    method: 'GET',
    path: '/api/me/email',
    summary: 'Your e-mail address for notifications',
    access: ANY_ROLE,
    response: MyEmail,
    errors: [],
  }),
  setMyEmail: route({
    method: 'PUT',
    path: '/api/me/email',
    summary: 'Set (or clear, with null) your e-mail address for notifications',
    access: ANY_ROLE,
    body: MyEmail,
    response: MyEmail,
    errors: [],
  }),
};
