// Bringing part of a screen into view by scrolling only the panel that holds
// it. The window's frame (header, navigation) is fixed and its main area
// clips; Element.scrollIntoView would also scroll those clipping boxes and
// slide the whole app, leaving an empty band.

/** Scrolls the nearest scrolling ancestor of `el` so that `el` is at its top, `margin` pixels below it. */
export function scrollToTopOfPanel(el: HTMLElement, margin = 8): void {
  for (let box = el.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight) {
      box.scrollTop -= box.getBoundingClientRect().top - el.getBoundingClientRect().top + margin;
      return;
    }
  }
}
