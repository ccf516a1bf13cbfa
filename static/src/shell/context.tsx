import { createContext, useContext, type ReactNode } from 'react';
import type { ProductContext } from './product-context';

export { parseProductContext, routeOf, type ProductContext } from './product-context';

const ProductContextValue = createContext<ProductContext | null>(null);

export function ProductContextProvider({ value, children }: { value: ProductContext; children: ReactNode }) {
  return <ProductContextValue.Provider value={value}>{children}</ProductContextValue.Provider>;
}

/** The context of the current surface: `useProductContext().extension.issue?.key`. */
export function useProductContext(): ProductContext {
  const value = useContext(ProductContextValue);
  if (!value) throw new Error('useProductContext() used outside <ProductContextProvider>');
  return value;
}
