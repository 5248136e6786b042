import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatMoney } from '../lib/money';
import type { Money } from '../lib/money';
import { describeProblem } from '../lib/problem';
import { navigate } from '../router';

export function Price({ money, className }: { money: Money; className?: string }) {
  return <span class={className ?? 'price'}>{formatMoney(money)}</span>;
}

/** Internal links navigate without a reload; modified clicks behave as the browser would. */
export function Link({ href, children, class: className, ...aria }: { href: string; children: ComponentChildren; class?: string; 'aria-label'?: string; 'aria-current'?: 'page' | undefined }) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} class={className} onClick={onClick} {...aria}>{children}</a>;
}

interface ProductImageSource {
  name: string;
  images?: Array<{ urls: { thumbnail: string; medium: string; original: string }; width: number; height: number }>;
}

/** The product's first image, or a neutral placeholder with its initial. */
export function ProductImage({ product, size = 'medium' }: { product: ProductImageSource; size?: 'thumbnail' | 'medium' | 'original' }) {
  const image = product.images?.[0];
  if (image) return <img class={`product-image ${size}`} src={image.urls[size]} alt={product.name} loading="lazy" width={image.width} height={image.height} />;
  return (
    <div class={`product-image placeholder ${size}`} role="img" aria-label={`${product.name} (no photo yet)`}>
      <span aria-hidden="true">{product.name.trim().charAt(0).toUpperCase() || '?'}</span>
    </div>
  );
}

export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ComponentChildren }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && <small id={`${id}-hint`} class="hint">{hint}</small>}
      {error && <small id={`${id}-error`} class="error-text">{error}</small>}
    </div>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return <div class="alert error" role="alert">{describeProblem(error)}</div>;
}

const statusTone: Record<string, string> = {
  placed: 'neutral', confirmed: 'info', paid: 'good', shipped: 'info', dispatched: 'info', delivered: 'good', completed: 'good',
  return_requested: 'warn', returned: 'warn', refunded: 'warn', rejected: 'bad', expired: 'bad', cancelled: 'bad', open: 'neutral',
  captured: 'good', declined: 'bad', requires_action: 'warn', active: 'good', discontinued: 'bad', disabled: 'bad', admin: 'info', customer: 'neutral',
};

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${statusTone[status] ?? 'neutral'}`}>{status.replace(/_/g, ' ')}</span>;
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return <p class="loading" role="status">{label}</p>;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
