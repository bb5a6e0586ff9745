// Number formatting as Streamlit's widgets show numbers: a printf-style `format` prop, else as many
// decimals as the widget's step has. Pure functions.

/** The number of decimals `step` has ("0.05" → 2, "1e-3" → 3, "5" → 0), null when it is not a number. */
export function decimals(step) {
  if (step == null) return null;
  const text = String(step).trim().toLowerCase();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(text)) return null;
  const [mantissa, exponent] = text.split('e');
  const fraction = (mantissa.split('.')[1] || '').length;
  return Math.max(0, fraction - (exponent ? Number(exponent) : 0));
}

/** A printf-style number format ("%d", "%.2f", "%+.1e", "%05.1f%%", ...), or null when `format` has none. */
export function printf(format, n) {
  let used = false;
  const text = format.replace(/%([-+ 0#,]*)(\d+)?(?:\.(\d+))?([diufFeEgGs%])/g, (m, flags, width, precision, conv) => {
    if (conv === '%') return '%';
    used = true;
    const p = precision == null ? undefined : Number(precision);
    let s;
    switch (conv) {
      case 'd': case 'i': case 'u': s = String(Math.trunc(n)); break;
      case 'f': case 'F': s = n.toFixed(Math.min(p ?? 6, 20)); break;
      case 'e': case 'E': s = n.toExponential(Math.min(p ?? 6, 20)); break;
      case 'g': case 'G': s = String(Number(n.toPrecision(Math.max(1, Math.min(p ?? 6, 21))))); break;
      default: s = String(n);
    }
    if (conv === 'E' || conv === 'G') s = s.toUpperCase();
    if (flags.includes(',')) s = s.replace(/^(-?)(\d+)/, (all, sign, int) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    if (flags.includes('+') && n >= 0) s = '+' + s;
    else if (flags.includes(' ') && n >= 0) s = ' ' + s;
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0')) s = s.replace(/^([-+ ]?)/, (sign) => sign + '0'.repeat(w - s.length));
      else s = s.padStart(w);
    }
    return s;
  });
  return used ? text : null;
}

/** A number as a widget shows it: its format prop, else as many decimals as its step has. */
export function formatNumber(n, format, step) {
  if (n == null || !Number.isFinite(n)) return '';
  if (format) {
    const s = printf(format, n);
    if (s != null) return s;
  }
  const d = decimals(step);
  return d == null ? String(n) : n.toFixed(Math.min(d, 20));
}
