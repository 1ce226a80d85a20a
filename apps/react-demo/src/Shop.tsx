/** Step 1: the product and an order form. The server prices the order; the browser sends a quantity. */
import { useEffect, useState, type FormEvent } from 'react';
import { formatMoney, shopApi, type Product } from './api.ts';
import { navigate } from './route.ts';

export function Shop() {
  const [catalogue, setCatalogue] = useState<{ products: Product[]; maxQuantity: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);

  useEffect(() => {
    let current = true;
    shopApi.products().then(
      (body) => current && setCatalogue({ products: body.data, maxQuantity: body.maxQuantity }),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, []);

  const product = catalogue?.products[0];
  const order = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!product) return;
    const fields = new FormData(event.currentTarget);
    setPlacing(true);
    setError(null);
    try {
      const { id } = await shopApi.placeOrder({ product_id: product.id, quantity: Number(fields.get('quantity')), email: String(fields.get('email')) });
      navigate(`/orders/${id}/checkout`);
    } catch (failure) {
      setError((failure as Error).message);
      setPlacing(false);
    }
  };

  return (
    <>
      <h1>Shop</h1>
      {product && catalogue && (
        <form className="card" onSubmit={order}>
          <h2>{product.name}</h2>
          <p>{product.description}</p>
          <p className="price">{formatMoney(product.unitAmount, product.currency)}</p>
          <label htmlFor="quantity">Quantity</label>
          <select id="quantity" name="quantity" defaultValue="1">
            {Array.from({ length: catalogue.maxQuantity }, (_, i) => (
              <option key={i + 1}>{i + 1}</option>
            ))}
          </select>
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
          <button type="submit" disabled={placing}>Continue to payment</button>
        </form>
      )}
      <p className="error" role="alert">{error}</p>
    </>
  );
}
