import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { OrderPage } from './order';
import { accepted, createTestOrder, eventStream, json, problem, renderPage, stubNetwork } from '../test-setup.harness';
import type { OrderView } from '../test-setup.harness';

const at = '2026-05-01T10:05:00.000Z';

/** The order as the query API serves it, whatever the test sets it to next, and its live stream. */
function orderServed(initial: OrderView) {
  let current = initial;
  const stream = eventStream();
  const network = stubNetwork()
    .on('GET', '/api/orders/:id', () => json(current))
    .on('GET', '/api/orders/:id/live', () => stream.response())
    .on('GET', '/api/checkout/payment', () => json({ checkout: 'card_form', provider: 'sandbox' }));
  return { network, stream, update: (next: OrderView) => void (current = next) };
}

const timelineSteps = () => within(screen.getByRole('region', { name: 'Timeline' })).getAllByRole('listitem').map((item) => item.querySelector('span:not(.badge)')?.textContent);

describe('the order page', () => {
  it('renders the timeline\'s steps, the lines and the total', async () => {
    const { network, stream } = orderServed(createTestOrder());
    await renderPage(network, <OrderPage id={createTestOrder().id} />, { as: 'customer' });
    expect(await screen.findByRole('heading', { name: 'Order #33333333' })).toBeTruthy();
    expect(timelineSteps()).toEqual(['Order Placed', 'Order Confirmed']);
    const items = screen.getByRole('region', { name: 'Items' });
    expect(within(items).getByText('× 2')).toBeTruthy();
    expect(items.querySelector('.total')?.textContent).toBe('Total €25.98');
    expect(within(items).getByText(/Ada Lovelace/)).toBeTruthy();
    expect(screen.getByText('This page updates by itself.')).toBeTruthy();
    expect(await screen.findByRole('form', { name: 'Pay €25.98' })).toBeTruthy();
    stream.close();
  });

  it('applies a live status change without a reload: the stream says it changed, the page reads the order again', async () => {
    const confirmed = createTestOrder();
    const { network, stream, update } = orderServed(confirmed);
    await renderPage(network, <OrderPage id={confirmed.id} />, { as: 'customer' });
    await screen.findByRole('heading', { name: 'Order #33333333' });
    const live = network.callsTo('GET', '/api/orders/:id/live');
    expect(live).toHaveLength(1);
    expect(live[0]?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(live[0]?.url.search).toBe('');

    update({
      ...confirmed, status: 'shipped', revision: 4,
      payment: { status: 'captured', paymentId: '77777777-7777-4777-8777-777777777777', paidAmount: confirmed.total, paidAt: at, attempts: [] },
      shipment: { shipmentId: '88888888-8888-4888-8888-888888888888', status: 'dispatched', carrier: 'La Poste', trackingNumber: 'LP-7781-0042', dispatchedAt: at, deliveredAt: null },
      timeline: [...confirmed.timeline, { status: 'paid', event: 'OrderPaid', at }, { status: 'shipped', event: 'OrderShipped', at }],
    });
    stream.send('status', { status: 'shipped', revision: 4 });
    await waitFor(() => expect(timelineSteps()).toEqual(['Order Placed', 'Order Confirmed', 'Order Paid', 'Order Shipped']));
    expect(screen.getByText(/^Status:/).textContent).toContain('shipped');
    expect(screen.getByText('LP-7781-0042')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Pay €25.98' })).toBeNull();
    expect(network.callsTo('GET', '/api/orders/:id/live')).toHaveLength(1);
    stream.close();
  });

  it('cancels an order the customer may still cancel, and reads it with the write\'s token', async () => {
    const { network, stream } = orderServed(createTestOrder());
    network.on('POST', '/api/orders/:id/cancel', () => accepted({ id: createTestOrder().id, consistencyToken: 'cancelled' }));
    await renderPage(network, <OrderPage id={createTestOrder().id} />, { as: 'customer' });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    await waitFor(() => expect(network.callsTo('GET', '/api/orders/:id').at(-1)?.headers.get('x-consistency-token')).toBe('cancelled'));
    expect(network.callsTo('POST', '/api/orders/:id/cancel')).toHaveLength(1);
    stream.close();
  });

  it('refuses another customer\'s order as if it did not exist', async () => {
    const network = stubNetwork().on('GET', '/api/orders/:id', () => problem(404, 'no such order'));
    await renderPage(network, <OrderPage id="99999999-9999-4999-8999-999999999999" />, { as: 'customer' });
    expect((await screen.findByRole('alert')).textContent).toBe('There is no such order in your account.');
  });
});
