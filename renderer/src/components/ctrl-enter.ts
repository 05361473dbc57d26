import type { KeyboardEvent } from 'react';

/**
 * A form's Ctrl+Enter (⌘+Enter) handler that saves from any field. Use it as onKeyDownCapture: it
 * runs before the field sees the key, so Enter on a select saves instead of opening the list.
 */
export function saveOnCtrlEnter(save: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    e.stopPropagation();
    save();
  };
}
