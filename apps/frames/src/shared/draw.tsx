/**
 * How every frame draws its Preact tree: one effect renders `App`, and renders it again whenever a
 * signal read during that render changes (Preact's diff keeps the DOM, focus and the caret). The frames
 * use `@preact/signals-core` alone, not `@preact/signals` and its per-component tracking, for the card
 * frame's size budget (apps/frames/README.md).
 *
 * So components read their signals while they render: a read in a handler, or in an update that a
 * hook's own state started, is not tracked.
 */
import { render, type FunctionComponent } from 'preact';
import { effect } from '@preact/signals-core';

export function drawWithSignals(App: FunctionComponent, root: HTMLElement): void {
  // A new element each time: Preact skips a tree whose element is the one it drew last.
  effect(() => render(<App />, root));
}
