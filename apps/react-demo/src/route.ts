/** The app's three pages, read from the URL, and navigation between them without a reload. */
import { useSyncExternalStore } from 'react';

export type Route = { page: 'shop' } | { page: 'checkout'; orderId: string } | { page: 'order'; orderId: string } | { page: 'not-found' };

export function routeOf(pathname: string): Route {
  if (pathname === '/') return { page: 'shop' };
  const checkout = /^\/orders\/(\d{1,15})\/checkout$/.exec(pathname);
  if (checkout) return { page: 'checkout', orderId: checkout[1]! };
  const order = /^\/orders\/(\d{1,15})$/.exec(pathname);
  if (order) return { page: 'order', orderId: order[1]! };
  return { page: 'not-found' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function navigate(pathname: string): void {
  history.pushState(null, '', pathname);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
