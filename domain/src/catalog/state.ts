import type { Money } from '@ecommerce/schemas';
import type { ProductEvent } from './events';

export interface Product {
  status: 'active' | 'discontinued';
  productId: string;
  sku: string;
  name: string;
  description: string;
  category: string;
  tags: string[];
  price: Money;
  listedBy: string | null;
}

export type ProductState = { status: 'absent' } | Product;

export const initialProductState = (): ProductState => ({ status: 'absent' });

export const evolveProduct = (state: ProductState, event: ProductEvent): ProductState => {
  const { type, data } = event;
  switch (type) {
    case 'ProductCreated':
      return { status: 'active', ...data, tags: [...data.tags], price: { ...data.price } };
    case 'ProductDetailsUpdated':
      if (state.status === 'absent') return state;
      return {
        ...state,
        name: data.name ?? state.name,
        description: data.description ?? state.description,
        category: data.category ?? state.category,
        tags: data.tags ? [...data.tags] : state.tags,
      };
    case 'ProductPriceChanged':
      if (state.status === 'absent') return state;
      return { ...state, price: { ...data.price } };
    case 'ProductDiscontinued':
      if (state.status === 'absent') return state;
      return { ...state, status: 'discontinued' };
    default:
      return state;
  }
};
