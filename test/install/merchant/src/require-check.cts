/**
 * A CommonJS merchant file: `require('@soxara/node')`, type-checked as CommonJS (a `.cts` file reads the
 * package's `require` types; ES-module types there would be an error) and run as CommonJS. It prints
 * the names the package exports, for comparison with `import`, and proves a signature round trip.
 */
import soxaraNode = require('@soxara/node');

const { Soxara, webhooks, SoxaraSignatureVerificationError } = soxaraNode;

const client: InstanceType<typeof Soxara> = new Soxara('sxs_test_requirecheck00', { baseUrl: 'http://127.0.0.1:9' });
// The default export of the ES module is `.default` under require, as tsc and Node agree.
const sameClass: typeof Soxara = soxaraNode.default;

const secret = 'whsec_requirecheck';
const payload = JSON.stringify({ id: 'evt_1', type: 'payment.succeeded', livemode: false, created_at: 0, data: { object: {} } });
const header = webhooks.generateTestHeaderString({ payload, secret });
const event = webhooks.constructEvent(payload, header, secret);

let forgedRefused = false;
try {
  webhooks.constructEvent(payload, header.replace(/v1=\w+/, 'v1=00'), secret);
} catch (error) {
  forgedRefused = error instanceof SoxaraSignatureVerificationError;
}

console.log(
  JSON.stringify({
    exports: Object.keys(soxaraNode).sort(),
    hasPayments: typeof client.payments.create === 'function',
    defaultIsSoxara: sameClass === Soxara,
    verifiedType: event.type,
    forgedRefused,
  }),
);
