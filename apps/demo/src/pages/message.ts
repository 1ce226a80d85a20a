/** A page that only says one thing: an error or a notice. */
import { html } from 'hono/html';
import { layout, type Html } from './layout.ts';

export function messagePage(title: string, message: string, kind: 'error' | 'info' = 'error'): Html {
  return layout(
    title,
    html`<h1>${title}</h1>
<p role="${kind === 'error' ? 'alert' : 'status'}">${message}</p>
<p><a href="/">Back to the shop</a></p>`,
  );
}
