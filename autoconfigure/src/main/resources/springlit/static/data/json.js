// JSON elements (.sl-json): a re-render keeps the tree open or closed as the user left it, while the
// server's `expanded` stays the same.

export function jsonState(root) {
  const d = root.querySelector('details');
  return d ? { open: d.open, expanded: d.getAttribute('data-sl-expanded') } : null;
}

export function initJson(root, before) {
  const d = root.querySelector('details');
  if (d && before && d.getAttribute('data-sl-expanded') === before.expanded && d.open !== before.open) {
    d.open = before.open;
  }
}
