/**
 * One realistic payload per event type, typed with the TS interfaces so that a payload type
 * drifting from its `.avsc` fails both the type check and events.unit.test.ts.
 * For tests across the repo: each call returns a fresh copy.
 */
import type { EventPayloads, EventType } from './events';

const samples: { readonly [T in EventType]: EventPayloads[T] } = {
  ProductCreated: {
    productId: '5f0c6f7e-8a51-4c39-9d0e-3f7b1a2c4d5e',
    sku: 'MUG-CER-350-BLU',
    name: 'Ceramic mug 350 ml, blue',
    description: 'Stoneware mug, dishwasher safe.',
    category: 'kitchen',
    tags: ['mug', 'ceramic', 'gift'],
    price: { amount: 1290, currency: 'EUR' },
    listedBy: null,
  },
  ProductDetailsUpdated: {
    productId: '5f0c6f7e-8a51-4c39-9d0e-3f7b1a2c4d5e',
    name: 'Ceramic mug 350 ml, navy blue',
    description: null,
    category: null,
    tags: ['mug', 'ceramic'],
  },
  ProductPriceChanged: {
    productId: '5f0c6f7e-8a51-4c39-9d0e-3f7b1a2c4d5e',
    price: { amount: 990, currency: 'EUR' },
    previousPrice: { amount: 1290, currency: 'EUR' },
  },
  ProductDiscontinued: {
    productId: '5f0c6f7e-8a51-4c39-9d0e-3f7b1a2c4d5e',
    reason: 'supplier stopped production',
  },
  SkuClaimed: { sku: 'MUG-CER-350-BLU', productId: '5f0c6f7e-8a51-4c39-9d0e-3f7b1a2c4d5e' },
  StockRestocked: { sku: 'MUG-CER-350-BLU', quantity: 48, reference: 'PO-2024-0117' },
  StockAdjusted: { sku: 'MUG-CER-350-BLU', delta: -2, reason: 'broken in storage' },
  UserRegistered: {
    userId: '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f',
    email: 'ada.lovelace@example.com',
    name: 'Ada Lovelace',
    role: 'customer',
  },
  UserProfileUpdated: { userId: '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f', name: 'Ada King' },
  UserPasswordChanged: { userId: '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f' },
  UserDisabled: { userId: '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f', reason: 'chargeback fraud' },
  UserEnabled: { userId: '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f' },
  UserRoleChanged: { userId: '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f', role: 'admin', previousRole: 'customer' },
};

export const createSampleEventPayload = <T extends EventType>(
  type: T,
  overrides: Partial<EventPayloads[T]> = {},
): EventPayloads[T] => ({ ...structuredClone(samples[type]), ...overrides });
