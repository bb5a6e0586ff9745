// Page paths and browser addresses. The server names pages by their path inside the app ("/", "/counter");
// the browser shows them under the app's base, which the shell's <base href> carries ("/", "/app/", or a
// proxy's "/myapp/app/"). Every URL the server puts in the page is relative to that base, so only the address
// bar and the page names in messages need this translation. The CSRF header of Spring Security, when the shell
// carries its meta tags, goes on every HTTP write.

/** The app's base path, ending in "/": the path of the document's base URL. */
export function basePath(baseURI = document.baseURI) {
  const path = new URL(baseURI).pathname;
  return path.endsWith('/') ? path : path.slice(0, path.lastIndexOf('/') + 1);
}

/** The page path ("/counter") of a browser path ("/app/counter") under `base`; outside it, the path itself. */
export function pageOf(pathname, base = basePath()) {
  if (pathname.startsWith(base)) return '/' + pathname.slice(base.length);
  if (pathname + '/' === base) return '/';
  return pathname;
}

/** The browser path ("/app/counter") of page `page` ("/counter") under `base`. */
export function addressOf(page, base = basePath()) {
  return base + String(page).replace(/^\/+/, '');
}

/**
 * The headers an HTTP write needs: Spring Security's CSRF header when the shell carries
 * <meta name="_csrf"> and <meta name="_csrf_header"> (its standard way), else none.
 */
export function csrfHeaders(doc = document) {
  const header = doc.querySelector('meta[name="_csrf_header"]')?.getAttribute('content');
  const token = doc.querySelector('meta[name="_csrf"]')?.getAttribute('content');
  return header && token ? { [header]: token } : {};
}
