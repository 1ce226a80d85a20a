/** Entry of the card frame (card.html): the handshake, then the frame proper (card-frame.tsx). */
import { connectToParent } from '../shared/handshake.ts';
import { startCardFrame } from './card-frame.tsx';
import './card.css';
// Last: it owns the heights the stylesheets above would otherwise set (line-heights of `font: inherit`).
import 'virtual:soxara-layout-card.css';

async function boot(): Promise<void> {
  const connection = await connectToParent();
  const [merchantPort, controllerPort] = connection?.ports ?? [];
  const root = document.getElementById('root');
  if (merchantPort && controllerPort && root) startCardFrame(merchantPort, controllerPort, root);
}

void boot();
