// An inline "are you sure?" box: the question, a confirm and a cancel button; focus starts on cancel, Escape cancels.
import type { KeyboardEvent } from 'react';

export type ConfirmBoxProps = {
  /** The question, already translated; also the group's accessible name. */
  text: string;
  /** Label of the confirm button (say what happens: "Delete zone", not "Yes"). */
  yes: string;
  /** Label of the cancel button. */
  no: string;
  onYes: () => void;
  onNo: () => void;
  className?: string;
  /** data-testid of the two buttons. */
  testIds?: { yes?: string; no?: string };
};

/**
 * Not modal: the box sits next to what it is about. Cancel gets the focus when the box appears (the safe choice for
 * a keyboard user who pressed Enter once too often), and Escape anywhere inside the box cancels.
 */
export function ConfirmBox({ text, yes, no, onYes, onNo, className = 'confirm-box', testIds = {} }: ConfirmBoxProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onNo();
  };
  return (
    <div className={className} role="group" aria-label={text} onKeyDown={onKeyDown}>
      <p>{text}</p>
      <button type="button" data-testid={testIds.yes} onClick={onYes}>
        {yes}
      </button>
      <button type="button" data-testid={testIds.no} onClick={onNo} autoFocus>
        {no}
      </button>
    </div>
  );
}
