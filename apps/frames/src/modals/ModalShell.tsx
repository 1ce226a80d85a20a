/**
 * The dialog every modal view lives in: `role="dialog"`, `aria-modal`, labelled by the view's
 * heading (`MODAL_TITLE_ID`), focus moved in on open and trapped, Escape → cancel.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { trapTab } from './focus-trap.ts';

export const MODAL_TITLE_ID = 'sx-modal-title';
export const MODAL_DESCRIPTION_ID = 'sx-modal-description';

interface Props {
  onCancel(): void;
  /** Changes when the view changes, to move focus to the new content. */
  viewKey: string;
  children: ComponentChildren;
}

export function ModalShell({ onCancel, viewKey, children }: Props) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const initial = el.querySelector<HTMLElement>('[data-autofocus]') ?? el;
    initial.focus();
  }, [viewKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onCancel();
      } else if (dialog.current) {
        trapTab(dialog.current, event);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);

  return (
    <div class="sx-backdrop">
      <div
        ref={dialog}
        class="sx-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={MODAL_TITLE_ID}
        aria-describedby={MODAL_DESCRIPTION_ID}
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
