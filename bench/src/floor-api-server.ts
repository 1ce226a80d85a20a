/**
 * The API floor: the least a Node HTTP server can do for the load test's two requests — read the JSON
 * body and answer a payment-shaped JSON — with no routing library, validation or SQLite. Run as its own
 * process (like the sandbox) so the load generator does not share its event loop. Port: argv[2].
 */
import { createServer } from 'node:http';

const payment = JSON.stringify({ success: true, data: { id: 'pi_floor', client_secret: 'pi_floor_secret_floor', status: 'succeeded' } });

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString() || '{}');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(payment);
  });
}).listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
