/**
 * The web shop in a real browser (Debian's Chromium driven by playwright-core) against the whole
 * platform in this process: a customer registers, searches, buys, pays with the sandbox card and
 * sees the order paid; an admin dispatches it and the customer's open page shows it shipped
 * without a reload; another customer's order URL is refused. Screenshots of each main page go
 * to WEB_E2E_OUTPUT (default: <tmp>/ecommerce-web-e2e).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { webShopRoot } from '../components';
import { produceDeadLetter } from './admin-views.fixture';
import { newProduct, startTestPlatform, testAdmin } from './harness';
import type { TestPlatform } from './harness';
import { rowAddress } from './lifecycle-steps.fixture';
import { testPicture } from './images.fixture';

jest.setTimeout(180_000);

const chromium = '/usr/bin/chromium';
const available = existsSync(chromium);
const output = process.env.WEB_E2E_OUTPUT ?? join(tmpdir(), 'ecommerce-web-e2e');
const describeWithBrowser = available ? describe : describe.skip;
if (!available) console.log(`web e2e skipped: ${chromium} is not installed (.ci/run installs Debian's chromium)`);

/** The flags a browser needs on a machine with a closed network (no background calls home). */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The build is missing or older than a source file. */
function builtBefore(built: string, sources: string): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs)));
  return newest(sources) > builtAt;
}

describeWithBrowser('the web shop in a real browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  const unique = Math.random().toString(36).slice(2, 8);
  const productName = `Lighthouse Enamel Mug ${unique}`;
  const customer = { name: 'Grace Hopper', email: `grace.${unique}@shop.test`, password: 'Compiler-Harbour-Lantern-42' };
  const browserErrors: string[] = [];

  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(output, `${name}.png`), fullPage: true });
  const watch = (page: Page) => {
    page.on('console', (message) => { if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) browserErrors.push(message.text()); });
    page.on('pageerror', (error) => browserErrors.push(error.message));
  };

  beforeAll(async () => {
    // CI builds the shop at `npm ci` (the root `prepare` script); a checkout that skipped it, or changed the sources since, builds here.
    if (builtBefore(join(webShopRoot, 'index.html'), join(webShopRoot, '..', 'src'))) execFileSync(process.execPath, [join(webShopRoot, '..', 'build.cjs')], { stdio: 'inherit' });
    mkdirSync(output, { recursive: true });
    platform = await startTestPlatform({ embeddedOnly: true });
    for (const [index, category] of ['kitchen', 'kitchen', 'home'].entries()) {
      const created = await platform.request('POST', '/api/products', { body: newProduct({ name: index === 0 ? productName : `Stoneware Bowl ${unique} ${index}`, category, description: 'Hand-glazed, dishwasher safe.', price: { amount: 1899 + index * 500, currency: 'EUR' }, initialStock: 25 }) });
      expect(created.status).toBe(201);
      await platform.request('GET', `/api/products/${String(created.body.id)}`, { headers: { 'x-consistency-token': created.headers.get('x-consistency-token') as string } });
    }
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({ executablePath: chromium, headless: true, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    console.log(`web e2e screenshots in ${output}`);
  });

  it('serves the shop at / with a strict CSP (scripts from the site only)', async () => {
    const response = await fetch(`${platform.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(await response.text()).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
  });

  it('takes a customer from registration to a paid order, and shows the admin\'s dispatch live', async () => {
    const shopper = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await shopper.newPage();
    watch(page);

    await page.goto(`${platform.baseUrl}/`);
    await page.getByRole('heading', { name: 'All products' }).waitFor();
    await page.getByText(productName).waitFor();
    await screenshot(page, '01-catalog');

    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill(customer.name);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('Password').fill(customer.password);
    await screenshot(page, '02-register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    // the refresh token is in an httpOnly cookie: page scripts cannot see it
    expect(await page.evaluate(() => document.cookie)).not.toContain('ecommerce_refresh');
    expect((await shopper.cookies()).find((cookie) => cookie.name === 'ecommerce_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/session' });

    await page.getByLabel('Search products').fill(`lighthouse ${unique}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: `Results for “lighthouse ${unique}”` }).waitFor();
    await page.getByRole('link', { name: productName }).click();
    await page.getByRole('heading', { name: productName }).waitFor();
    await page.getByText('In stock').waitFor();
    await screenshot(page, '03-product');
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: 'Cart, 2 items' }).waitFor();

    // a reload keeps the session (the cookie renews the in-memory access token)
    await page.reload();
    await page.getByRole('link', { name: 'Cart, 2 items' }).click();
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    await page.getByText('€37.98').first().waitFor();
    await screenshot(page, '04-cart');
    await page.getByRole('button', { name: 'Check out' }).click();

    await page.getByLabel('Full name').fill('Grace Hopper');
    await page.getByLabel('Address', { exact: true }).fill('1 Harbour Lane');
    await page.getByLabel('Postal code').fill('75001');
    await page.getByLabel('City').fill('Paris');
    await page.getByLabel('Country').selectOption('FR');
    await screenshot(page, '05-checkout');
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.getByRole('heading', { name: /^Order #/ }).waitFor();
    const orderId = page.url().split('/orders/')[1] as string;
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiry (MM/YY)').fill('12/34');
    await page.getByLabel('CVC').fill('123');
    await screenshot(page, '06-pay');
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.locator('.order-head .badge', { hasText: 'paid' }).waitFor({ timeout: 30_000 });
    await screenshot(page, '07-order-paid');

    // the admin, in a browser of their own, dispatches the shipment
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await office.newPage();
    watch(admin);
    await admin.goto(`${platform.baseUrl}/login?next=/admin/shipments`);
    await admin.getByLabel('Email').fill(testAdmin.email);
    await admin.getByLabel('Password').fill(testAdmin.password);
    await admin.getByRole('button', { name: 'Log in' }).click();
    await admin.getByRole('heading', { name: 'Shipments' }).waitFor();
    const shipment = admin.locator('.shipment', { hasText: `#${orderId.slice(-8)}` });
    await shipment.waitFor({ timeout: 30_000 });
    await shipment.getByLabel('Tracking number').fill('LP-7781-0042');
    await screenshot(admin, '08-admin-shipments');
    await shipment.getByRole('button', { name: 'Dispatch' }).click();
    await admin.getByText('Dispatched', { exact: true }).waitFor();

    // the customer's page, never reloaded, follows
    await page.locator('.order-head .badge', { hasText: 'shipped' }).waitFor({ timeout: 30_000 });
    await page.getByText('LP-7781-0042').waitFor();
    await screenshot(page, '09-order-shipped');

    // a photo for the product, through the admin console's upload control
    await admin.goto(`${platform.baseUrl}/admin/products`);
    await admin.getByRole('row', { name: new RegExp(productName) }).getByRole('button', { name: 'Edit' }).click();
    await admin.getByLabel('Add a photo (JPEG, PNG or WebP)').setInputFiles({ name: 'mug.png', mimeType: 'image/png', buffer: await testPicture(640, 480) });
    await admin.locator('.photo-list img').waitFor({ timeout: 30_000 });
    await screenshot(admin, '10-admin-product-photo');
    await page.goto(`${platform.baseUrl}/products/${await page.evaluate(() => document.querySelector<HTMLAnchorElement>('.order-lines a')?.pathname.split('/').pop() ?? '')}`);
    await page.locator('.gallery img').waitFor();
    // the element comes before its bytes: wait for it to load (a broken image never gets a width, and this times out)
    await page.waitForFunction(() => { const image = document.querySelector<HTMLImageElement>('.gallery img'); return image !== null && image.complete && image.naturalWidth > 0; }, undefined, { timeout: 15_000 });
    await screenshot(page, '10-product-with-photo');

    await admin.goto(`${platform.baseUrl}/admin`);
    await admin.getByRole('heading', { name: 'Operations' }).waitFor();
    await admin.getByText('Events appended, by type').waitFor();
    await screenshot(admin, '11-admin-operations');
    await admin.goto(`${platform.baseUrl}/admin/orders`);
    await admin.getByRole('link', { name: `#${orderId.slice(-8)}` }).waitFor();
    await screenshot(admin, '11-admin-orders-list');

    // analytics: today's paid order is in the figures (the read model may trail the payment by a moment)
    for (let tries = 0; ; tries += 1) {
      await admin.goto(`${platform.baseUrl}/admin/analytics`);
      await admin.getByRole('heading', { name: 'Analytics' }).waitFor();
      const paid = admin.locator('.figures div', { hasText: 'Orders paid' }).locator('dd');
      await paid.waitFor();
      if ((await paid.textContent()) === '1' || tries === 20) break;
      await admin.waitForTimeout(250);
    }
    expect(await admin.locator('.figures div', { hasText: 'Orders paid' }).locator('dd').textContent()).toBe('1');
    await admin.getByText('Revenue per day (EUR)').waitFor();
    await screenshot(admin, '15-admin-analytics');

    // low stock: a SKU with 2 left shows under the default threshold; its own threshold of 10 makes it 8 short
    const scarce = newProduct({ name: `Copper Kettle ${unique}`, category: 'kitchen', initialStock: 2 });
    const scarceCreated = await platform.request('POST', '/api/products', { body: scarce });
    await platform.request('GET', `/api/products/${String(scarceCreated.body.id)}`, { headers: { 'x-consistency-token': scarceCreated.headers.get('x-consistency-token') as string } });
    await admin.goto(`${platform.baseUrl}/admin/low-stock`);
    const scarceRow = admin.getByRole('row', { name: new RegExp(scarce.sku) });
    await scarceRow.waitFor({ timeout: 30_000 });
    await scarceRow.getByLabel(`Low-stock threshold for ${scarce.sku}`).fill('10');
    await scarceRow.getByRole('button', { name: 'Set' }).click();
    await admin.getByText(`${scarce.sku} is low at 10 or fewer`).waitFor();
    await admin.getByRole('row', { name: new RegExp(`${scarce.sku}.*\\b8\\b`) }).waitFor();
    await screenshot(admin, '16-admin-low-stock');

    // dead letters: a real one, replayed once; the second replay shows the API's explanation
    const { urlId } = await produceDeadLetter(platform);
    await admin.goto(`${platform.baseUrl}/admin/dlq`);
    await admin.getByRole('heading', { name: 'Dead letters' }).waitFor();
    const replayButton = admin.getByRole('button', { name: `Replay dead letter ${urlId}` });
    await replayButton.click();
    await admin.getByText(/^Replayed to /).waitFor();
    await replayButton.click();
    await admin.getByRole('alert').filter({ hasText: 'already replayed' }).waitFor();
    await screenshot(admin, '17-admin-dead-letters');

    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(`${platform.baseUrl}/admin/analytics`);
    await admin.getByText('Orders placed per day').waitFor();
    await screenshot(admin, '18-admin-analytics-phone');
    await admin.goto(`${platform.baseUrl}/admin/dlq`);
    await admin.getByRole('button', { name: `Replay dead letter ${urlId}` }).waitFor();
    await screenshot(admin, '19-admin-dead-letters-phone');

    await page.goto(`${platform.baseUrl}/notifications`);
    await page.getByRole('heading', { name: /Notifications/ }).waitFor();
    await screenshot(page, '12-inbox');

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const small = await phone.newPage();
    await small.goto(`${platform.baseUrl}/?category=kitchen`);
    await small.getByText(productName).waitFor();
    await screenshot(small, '13-catalog-phone');

    await Promise.all([shopper.close(), office.close(), phone.close()]);
    expect(browserErrors).toEqual([]);
  });

  it('refuses a customer another customer\'s order', async () => {
    const other = { email: `other.${unique}@shop.test`, password: 'Another-Quiet-Passphrase-7' };
    await platform.request('POST', '/api/auth/register', { anonymous: true, body: { ...other, name: 'Other' } });
    const otherToken = String((await platform.request('POST', '/api/auth/login', { anonymous: true, body: other })).body.accessToken);
    const product = await platform.request('POST', '/api/products', { body: newProduct() });
    const placed = await platform.request('POST', '/api/orders', { token: otherToken, body: { lines: [{ productId: String(product.body.id), quantity: 1 }], shippingAddress: rowAddress() } });
    expect(placed.status).toBe(202);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('Password').fill(customer.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.goto(`${platform.baseUrl}/orders/${String(placed.body.orderId)}`);
    await page.getByRole('alert').filter({ hasText: 'There is no such order in your account.' }).waitFor();
    await screenshot(page, '14-someone-elses-order');
    await context.close();
  });
});
