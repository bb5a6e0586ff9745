// Page paths and addresses under a base (routes.js): the app at the root, under a context path, behind a
// proxy's prefix; and the CSRF header taken from the shell's meta tags.
import { assertEqual, test } from './assert.js';
import { addressOf, basePath, csrfHeaders, pageOf } from '/_springlit/static/routes.js';

test('the base path is the path of the document base URL, ending in a slash', () => {
  assertEqual(basePath('http://h/'), '/', 'root');
  assertEqual(basePath('http://h/app/'), '/app/', 'context path');
  assertEqual(basePath('http://h/myapp/app/'), '/myapp/app/', 'proxy prefix and context path');
  assertEqual(basePath('http://h/app/counter'), '/app/', 'a document URL without <base>');
});

test('a browser path maps to the page path inside the app and back', () => {
  for (const base of ['/', '/app/', '/myapp/app/']) {
    for (const page of ['/', '/counter', '/section/page']) {
      assertEqual(pageOf(addressOf(page, base), base), page, `${page} under ${base}`);
    }
  }
  assertEqual(addressOf('/counter', '/app/'), '/app/counter', 'address');
  assertEqual(addressOf('/', '/app/'), '/app/', 'root page address');
  assertEqual(pageOf('/app', '/app/'), '/', 'the base without its slash');
  assertEqual(pageOf('/elsewhere', '/app/'), '/elsewhere', 'outside the base: unchanged');
});

test('the CSRF header comes from the shell meta tags and is absent without them', () => {
  const doc = document.implementation.createHTMLDocument('t');
  assertEqual(csrfHeaders(doc), {}, 'no meta tags');
  doc.head.innerHTML = '<meta name="_csrf" content="tok"><meta name="_csrf_header" content="X-CSRF-TOKEN">';
  assertEqual(csrfHeaders(doc), { 'X-CSRF-TOKEN': 'tok' }, 'meta tags');
});
