import { sumMoney } from './money';
import type { Money } from './money';

export interface CartLineInput {
  productId: string;
  quantity: number;
}

export interface ProductSummary {
  id: string;
  name: string;
  price: Money;
  status: 'active' | 'discontinued';
  stock: { available: number; inStock: boolean };
}

export interface CartLine {
  productId: string;
  quantity: number;
  product: ProductSummary | undefined;
  /** unit price × quantity, in minor units; undefined while the product is unknown. */
  lineTotal: Money | undefined;
  /** Why this line cannot be bought as it is, if it cannot. */
  problem: string | undefined;
}

/** The cart as the page shows it: each line priced and checked, totals per currency. */
export function priceCart(items: CartLineInput[], products: Map<string, ProductSummary>) {
  const lines: CartLine[] = items.map((item) => {
    const product = products.get(item.productId);
    let problem: string | undefined;
    if (!product) problem = 'This product is no longer listed.';
    else if (product.status === 'discontinued') problem = 'This product is discontinued.';
    else if (product.stock.available < item.quantity) problem = product.stock.available === 0 ? 'Out of stock.' : `Only ${product.stock.available} left.`;
    return { ...item, product, problem, lineTotal: product ? { amount: product.price.amount * item.quantity, currency: product.price.currency } : undefined };
  });
  const totals = sumMoney(lines.flatMap((line) => (line.lineTotal ? [line.lineTotal] : [])));
  return { lines, totals, itemCount: items.reduce((sum, item) => sum + item.quantity, 0), canCheckOut: lines.length > 0 && lines.every((line) => !line.problem) && totals.length === 1 };
}
