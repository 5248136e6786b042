import { Router } from 'express';
import { describeRoute, parseInput, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry } from '@ecommerce/platform';
import {
  addressIdParams, commandAcceptedSchema, idempotencyHeaders, notificationIdParams, notificationPreferencesBody, postalAddressSchema, updateAddressBody,
} from '@ecommerce/schemas';
import type { ProfileCommands } from '../lifecycle/profile';
import { acceptedResponse, inProgress, respond } from './respond';

/** The caller's saved addresses, notification preferences and inbox (DESIGN §7). */
export function profileRoutes({ profile }: { profile: ProfileCommands }): Router {
  const router = Router();

  router.post('/api/me/addresses', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = parseInput(postalAddressSchema, req.body, 'body');
    respond(res, 201, await profile.addAddress(principal, body), {}, '/api/me');
  });

  router.patch('/api/me/addresses/:addressId', async (req, res) => {
    const principal = requirePrincipal(req);
    const { addressId } = parseInput(addressIdParams, req.params, 'params');
    const body = parseInput(updateAddressBody, req.body, 'body');
    respond(res, 202, await profile.updateAddress(principal, addressId, body));
  });

  router.delete('/api/me/addresses/:addressId', async (req, res) => {
    const principal = requirePrincipal(req);
    const { addressId } = parseInput(addressIdParams, req.params, 'params');
    respond(res, 202, await profile.removeAddress(principal, addressId));
  });

  router.put('/api/me/notification-preferences', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = parseInput(notificationPreferencesBody, req.body, 'body');
    respond(res, 202, await profile.setNotificationPreferences(principal, body));
  });

  router.post('/api/notifications/:id/read', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(notificationIdParams, req.params, 'params');
    respond(res, 202, await profile.markNotificationRead(principal, id));
  });

  return router;
}

export function describeProfileRoutes(registry: OpenAPIRegistry): void {
  const accepted = { ...acceptedResponse, schema: commandAcceptedSchema };
  const account = { 404: { description: 'no account for the caller' }, 409: { description: 'the account is disabled' } };
  describeRoute(registry, {
    method: 'post', path: '/api/me/addresses', tags: ['me'], body: postalAddressSchema, headers: idempotencyHeaders,
    summary: 'Save a shipping address on your profile (`id` is the new address id)',
    responses: { 201: { description: 'saved', schema: commandAcceptedSchema }, 404: account[404], 409: { description: `the account is disabled or keeps the most addresses allowed, ${inProgress}` } },
  });
  describeRoute(registry, {
    method: 'patch', path: '/api/me/addresses/{addressId}', tags: ['me'], params: addressIdParams, body: updateAddressBody,
    summary: 'Change some fields of one of your saved addresses',
    responses: { 202: accepted, 404: { description: 'no saved address of yours has this id' }, 409: account[409] },
  });
  describeRoute(registry, {
    method: 'delete', path: '/api/me/addresses/{addressId}', tags: ['me'], params: addressIdParams,
    summary: 'Remove one of your saved addresses (removing what is not there changes nothing)',
    responses: { 202: accepted, ...account },
  });
  describeRoute(registry, {
    method: 'put', path: '/api/me/notification-preferences', tags: ['me'], body: notificationPreferencesBody,
    summary: 'Choose the channels you are notified on besides the in-app inbox: email, and SMS (which needs an E.164 phone number)',
    responses: { 202: accepted, 400: { description: 'invalid input, or SMS without a phone number' }, ...account },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/notifications/{id}/read', tags: ['notifications'], params: notificationIdParams, headers: idempotencyHeaders,
    summary: 'Mark one of your in-app messages read',
    responses: { 202: accepted, 404: { description: 'no such message in your inbox' }, 409: { description: `the message is an email or SMS, not an in-app message, ${inProgress}` } },
  });
}
