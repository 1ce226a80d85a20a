/** The card frame: the card fields (and optional pay button) on the element frame's two lines. */
import { connectElementFrame } from '../shared/element-frame.ts';
import { drawWithSignals } from '../shared/draw.tsx';
import { createCardState } from './card-state.ts';
import { CardForm } from './CardForm.tsx';

export function startCardFrame(merchantPort: MessagePort, controllerPort: MessagePort, root: HTMLElement): void {
  // The hooks run only once messages arrive, after `card` exists.
  const frame = connectElementFrame(merchantPort, controllerPort, root, {
    focus: () => document.querySelector<HTMLInputElement>('#sx-number')?.focus(),
    clear: () => card.clear(),
    collectCard: () => card.collect(),
    validate: () => {
      const collected = card.collect();
      return 'error' in collected ? collected : { ok: true };
    },
  });
  const card = createCardState(frame.locale);
  frame.reportChanges(card.change, false);

  function App() {
    // Nothing to show before the first configure: the locale and the pay button come with it.
    if (!frame.options.value) return null;
    return <CardForm state={card} {...frame.formProps} />;
  }
  drawWithSignals(App, root);
}
