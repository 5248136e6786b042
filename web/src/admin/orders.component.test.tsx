import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminOrdersPage } from './orders';
import { accepted, createTestOrder, json, renderPage, stubNetwork } from '../test-setup.harness';
import { orderNumber } from '../lib/order-number';

const paymentId = '77777777-7777-4777-8777-777777777777';
const paid = createTestOrder({ id: 'c1000000-0000-4000-8000-000000000001', status: 'paid', payment: { status: 'captured', paymentId, paidAmount: { amount: 2598, currency: 'EUR' }, paidAt: '2026-05-01T10:05:00.000Z', attempts: [] } });
const refunded = createTestOrder({
  id: 'c2000000-0000-4000-8000-000000000002', status: 'cancelled', total: { amount: 4500, currency: 'EUR' },
  payment: { status: 'captured', paymentId: 'd2000000-0000-4000-8000-000000000002', paidAmount: { amount: 4500, currency: 'EUR' }, paidAt: '2026-05-01T10:05:00.000Z', attempts: [] },
  refund: { status: 'refunded', requested: { amount: 4500, currency: 'EUR' }, succeeded: { amount: 4500, currency: 'EUR' }, refunds: [] },
});

function adminOrders() {
  return stubNetwork()
    .on('GET', '/api/admin/orders', (call) => json(call.url.searchParams.get('cursor') === 'older' ? { items: [refunded], nextCursor: null } : { items: [paid], nextCursor: 'older' }))
    .on('POST', '/api/admin/payments/:id/refund', () => accepted({ id: paymentId, consistencyToken: 'refund' }));
}

const lastQuery = (network: ReturnType<typeof adminOrders>) => Object.fromEntries(network.callsTo('GET', '/api/admin/orders').at(-1)?.url.searchParams ?? []);
const rowOf = (orderId: string) => screen.getByRole('link', { name: orderNumber(orderId) }).closest('tr') as HTMLElement;

describe('the admin orders page', () => {
  it('shows each order\'s total, status, payment and refund state', async () => {
    const network = adminOrders();
    await renderPage(network, <AdminOrdersPage />, { as: 'admin' });
    await screen.findByRole('link', { name: orderNumber(paid.id) });
    const cells = [...rowOf(paid.id).querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells.slice(2, 7)).toEqual(['€25.98', 'paid', 'captured', '—', '—']);
    expect(lastQuery(network)).toEqual({ limit: '20' });
    expect(network.callsTo('GET', '/api/admin/orders')[0]?.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('filters by status and date, restarting from the first page', async () => {
    const network = adminOrders();
    await renderPage(network, <AdminOrdersPage />, { as: 'admin' });
    fireEvent.click(await screen.findByRole('button', { name: 'Older →' }));
    await waitFor(() => expect(lastQuery(network)).toEqual({ limit: '20', cursor: 'older' }));
    const refundedRow = (await screen.findByRole('link', { name: orderNumber(refunded.id) })).closest('tr') as HTMLElement;
    expect([...refundedRow.querySelectorAll('td')].map((cell) => cell.textContent).slice(2, 6)).toEqual(['€45.00', 'cancelled', 'captured', 'refunded €45.00']);
    expect(within(refundedRow).queryByRole('button', { name: 'Refund' })).toBeNull();
    expect(screen.queryByRole('link', { name: orderNumber(paid.id) })).toBeNull();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'return_requested' } });
    await waitFor(() => expect(lastQuery(network)).toEqual({ status: 'return_requested', limit: '20' }));
    fireEvent.input(screen.getByLabelText('Placed since'), { target: { value: '2026-05-01' } });
    await waitFor(() => expect(lastQuery(network)).toEqual({ status: 'return_requested', from: '2026-05-01', limit: '20' }));
    expect([...(screen.getByLabelText('Status') as HTMLSelectElement).options].map((option) => option.textContent)).toContain('return requested');
  });

  it('refunds a captured payment with the reason given', async () => {
    const network = adminOrders();
    const { context } = await renderPage(network, <AdminOrdersPage />, { as: 'admin' });
    vi.spyOn(window, 'prompt').mockReturnValue('damaged in transit');
    fireEvent.click(within((await screen.findByRole('link', { name: orderNumber(paid.id) })).closest('tr') as HTMLElement).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(context.toast).toHaveBeenCalledWith('Refund requested'));
    const [refund] = network.callsTo('POST', '/api/admin/payments/:id/refund');
    expect(refund?.url.pathname).toBe(`/api/admin/payments/${paymentId}/refund`);
    expect(refund?.body).toEqual({ reason: 'damaged in transit' });
    await waitFor(() => expect(network.callsTo('GET', '/api/admin/orders').at(-1)?.headers.get('x-consistency-token')).toBe('refund'));
  });
});
