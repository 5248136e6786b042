import type { ProductCreated, ProductStatus } from '@ecommerce/schemas';
import type { ProductEvent } from './events';

/** A product is what created it, as last changed, and whether it is still sold. */
export interface Product extends ProductCreated {
  status: ProductStatus;
  /** Its images in upload order, with the keys of their stored objects. */
  images: Array<{ imageId: string; keys: string[] }>;
}

export type ProductState = { status: 'absent' } | Product;

export const initialProductState = (): ProductState => ({ status: 'absent' });

export const evolveProduct = (state: ProductState, event: ProductEvent): ProductState => {
  const { type, data } = event;
  switch (type) {
    case 'ProductCreated':
      return { status: 'active', ...data, tags: [...data.tags], price: { ...data.price }, images: [] };
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
    case 'ProductImageAdded':
      if (state.status === 'absent') return state;
      return { ...state, images: [...state.images, { imageId: data.imageId, keys: data.variants.map((variant) => variant.key) }] };
    case 'ProductImageRemoved':
      if (state.status === 'absent') return state;
      return { ...state, images: state.images.filter((image) => image.imageId !== data.imageId) };
    default:
      return state;
  }
};
