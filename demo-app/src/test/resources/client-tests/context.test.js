// What the tab reports for st.context() (context.js) and which redirects it follows (redirect.js).
import { assertEqual, test } from './assert.js';
import { contextMessage } from '/_springlit/static/context.js';
import { sameOrigin } from '/_springlit/static/redirect.js';

const intl = (zone) => ({ DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone: zone }) }) });

test('the context message carries the languages, the IANA zone and the theme', () => {
  assertEqual(contextMessage({ languages: ['fr-CA', 'fr'], language: 'fr-CA' }, intl('America/Toronto'), true),
    { type: 'context', locales: ['fr-CA', 'fr'], timeZone: 'America/Toronto', theme: 'dark' }, 'message');
});

test('the context message falls back to navigator.language and survives a broken Intl', () => {
  const broken = { DateTimeFormat: () => { throw new Error('no ICU'); } };
  assertEqual(contextMessage({ language: 'de' }, broken, false),
    { type: 'context', locales: ['de'], timeZone: null, theme: 'light' }, 'fallbacks');
  assertEqual(contextMessage({}, intl(undefined), false).locales, [], 'no languages at all');
  assertEqual(contextMessage({ languages: ['en', 7, null] }, intl('UTC'), false).locales, ['en'], 'strings only');
});

test('a redirect is followed only to this origin', () => {
  const base = 'http://app.example:8080/profile';
  assertEqual(sameOrigin('/_springlit/login?page=%2F', base), true, 'relative');
  assertEqual(sameOrigin('http://app.example:8080/logout', base), true, 'absolute, same origin');
  assertEqual(sameOrigin('https://evil.example/', base), false, 'other origin');
  assertEqual(sameOrigin('//evil.example/x', base), false, 'scheme-relative');
  assertEqual(sameOrigin('javascript:alert(1)', base), false, 'script URL');
});
