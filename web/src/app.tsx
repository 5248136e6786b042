import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api/client';
import type { SessionUser } from './api/session';
import { Context, useApp } from './context';
import type { AppContext } from './context';
import { Link, Spinner } from './components/ui';
import { matchPath, navigate, useLocation, withQuery } from './router';
import type { Location } from './router';
import { CatalogPage } from './pages/catalog';
import { ProductPage } from './pages/product';
import { CartPage } from './pages/cart';
import { CheckoutPage } from './pages/checkout';
import { OrdersPage } from './pages/orders';
import { OrderPage } from './pages/order';
import { NotificationsPage } from './pages/notifications';
import { LoginPage, RegisterPage } from './pages/auth';
import { ProfilePage } from './pages/profile';
import { AdminProductsPage, AdminStockPage } from './admin/products';
import { AdminOrdersPage, AdminShipmentsPage } from './admin/orders';
import { AdminUsersPage } from './admin/users';
import { AdminOpsPage } from './admin/ops';
import { AdminDeadLettersPage } from './admin/dlq';
import { AdminLowStockPage } from './admin/low-stock';
import { AdminAnalyticsPage } from './admin/analytics';

type Page = { render: (params: Record<string, string>, location: Location) => JSX.Element; signedIn?: boolean; admin?: boolean; title: string };

const routes: Array<[string, Page]> = [
  ['/', { title: 'Shop', render: (_params, location) => <CatalogPage location={location} /> }],
  ['/products/:id', { title: 'Product', render: (params) => <ProductPage id={params.id as string} /> }],
  ['/cart', { title: 'Cart', signedIn: true, render: () => <CartPage /> }],
  ['/checkout', { title: 'Checkout', signedIn: true, render: () => <CheckoutPage /> }],
  ['/orders', { title: 'Your orders', signedIn: true, render: () => <OrdersPage /> }],
  ['/orders/:id', { title: 'Order', signedIn: true, render: (params) => <OrderPage id={params.id as string} /> }],
  ['/notifications', { title: 'Notifications', signedIn: true, render: () => <NotificationsPage /> }],
  ['/account', { title: 'Your account', signedIn: true, render: () => <ProfilePage /> }],
  ['/login', { title: 'Log in', render: (_params, location) => <LoginPage location={location} /> }],
  ['/register', { title: 'Create an account', render: (_params, location) => <RegisterPage location={location} /> }],
  ['/admin', { title: 'Operations', admin: true, render: () => <AdminOpsPage /> }],
  ['/admin/products', { title: 'Products', admin: true, render: () => <AdminProductsPage /> }],
  ['/admin/stock', { title: 'Stock', admin: true, render: (_params, location) => <AdminStockPage sku={location.query.get('sku') ?? ''} /> }],
  ['/admin/orders', { title: 'Orders', admin: true, render: () => <AdminOrdersPage /> }],
  ['/admin/shipments', { title: 'Shipments', admin: true, render: () => <AdminShipmentsPage /> }],
  ['/admin/users', { title: 'Users', admin: true, render: () => <AdminUsersPage /> }],
  ['/admin/low-stock', { title: 'Low stock', admin: true, render: () => <AdminLowStockPage /> }],
  ['/admin/analytics', { title: 'Analytics', admin: true, render: () => <AdminAnalyticsPage /> }],
  ['/admin/dlq', { title: 'Dead letters', admin: true, render: () => <AdminDeadLettersPage /> }],
];

function Header() {
  const { user, cartCount, api, ready } = useApp();
  const location = useLocation();
  const [q, setQ] = useState(location.query.get('q') ?? '');
  useEffect(() => setQ(location.query.get('q') ?? ''), [location.query.get('q')]);
  const admin = location.path.startsWith('/admin');
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">Skip to content</a>
      <div class="bar">
        <Link href="/" class="brand" aria-label="Shop home">Shop<span>.</span></Link>
        <form role="search" class="search" onSubmit={(event) => { event.preventDefault(); navigate(withQuery('/', { q: q.trim() })); }}>
          <label for="site-search" class="visually-hidden">Search products</label>
          <input id="site-search" type="search" placeholder="Search products" value={q} onInput={(event) => setQ(event.currentTarget.value)} />
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Account" class="account-nav">
          {ready && !user && <><Link href="/login">Log in</Link><Link href="/register" class="button-link">Sign up</Link></>}
          {user && (
            <>
              {user.role === 'admin' && <Link href="/admin">Admin</Link>}
              <Link href="/orders">Orders</Link>
              <Link href="/notifications">Inbox</Link>
              <Link href="/account">Account</Link>
              <button class="link-button" onClick={() => void api.session.logout().then(() => navigate('/'))}>Log out</button>
            </>
          )}
          <Link href="/cart" class="cart-link" aria-label={`Cart, ${cartCount} item${cartCount === 1 ? '' : 's'}`}>Cart <span class="cart-count">{cartCount}</span></Link>
        </nav>
      </div>
      {admin && user?.role === 'admin' && (
        <nav class="admin-nav" aria-label="Admin">
          {[['/admin', 'Operations'], ['/admin/analytics', 'Analytics'], ['/admin/products', 'Products'], ['/admin/stock', 'Stock'], ['/admin/low-stock', 'Low stock'], ['/admin/orders', 'Orders'], ['/admin/shipments', 'Shipments'], ['/admin/users', 'Users'], ['/admin/dlq', 'Dead letters']].map(([href, label]) => (
            <Link key={href} href={href as string} aria-current={location.path === href ? 'page' : undefined}>{label}</Link>
          ))}
        </nav>
      )}
    </header>
  );
}

function Routes() {
  const { user, ready } = useApp();
  const location = useLocation();
  const found = routes.map(([pattern, page]) => [matchPath(pattern, location.path), page] as const).find(([params]) => params !== null);
  useEffect(() => {
    document.title = found ? `${found[1].title} · Shop` : 'Not found · Shop';
  }, [location.path]);
  if (!found) return <section><h1>Page not found</h1><p><Link href="/">Back to the shop</Link></p></section>;
  const [params, page] = found;
  if ((page.signedIn || page.admin) && !ready) return <Spinner />;
  if ((page.signedIn || page.admin) && !user) {
    navigate(`/login?next=${encodeURIComponent(location.path + window.location.search)}`, { replace: true });
    return null;
  }
  if (page.admin && user?.role !== 'admin') return <section><h1>Admins only</h1><p>This page is for the shop's administrators.</p></section>;
  return page.render(params ?? {}, location);
}

export function App() {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ready, setReady] = useState(false);
  const [cartCount, setCartCount] = useState(0);
  const [message, setMessage] = useState<string>();
  const api = useMemo(() => createApi((state) => setUser(state?.user ?? null)), []);

  const refreshCart = useCallback((consistencyToken?: string) => {
    void api.client.GET('/api/cart', { params: { header: consistencyToken ? { 'x-consistency-token': consistencyToken } : {} } }).then(({ data }) => setCartCount(data ? data.items.reduce((sum, item) => sum + item.quantity, 0) : 0));
  }, [api]);

  useEffect(() => {
    // A reload keeps the session: the cookie gives a new access token if there is one.
    void api.session.refresh().finally(() => setReady(true));
  }, [api]);
  useEffect(() => {
    if (user) refreshCart();
    else setCartCount(0);
  }, [user?.id]);
  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(() => setMessage(undefined), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  const context: AppContext = { api, user, ready, cartCount, refreshCart, toast: setMessage };
  return (
    <Context.Provider value={context}>
      <Header />
      <main id="main" tabIndex={-1}><Routes /></main>
      <div class="toast" role="status" aria-live="polite">{message}</div>
      <footer class="site-footer"><p>Sandbox shop — payments use test cards only. <a href="/docs">API</a></p></footer>
    </Context.Provider>
  );
}
