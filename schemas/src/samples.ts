/**
 * One realistic payload per event type, typed with the TS interfaces so that a payload type
 * drifting from its `.avsc` fails both the type check and events.unit.test.ts.
 * For tests across the repo: each call returns a fresh copy.
 */
import type { EventPayloads, EventType } from './events';

const ORDER_ID = 'c3d2e1f0-9a8b-4c7d-8e6f-5a4b3c2d1e0f';
const CUSTOMER_ID = '0b9d3c4e-2f1a-4e6b-8c7d-5a4b3c2d1e0f';
const PRODUCT_ID = '5f0c6f7e-8a51-4c39-9d0e-3f7b1a2c4d5e';

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
  StockReserved: { sku: 'MUG-CER-350-BLU', orderId: ORDER_ID, quantity: 2, expiresAt: '2025-03-14T10:45:00.000Z' },
  StockReservationRejected: { sku: 'MUG-CER-350-BLU', orderId: ORDER_ID, quantity: 5, available: 3, reason: 'insufficient_stock' },
  StockReleased: { sku: 'MUG-CER-350-BLU', orderId: ORDER_ID, quantity: 2, reason: 'order_expired' },
  StockCommitted: { sku: 'MUG-CER-350-BLU', orderId: ORDER_ID, quantity: 2 },
  OrderPlaced: {
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    lines: [
      { productId: PRODUCT_ID, sku: 'MUG-CER-350-BLU', name: 'Ceramic mug 350 ml, blue', quantity: 2, unitPrice: { amount: 1290, currency: 'EUR' } },
      { productId: '7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b', sku: 'TEA-EARL-100G', name: 'Earl Grey, 100 g', quantity: 1, unitPrice: { amount: 650, currency: 'EUR' } },
    ],
    total: { amount: 3230, currency: 'EUR' },
    placedAt: '2025-03-14T10:15:00.000Z',
  },
  OrderLineReserved: { orderId: ORDER_ID, sku: 'MUG-CER-350-BLU' },
  OrderLineRejected: { orderId: ORDER_ID, sku: 'TEA-EARL-100G', available: 0 },
  OrderConfirmed: { orderId: ORDER_ID, paymentDeadline: '2025-03-14T10:45:00.000Z' },
  OrderRejected: { orderId: ORDER_ID, reason: 'insufficient_stock', shortSkus: ['TEA-EARL-100G'] },
  OrderTimerScheduled: { orderId: ORDER_ID, timerId: `${ORDER_ID}/payment_deadline`, dueAt: '2025-03-14T10:45:00.000Z', purpose: 'payment_deadline' },
  OrderPaid: { orderId: ORDER_ID, paymentId: 'pay_3Nf8sK2eZvKYlo2C', amount: { amount: 3230, currency: 'EUR' } },
  OrderExpired: { orderId: ORDER_ID },
  OrderCancelled: { orderId: ORDER_ID, reason: 'ordered by mistake' },
  CartItemAdded: { customerId: CUSTOMER_ID, productId: PRODUCT_ID, quantity: 2 },
  CartItemQuantityChanged: { customerId: CUSTOMER_ID, productId: PRODUCT_ID, quantity: 3 },
  CartItemRemoved: { customerId: CUSTOMER_ID, productId: PRODUCT_ID },
  CartCleared: { customerId: CUSTOMER_ID },
  CartCheckedOut: { customerId: CUSTOMER_ID, orderId: ORDER_ID },
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
