/**
 * The frame of every page: one stylesheet, no inline styles, scripts only with the request's nonce.
 * The customer's pages link only the shop; the merchant's orders page (`audience: 'merchant'`) links
 * itself, so the customer never meets a link meant for the shop's staff.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function layout(title: string, body: Html, audience: 'customer' | 'merchant' = 'customer'): Html {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title} · Kpelle Coffee (Soxara demo shop)</title>
    <link rel="stylesheet" href="/static/shop.css">
  </head>
  <body>
    <header class="site-header">
      <a class="brand" href="/">Kpelle Coffee</a>
      <nav aria-label="Shop"><a href="/">Shop</a>${audience === 'merchant' ? html` <a href="/orders" aria-current="page">Orders</a>` : ''}</nav>
    </header>
    <main id="main">${body}</main>
    <footer class="site-footer"><p>A demo shop in Soxara's test mode. No real money moves.</p></footer>
  </body>
</html>`;
}

/**
 * A value as a JavaScript literal inside an inline `<script>`: JSON, with `<` escaped so that no string
 * can close the script element.
 */
export function jsLiteral(value: unknown): HtmlEscapedString {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}
