// Paystack's inline script: the merchant page only loads this; the form itself is a Paystack iframe.
import PaystackPop from '@paystack/inline-js';

window.peer = { PaystackPop };
