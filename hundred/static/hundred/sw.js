// Hundred's service worker: the app shell (stylesheet, scripts, icons, the offline page) is kept
// so the app starts quickly and says plainly when there is no connection. Besides files under
// the static folder it keeps one page, the last Today loaded online, to be read offline with
// its buttons off; never another page, never a download (docs/security.md says why).
// The view at /sw.js (hundred/network/views/app.py) puts VERSION, STATIC and SHELL above this.
/* global VERSION, STATIC, SHELL */
"use strict";

var CACHE = "hundred-shell-" + VERSION;
var OFFLINE = STATIC + "hundred/offline.html";
// Today's copy lives in a cache of its own, under the one key "/": a new copy replaces the old.
// Only a response with this header is kept; the Today view sends it, with whose page it is.
var TODAY = "hundred-today";
var OFFLINE_COPY = "Hundred-Offline-Copy";

// Keep a signed-in Today for offline reading, marked as the copy (app.js then shows the banner
// and turns every control off). Its headers go with it, the Content-Security-Policy above all,
// but not the transfer encoding of the body read here.
function keepToday(response) {
  if (response.status !== 200 || !response.headers.get(OFFLINE_COPY)) return Promise.resolve();
  var headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  return response.text().then(function (html) {
    var copy = html.replace('data-copy="live"', 'data-copy="offline"');
    return caches.open(TODAY).then(function (cache) {
      return cache.put("/", new Response(copy, { status: 200, headers: headers }));
    });
  });
}

function offlinePage() {
  return caches.match(OFFLINE);
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); })
  );
});

// A new version's shell replaces the old one's; Today's copy goes with it (it links the old
// version's files) and is kept again at the next Today loaded online.
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return (key.indexOf("hundred-shell-") === 0 && key !== CACHE) || key === TODAY;
      }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf(STATIC) === 0) {
    // A static file: from the shell if it is there, else from the network (and kept).
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        });
      });
    }));
  } else if (request.mode === "navigate" && url.pathname === "/" && !url.search) {
    // Today: from the network, and kept; without a network, the kept copy if there is one.
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(keepToday(response.clone()));
      return response;
    }, function () {
      return caches.open(TODAY).then(function (cache) { return cache.match("/"); })
        .then(function (copy) { return copy || offlinePage(); });
    }));
  } else if (request.mode === "navigate") {
    // Any other page: always from the network, never stored; without a network, the offline page.
    event.respondWith(fetch(request).catch(offlinePage));
  }
});
