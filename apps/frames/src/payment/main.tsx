/** Entry of the tabbed payment frame (payment.html): the handshake, then the frame proper. */
import { connectToParent } from '../shared/handshake.ts';
import { startPaymentFrame } from './payment-frame.tsx';
import '../card/card.css';
import './payment.css';
// Last: it owns the heights the stylesheets above would otherwise set (line-heights of `font: inherit`).
import 'virtual:soxara-layout-payment.css';

async function boot(): Promise<void> {
  const connection = await connectToParent();
  const [merchantPort, controllerPort] = connection?.ports ?? [];
  const root = document.getElementById('root');
  if (merchantPort && controllerPort && root) startPaymentFrame(merchantPort, controllerPort, root);
}

void boot();
