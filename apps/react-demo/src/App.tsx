import { Checkout } from './Checkout.tsx';
import { OrderStatus } from './OrderStatus.tsx';
import { routeOf, usePathname } from './route.ts';
import { Shop } from './Shop.tsx';

export function App() {
  const route = routeOf(usePathname());
  return (
    <main>
      <header>
        <a href="/" className="brand">Nimba Coffee</a>
        <span className="badge">React checkout · test mode</span>
      </header>
      {route.page === 'shop' && <Shop />}
      {route.page === 'checkout' && <Checkout key={route.orderId} orderId={route.orderId} />}
      {route.page === 'order' && <OrderStatus key={route.orderId} orderId={route.orderId} />}
      {route.page === 'not-found' && <h1>There is no such page.</h1>}
    </main>
  );
}
