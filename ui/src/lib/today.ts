// One local "today": the shell's, the same date it gives the core, never the
// window's own clock. The forms open on it.
import { readable } from 'svelte/store';

import * as api from './api';

/**
 * Today as the shell says it (YYYY-MM-DD), '' until it has answered. Asked
 * when a form first needs it, and forgotten when no form needs it any more,
 * so a window left open overnight does not offer yesterday.
 */
export const today = readable('', (set) => {
  let live = true;
  api.today().then(
    (day) => {
      if (live) set(day);
    },
    // The shell's clock cannot fail; without an answer the date stays empty
    // and the form asks for one.
    () => {},
  );
  return () => {
    live = false;
    set('');
  };
});

/** Calls `use` with today once the shell has said it; returns the unsubscribe. */
export function onToday(use: (day: string) => void): () => void {
  return today.subscribe((day) => {
    if (day) use(day);
  });
}
