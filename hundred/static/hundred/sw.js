// Hundred's service worker: the app shell (stylesheet, scripts, icons, the offline page) is kept
// so the app starts quickly and says plainly when there is no connection. Only files under
// the static folder are ever cached: never a page, never a download, nothing of anyone's network.
// The view at /sw.js (hundred/network/views/app.py) puts VERSION, STATIC and SHELL above this.
/* global VERSION, STATIC, SHELL */
"use strict";

var CACHE = "hundred-shell-" + VERSION;
var OFFLINE = STATIC + "hundred/offline.html";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); })
  );
});

// A new version's shell replaces the old one's.
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.indexOf("hundred-shell-") === 0 && key !== CACHE;
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
  } else if (request.mode === "navigate") {
    // A page: always from the network, never stored; without a network, the offline page.
    event.respondWith(fetch(request).catch(function () { return caches.match(OFFLINE); }));
  }
});
