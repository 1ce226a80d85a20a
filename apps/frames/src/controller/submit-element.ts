/**
 * `elements.submit()`: the element frame checks the fields of the method the customer is on (the card,
 * or the MoMo number) and shows what is wrong there; nothing is sent to the API. A pass is remembered
 * for the deferred form's next confirm (deferred.ts).
 */
import { ELEMENT_UNAVAILABLE, type CallResult, type ControllerCall } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';

export async function submitElement(ctx: ControllerContext, call: Extract<ControllerCall, { method: 'submit-element' }>): Promise<CallResult> {
  const element = ctx.element(call.elementId);
  if (!element) return { error: { ...ELEMENT_UNAVAILABLE } };
  element.send({ type: 'show-error', error: null });
  const checked = await element.validate();
  element.submitted = 'ok' in checked;
  return 'ok' in checked ? { done: true } : { error: checked.error };
}
