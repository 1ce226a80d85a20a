/**
 * The way out of every modal view: Cancel ends the wait, and the controller withdraws what is still
 * pending. `autofocus` where nothing else in the view should take focus first (ModalShell.tsx).
 */
interface Props {
  label: string;
  onCancel(): void;
  autofocus?: boolean;
}

export function CancelButton({ label, onCancel, autofocus = false }: Props) {
  return (
    <div class="sx-actions">
      <button type="button" class="sx-button sx-secondary" onClick={onCancel} {...(autofocus ? { 'data-autofocus': true } : {})}>
        {label}
      </button>
    </div>
  );
}
