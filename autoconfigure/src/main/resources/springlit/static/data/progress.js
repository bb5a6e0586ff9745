// Progress bars: a re-rendered bar starts at the width of the one it replaces, then grows (a CSS transition).

export function progressState(root) {
  return root.querySelector('.sl-progress-bar')?.style.width || null;
}

export function initProgress(root, width) {
  const bar = root.querySelector('.sl-progress-bar');
  if (!bar || !width || bar.style.width === width) return;
  const target = bar.style.width;
  bar.style.transition = 'none';
  bar.style.width = width;
  void bar.offsetWidth; // commit the start width
  bar.style.transition = '';
  bar.style.width = target;
}
