// feedback (st.feedback, templates/springlit/widgets/feedback.html): toggle buttons [data-sl-option] with
// aria-pressed; the wire value is the chosen index or null. A click chooses and commits at once; a click on the
// chosen button clears the rating. Stars light up to the chosen one.

/** The rating after a click on option `clicked` while `current` is chosen. */
export function ratingAfterClick(current, clicked) {
  return current === clicked ? null : clicked;
}

/** Whether star `index` is lit for `rating` (stars up to the chosen one). */
export function starLit(index, rating) {
  return rating != null && index <= rating;
}

const optionOf = (field) => Number(field.dataset.slOption);

function read(root, fields) {
  const chosen = fields.find((f) => f.getAttribute('aria-pressed') === 'true');
  return chosen ? optionOf(chosen) : null;
}

function show(root, fields, value) {
  for (const f of fields) f.setAttribute('aria-pressed', String(value != null && optionOf(f) === value));
}

function decorate(root, fields) {
  const rating = read(root, fields);
  const stars = root.querySelector('.sl-feedback-stars') != null;
  for (const f of fields) f.classList.toggle('sl-lit', stars && starLit(optionOf(f), rating));
}

export const feedback = {
  commitsOnClick: true,
  read,
  show,
  decorate,
  onClick(root, target, event, { commitWidget }) {
    const option = target.closest('[data-sl-option]');
    if (!option || option.disabled) return false;
    event.preventDefault();
    const fields = [...root.querySelectorAll('[data-sl-input]')];
    show(root, fields, ratingAfterClick(read(root, fields), optionOf(option)));
    commitWidget(root);
    return true;
  },
};
