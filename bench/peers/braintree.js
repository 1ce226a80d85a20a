// Braintree card entry with 3-D Secure, as in Braintree's Hosted Fields guide.
import client from 'braintree-web/client';
import hostedFields from 'braintree-web/hosted-fields';
import threeDSecure from 'braintree-web/three-d-secure';

window.peer = { client, hostedFields, threeDSecure };
