// Chat (widgets/chatInput.js) and feedback (widgets/feedback.js): what is sent and what a click chooses; a chat
// input holds no value, so it is never collected with the other widgets.
import { assertEqual, test } from './assert.js';
import { chatSubmission } from '/_springlit/static/widgets/chatInput.js';
import { ratingAfterClick, starLit } from '/_springlit/static/widgets/feedback.js';
import { collectWidgets } from '/_springlit/static/widgets/values.js';
import { delta, main, set } from './fixtures.js';

test('a chat message is sent as typed unless it is blank or over maxChars', () => {
  assertEqual(chatSubmission('  hi there\n', null), '  hi there\n', 'as typed');
  assertEqual(chatSubmission(' \n\t', null), null, 'blank');
  assertEqual(chatSubmission('', 5), null, 'empty');
  assertEqual(chatSubmission('12345', 5), '12345', 'at the limit');
  assertEqual(chatSubmission('123456', 5), null, 'over the limit');
});

test('a click on a rating chooses it and a click on the chosen one clears it; stars light up to it', () => {
  assertEqual(ratingAfterClick(null, 1), 1, 'choose');
  assertEqual(ratingAfterClick(1, 0), 0, 'change');
  assertEqual(ratingAfterClick(3, 3), null, 'clear');
  assertEqual([0, 1, 2, 3, 4].map((i) => starLit(i, 2)).join(), 'true,true,true,false,false', 'three stars');
  assertEqual(starLit(0, null), false, 'no rating');
});

test('a chat input is not collected with the widget values, a feedback widget is', () => {
  delta([
    set([0, 0], '<div class="sl-el sl-widget sl-widget-chat_input" data-sl-widget="c1" data-sl-kind="chat_input" '
      + 'data-sl-value="null"><div class="sl-chat-input"><textarea data-sl-input>typed</textarea></div></div>'),
    set([0, 1], '<div class="sl-el sl-widget sl-widget-feedback" data-sl-widget="f1" data-sl-kind="feedback" '
      + 'data-sl-value="1"><div class="sl-feedback"><input type="button" data-sl-input data-sl-option="0" '
      + 'aria-pressed="false"><input type="button" data-sl-input data-sl-option="1" aria-pressed="true"></div></div>'),
  ]);
  const values = collectWidgets(main());
  assertEqual(JSON.stringify(values), '{"f1":1}', 'collected');
});
