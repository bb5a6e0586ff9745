// The widget kinds (data-sl-kind) and their handlers: a new kind of value widget is one entry here, next
// to its template fragment and its drawer on the server. A handler has:
//   read(root, fields, known)  the value the fields show in the wire format of docs/protocol.md, undefined
//                              when they hold no valid value (a half-typed number); known() is the value
//                              this tab believes the server has
//   show(root, fields, value)  puts a wire value into the fields
//   decorate(root, fields)     optional: readouts, counters, step buttons, after every change
//   normal(value)              optional: the form two equal values compare in (colour hex in lower case)
//   refuse(root, fields, value) optional: why a value cannot be sent (a notice), or null
//   onInput(root, fields, field) optional: called on every input event, before decorate
//   commitsOnClick             a change commits at once (no typing state)
//   enter                      'commit': Enter commits; 'with-modifier': Ctrl/Cmd+Enter commits
//   enterSubmitsForm           Enter also submits its form (data-sl-enter-to-submit)
//   typedInParts               a change while typing (date digits) waits for Enter or blur
//   uploads                    a change of its file field uploads the files (uploads.js)
//   onEnter(root, event, api)  optional: handles Enter itself (api: { commitWidget, rerun } of values.js)
//   onClick(root, target, event, api) optional: handles a click inside the widget; true when it did

import { numberInput, rangeSlider, slider } from './numbers.js';
import { textArea, textInput } from './text.js';
import { checkbox, multiselect, radio, selectbox, toggle } from './choices.js';
import { colorPicker, dateInput, timeInput } from './pickers.js';
import { fileUploader } from './uploader.js';
import { selectSlider } from './selectSlider.js';
import { chatInput } from './chatInput.js';
import { feedback } from './feedback.js';
import { pills } from './pills.js';

export const KINDS = new Map([
  ['number_input', numberInput],
  ['slider', slider],
  ['range_slider', rangeSlider],
  ['select_slider', selectSlider],
  ['text_input', textInput],
  ['text_area', textArea],
  ['checkbox', checkbox],
  ['toggle', toggle],
  ['radio', radio],
  ['selectbox', selectbox],
  ['multiselect', multiselect],
  ['pills', pills],
  ['segmented_control', pills],
  ['date_input', dateInput],
  ['time_input', timeInput],
  ['color_picker', colorPicker],
  ['file_uploader', fileUploader],
  ['chat_input', chatInput],
  ['feedback', feedback],
]);

/** The handler of a widget root, undefined for an unknown kind. */
export function handlerOf(root) {
  return KINDS.get(root.dataset.slKind);
}
