// Tests for the shared confirm box: its accessible markup, and which handler each button and key calls.
import { describe, expect, it, vi } from 'vitest';
import type { HTMLAttributes, KeyboardEvent, ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ConfirmBox, type ConfirmBoxProps } from '../../../src/ui/confirm-box';

function setup(overrides: Partial<ConfirmBoxProps> = {}) {
  const onYes = vi.fn();
  const onNo = vi.fn();
  const props: ConfirmBoxProps = { text: 'Delete “Nubian”?', yes: 'Delete zone', no: 'Cancel', onYes, onNo, ...overrides };
  return { props, onYes, onNo };
}

/** The box's element tree (ConfirmBox uses no hooks, so it can be called directly). */
function tree(props: ConfirmBoxProps) {
  const root = ConfirmBox(props) as ReactElement<HTMLAttributes<HTMLDivElement>>;
  const children = (root.props.children as ReactElement<HTMLAttributes<HTMLElement>>[]).filter(Boolean);
  const buttons = children.filter((child) => child.type === 'button') as ReactElement<HTMLAttributes<HTMLButtonElement>>[];
  return { root, yesButton: buttons[0], noButton: buttons[1] };
}

const key = (k: string) => ({ key: k, preventDefault: vi.fn() }) as unknown as KeyboardEvent<HTMLDivElement>;

describe('ConfirmBox', () => {
  it('is a group named by its question, with the question and both buttons visible', () => {
    const html = renderToStaticMarkup(<ConfirmBox {...setup().props} className="zones-confirm" testIds={{ yes: 'zone-confirm', no: 'zone-confirm-cancel' }} />);
    expect(html).toBe(
      '<div class="zones-confirm" role="group" aria-label="Delete “Nubian”?"><p>Delete “Nubian”?</p>' +
        '<button type="button" data-testid="zone-confirm">Delete zone</button>' +
        '<button type="button" data-testid="zone-confirm-cancel" autofocus="">Cancel</button></div>',
    );
  });

  it('puts the focus on cancel, the safe choice, when it appears', () => {
    const { noButton, yesButton } = tree(setup().props);
    expect(noButton?.props.autoFocus).toBe(true);
    expect(yesButton?.props.autoFocus).toBeUndefined();
  });

  it('calls onYes from the confirm button and onNo from cancel', () => {
    const { props, onYes, onNo } = setup();
    const { yesButton, noButton } = tree(props);
    yesButton?.props.onClick?.({} as never);
    expect(onYes).toHaveBeenCalledTimes(1);
    expect(onNo).not.toHaveBeenCalled();
    noButton?.props.onClick?.({} as never);
    expect(onNo).toHaveBeenCalledTimes(1);
    expect(onYes).toHaveBeenCalledTimes(1);
  });

  it('cancels on Escape and ignores other keys', () => {
    const { props, onYes, onNo } = setup();
    const { root } = tree(props);
    const enter = key('Enter');
    root.props.onKeyDown?.(enter);
    expect(onNo).not.toHaveBeenCalled();
    expect(enter.preventDefault).not.toHaveBeenCalled();
    const escape = key('Escape');
    root.props.onKeyDown?.(escape);
    expect(onNo).toHaveBeenCalledTimes(1);
    expect(escape.preventDefault).toHaveBeenCalled();
    expect(onYes).not.toHaveBeenCalled();
  });

  it('uses a generic class name by default', () => {
    expect(renderToStaticMarkup(<ConfirmBox {...setup().props} />)).toMatch(/^<div class="confirm-box"/);
  });
});
