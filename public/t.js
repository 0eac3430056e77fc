/*! Smarketing Workspace tracking snippet: page views for the workspace's lead scoring. */
/*
 * <script async src="https://APP/t.js" data-site="KEY" data-consent="required"></script>
 * Nothing is stored or sent before consent when data-consent="required"; the cookie banner calls
 * smk("consent", true) (or false to forget the visitor). smk("page") records a view by hand (single-page apps).
 */
(() => {
  const w = window;
  const d = document;
  const script = d.currentScript;
  if (!script || w.__smkLoaded) return;
  w.__smkLoaded = 1;
  const site = script.getAttribute("data-site") || "";
  const needsConsent = script.getAttribute("data-consent") === "required";
  const endpoint = new URL("/api/collect", script.src).href;
  let store = null;
  try {
    // Blocked storage (a sandboxed frame, strict privacy settings) throws on access: then nothing is kept.
    store = w.localStorage;
  } catch (_) {}
  let last = "";

  function get(key) {
    try {
      return store.getItem(key);
    } catch (_) {
      return null;
    }
  }
  function set(key, value) {
    try {
      if (value === null) store.removeItem(key);
      else store.setItem(key, value);
    } catch (_) {}
  }
  function allowed() {
    return !needsConsent || get("smk_consent") === "1";
  }
  function visitor() {
    let id = get("smk_vid");
    if (!id) {
      const bytes = new Uint8Array(16);
      w.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, (b) => (b + 256).toString(36).slice(-2)).join("");
      set("smk_vid", id);
    }
    return id;
  }
  function page(force) {
    if (!allowed() || (!force && location.href === last)) return;
    last = location.href;
    const body = JSON.stringify({
      s: site,
      v: visitor(),
      c: get("smk_consent") === "1",
      u: location.href,
      t: d.title,
      r: d.referrer,
    });
    if (!navigator.sendBeacon?.(endpoint, body)) {
      fetch(endpoint, { method: "POST", body: body, mode: "no-cors", keepalive: true, credentials: "omit" });
    }
  }
  function command(name, value) {
    if (name === "consent") {
      const before = allowed();
      set("smk_consent", value === false ? null : "1");
      if (value === false) set("smk_vid", null);
      else if (!before) page(true);
    } else if (name === "page") page(true);
  }

  const queued = w.smk?.q || [];
  w.smk = (name, value) => command(name, value);
  for (let i = 0; i < queued.length; i++) command(queued[i][0], queued[i][1]);

  // Single-page sites change the address without loading a page.
  const push = history.pushState;
  history.pushState = function (...args) {
    push.apply(this, args);
    setTimeout(page, 0);
  };
  w.addEventListener("popstate", () => page());
  page();
})();
