// Adyen Web v6 card entry: the core plus the Card component, registered explicitly (tree-shakable ESM).
import { AdyenCheckout, Card } from '@adyen/adyen-web';

window.peer = { AdyenCheckout, Card };
