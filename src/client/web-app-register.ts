// The hub's service worker (docs/web-app.md), at the root of the base path so it serves the whole hub.
navigator.serviceWorker?.register(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sw.js`);
