// react-stripe-js's counterparts of what @soxara/react-soxara-js exports; React and Stripe.js stay outside.
export { CardElement, Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
