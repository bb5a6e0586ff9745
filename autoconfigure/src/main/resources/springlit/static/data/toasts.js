// Toasts (.sl-toast): fixed notifications stacked by the client; data-sl-faded="true" once gone (closed, or
// at the end of their fade-out animation).

const TOAST_GAP_PX = 8;

/** Stacks the visible toasts upwards from the bottom right corner, newest at the bottom. */
export function layoutToasts() {
  const toasts = [...document.querySelectorAll('.sl-toast:not([data-sl-faded])')];
  let offset = 0;
  for (let i = toasts.length - 1; i >= 0; i--) {
    const toast = toasts[i];
    toast.style.setProperty('--sl-toast-offset', `${offset}px`);
    offset += toast.offsetHeight + TOAST_GAP_PX;
  }
}

export function onToastAnimationEnd(event) {
  const toast = event.target;
  if (!(toast instanceof Element) || !toast.matches('.sl-toast') || event.animationName !== 'sl-toast-out') return;
  toast.setAttribute('data-sl-faded', 'true');
  layoutToasts();
}

/** A click on a toast's close button. Returns true when the click was one. */
export function onToastClick(target) {
  const close = target.closest('.sl-toast-close');
  if (!close) return false;
  const toast = close.closest('.sl-toast');
  if (toast) {
    toast.setAttribute('data-sl-faded', 'true');
    layoutToasts();
  }
  return true;
}
