/**
 * A merchant's server, written against the installed `@soxara/node` only: `POST /checkout` creates a
 * payment and confirms it, `POST /webhooks` verifies Soxara's signature before trusting an event.
 * On start it registers its own webhook endpoint (as a deploy script would) and prints one JSON line
 * `{"listening": url}`; every verified event is printed as `{"webhook": type, "payment": id}`.
 *
 * The confirm sends a sandbox test card from the server, which only test mode allows: a real server
 * never sees card numbers (the customer types them into Soxara's frames). It keeps this check to one
 * process without a browser.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Soxara, SoxaraError, SoxaraSignatureVerificationError, type Payment, type SoxaraEvent } from '@soxara/node';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const soxara = new Soxara(required('SOXARA_SECRET_KEY'), { baseUrl: required('SOXARA_API_URL') });
let webhookSecret: string | null = null;

interface CheckoutRequest {
  orderId: string;
  amount: number;
}

async function checkout({ orderId, amount }: CheckoutRequest): Promise<Payment> {
  const payment = await soxara.payments.create(
    { amount, currency: 'USD', description: `Order #${orderId}`, metadata: { order_id: orderId } },
    { idempotencyKey: `order-${orderId}-v1` },
  );
  const card = { number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 2, cvc: '123' };
  return soxara.payments.confirm(payment.id, { payment_method: { type: 'card', card } });
}

function paymentOf(event: SoxaraEvent): string | null {
  return event.type.startsWith('payment.') ? event.data.object.id : null;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (request.method === 'POST' && request.url === '/checkout') {
    const payment = await checkout(JSON.parse(body.toString('utf8')) as CheckoutRequest);
    return reply(response, 200, { id: payment.id, status: payment.status, amount: payment.amount });
  }
  if (request.method === 'POST' && request.url === '/webhooks') {
    if (webhookSecret === null) return reply(response, 503, { error: 'not ready' });
    const signature = request.headers['soxara-signature'];
    let event: SoxaraEvent;
    try {
      event = soxara.webhooks.constructEvent(body, typeof signature === 'string' ? signature : undefined, webhookSecret);
    } catch (error) {
      if (error instanceof SoxaraSignatureVerificationError) return reply(response, 400, { error: 'bad signature' });
      throw error;
    }
    console.log(JSON.stringify({ webhook: event.type, payment: paymentOf(event) }));
    return reply(response, 200, { received: true });
  }
  reply(response, 404, { error: 'not found' });
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    const message = error instanceof SoxaraError ? `${error.type}: ${error.message}` : String(error);
    console.error(message);
    if (!response.headersSent) reply(response, 500, { error: message });
  });
});

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  soxara.webhookEndpoints.create({ url: `${url}/webhooks`, enabled_events: ['payment.succeeded'] }).then(
    (endpoint) => {
      webhookSecret = endpoint.secret;
      console.log(JSON.stringify({ listening: url }));
    },
    (error: unknown) => {
      console.error('could not register the webhook endpoint:', error);
      process.exit(1);
    },
  );
});
