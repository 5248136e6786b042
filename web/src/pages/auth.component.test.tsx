import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LoginPage, RegisterPage } from './auth';
import { accepted, customerId, fakeAccessToken, json, problem, renderPage, stubNetwork } from '../test-setup.harness';

const locationOf = (url: string) => {
  const parsed = new URL(url, 'http://shop.test');
  return { path: parsed.pathname, query: parsed.searchParams };
};
const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const describedBy = (element: HTMLElement) => (element.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);

describe('the log-in form', () => {
  it('logs in through the session route with the CSRF header and goes where it was asked to', async () => {
    const network = stubNetwork().on('POST', '/api/auth/session', () => json({ accessToken: fakeAccessToken({ sub: customerId, role: 'customer' }), expiresIn: 300 }));
    const { api } = await renderPage(network, <LoginPage location={locationOf('/login?next=/orders')} />);
    fill('Email', 'ada@shop.test');
    fill('Password', 'Correct-Horse-Battery');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(window.location.pathname).toBe('/orders'));
    const [login] = network.callsTo('POST', '/api/auth/session');
    expect(login?.body).toEqual({ email: 'ada@shop.test', password: 'Correct-Horse-Battery' });
    expect(login?.headers.get('x-csrf-protection')).toBe('1');
    expect(api.session.current?.user.id).toBe(customerId);
  });

  it('never follows a `next` to another site', async () => {
    const network = stubNetwork().on('POST', '/api/auth/session', () => json({ accessToken: fakeAccessToken({ sub: customerId, role: 'customer' }), expiresIn: 300 }));
    window.history.replaceState(null, '', '/login?next=//evil.example/steal');
    await renderPage(network, <LoginPage location={locationOf('/login?next=//evil.example/steal')} />);
    fill('Email', 'ada@shop.test');
    fill('Password', 'Correct-Horse-Battery');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(network.callsTo('POST', '/api/auth/session')).toHaveLength(1));
    await waitFor(() => expect(window.location.href).toBe('http://shop.test/'));
  });

  it('shows a refused log-in and stays on the page', async () => {
    const network = stubNetwork().on('POST', '/api/auth/session', () => problem(401, 'wrong email or password'));
    window.history.replaceState(null, '', '/login');
    await renderPage(network, <LoginPage location={locationOf('/login')} />);
    fill('Email', 'ada@shop.test');
    fill('Password', 'not-the-password');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('wrong email or password');
    expect(window.location.pathname).toBe('/login');
    expect((screen.getByRole('button', { name: 'Log in' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the registration form', () => {
  it('puts the API\'s field errors on their inputs', async () => {
    const network = stubNetwork().on('POST', '/api/auth/register', () => problem(400, 'invalid request', [{ field: 'body.password', message: 'is one of the most common passwords' }]));
    await renderPage(network, <RegisterPage location={locationOf('/register')} />);
    fill('Name', 'Ada');
    fill('Email', 'ada@shop.test');
    fill('Password', 'password1234');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toBe('invalid request — body.password: is one of the most common passwords');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(password)).toEqual(['At least 10 characters; a passphrase is best.', 'is one of the most common passwords']);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
    expect(network.callsTo('POST', '/api/auth/session')).toEqual([]);
  });

  it('shows that an email is taken', async () => {
    const network = stubNetwork().on('POST', '/api/auth/register', () => problem(409, 'an account with this email exists'));
    await renderPage(network, <RegisterPage location={locationOf('/register')} />);
    fill('Name', 'Ada');
    fill('Email', 'ada@shop.test');
    fill('Password', 'Correct-Horse-Battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toBe('an account with this email exists');
  });

  it('creates the account, logs in and goes on', async () => {
    const network = stubNetwork()
      .on('POST', '/api/auth/register', () => accepted({ id: customerId, userId: customerId, consistencyToken: 'registered' }, 201))
      .on('POST', '/api/auth/session', () => json({ accessToken: fakeAccessToken({ sub: customerId, role: 'customer' }), expiresIn: 300 }));
    await renderPage(network, <RegisterPage location={locationOf('/register?next=/cart')} />);
    fill('Name', 'Ada');
    fill('Email', 'ada@shop.test');
    fill('Password', 'Correct-Horse-Battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(window.location.pathname).toBe('/cart'));
    expect(network.callsTo('POST', '/api/auth/register')[0]?.body).toEqual({ name: 'Ada', email: 'ada@shop.test', password: 'Correct-Horse-Battery' });
    expect(network.callsTo('POST', '/api/auth/session')[0]?.body).toEqual({ email: 'ada@shop.test', password: 'Correct-Horse-Battery' });
  });
});
