// pills and segmented_control (Streamlit's st.pills, st.segmented_control): a row of checkboxes styled as pills
// or as joined buttons (templates/springlit/widgets/pills.html, segmented_control.html).
// The wire value is the chosen option's index or null, or with data-sl-multi the list of chosen indexes in
// option order. Without data-sl-multi, checking a pill unchecks the others, and unchecking the chosen one
// chooses none, as clicking a chosen pill does in Streamlit.

const isMulti = (root) => root.querySelector('[data-sl-multi]') != null;

export const pills = {
  commitsOnClick: true,
  read(root, fields) {
    const chosen = fields.filter((f) => f.checked).map((f) => Number(f.value));
    return isMulti(root) ? chosen : chosen.length ? chosen[0] : null;
  },
  show(root, fields, value) {
    const chosen = new Set((Array.isArray(value) ? value : value == null ? [] : [value]).map(Number));
    for (const f of fields) f.checked = chosen.has(Number(f.value));
  },
  onInput(root, fields, changed) {
    if (isMulti(root) || !changed.checked) return;
    for (const f of fields) if (f !== changed) f.checked = false;
  },
};
