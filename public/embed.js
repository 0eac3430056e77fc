/*! Smarketing Workspace embedded form. */
/*
 * <script async src="https://APP/embed.js" data-form="FORM_ID"></script>
 * Draws the form where the script tag is, in the page's language (data-lang="it" to choose), with the site's own
 * fonts and colours; sends it to the app, with the tracking snippet's visitor id when the page has one.
 */
(() => {
  const script = document.currentScript;
  if (!script) return;
  const formId = script.getAttribute("data-form") || "";
  const lang = (script.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "en")
    .slice(0, 2)
    .toLowerCase();
  const endpoint = `${new URL(script.src).origin}/api/forms/${encodeURIComponent(formId)}`;
  const root = document.createElement("div");
  root.className = "smk-form";
  script.after(root);

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) if (child) node.append(child);
    return node;
  }
  function style() {
    if (document.getElementById("smk-form-style")) return;
    const css =
      ".smk-form form>div{margin:0 0 1em}.smk-form label{display:block;font-weight:600;margin-bottom:.25em}" +
      ".smk-form input:not([type=checkbox]),.smk-form select,.smk-form textarea{box-sizing:border-box;width:100%;" +
      "padding:.5em;font:inherit;border:1px solid #94a3b8;border-radius:6px}.smk-form .smk-consent label{" +
      "display:flex;align-items:flex-start;gap:.5em;font-weight:400}.smk-form .smk-consent input{margin-top:.25em}.smk-form .smk-help{font-size:.85em;opacity:.8;margin:.25em 0 0}" +
      ".smk-form .smk-error{color:#b91c1c;font-size:.9em;margin:.25em 0 0}.smk-form button{font:inherit;" +
      "padding:.6em 1.2em;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}" +
      ".smk-form button[disabled]{opacity:.6}";
    document.head.append(el("style", { id: "smk-form-style", textContent: css }));
  }
  function visitorId() {
    try {
      return localStorage.getItem("smk_vid") || "";
    } catch (_) {
      return "";
    }
  }

  function render(spec) {
    style();
    const errors = {};
    const form = el("form", { noValidate: true });
    form.setAttribute("aria-label", spec.name);
    spec.fields.forEach((field, index) => {
      const id = `smk-${formId}-${index}`;
      const control = el(field.control, { id: id, name: field.name, required: field.required });
      if (field.control === "input") {
        control.type = field.type;
        if (field.autocomplete) control.autocomplete = field.autocomplete;
      }
      if (field.control === "select") {
        control.append(el("option", { value: "", textContent: spec.texts.choose }));
        for (const option of field.options)
          control.append(el("option", { value: option.value, textContent: option.label }));
      }
      if (field.control === "textarea") control.rows = 4;
      const help = field.help ? el("p", { id: `${id}-help`, className: "smk-help", textContent: field.help }) : null;
      const error = el("p", { id: `${id}-error`, className: "smk-error", hidden: true });
      errors[field.name] = { control: control, error: error, help: help };
      form.append(
        el("div", {}, [
          el("label", { htmlFor: id, textContent: field.label + (field.required ? " *" : "") }),
          control,
          help,
          error,
        ]),
      );
    });
    // Honeypot: out of sight and out of reach for people and assistive technology; bots fill every field.
    const trap = el("div", {}, [el("input", { name: spec.honeypot, type: "text", tabIndex: -1, autocomplete: "off" })]);
    trap.setAttribute("aria-hidden", "true");
    Object.assign(trap.style, {
      position: "absolute",
      left: "-10000px",
      width: "1px",
      height: "1px",
      overflow: "hidden",
    });
    form.append(trap, el("input", { type: "hidden", name: spec.started.name, value: spec.started.value }));
    if (spec.consent) {
      const box = el("input", {
        type: "checkbox",
        name: spec.consent.name,
        value: "on",
        required: spec.consent.required,
      });
      const error = el("p", { id: `smk-${formId}-consent-error`, className: "smk-error", hidden: true });
      errors[spec.consent.name] = { control: box, error: error };
      form.append(
        el("div", { className: "smk-consent" }, [
          el("label", {}, [box, el("span", { textContent: spec.consent.text })]),
          error,
        ]),
      );
    }
    const alert = el("p", { className: "smk-error", hidden: true });
    alert.setAttribute("role", "alert");
    const button = el("button", { type: "submit", textContent: spec.texts.send });
    form.append(alert, button);

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = new URLSearchParams(new FormData(form));
      body.set("lang", spec.locale);
      body.set("page", location.href);
      const vid = visitorId();
      if (vid) body.set("vid", vid);
      button.disabled = true;
      button.textContent = spec.texts.sending;
      alert.hidden = true;
      fetch(endpoint, { method: "POST", body: body, credentials: "omit" })
        .then((response) => response.json().then((result) => ({ status: response.status, result: result })))
        .then(({ result }) => {
          if (result.status === "sent") {
            if (result.redirectUrl) location.assign(result.redirectUrl);
            const thanks = el("p", { textContent: result.thankYou });
            thanks.setAttribute("role", "status");
            root.replaceChildren(thanks);
            return;
          }
          let first = null;
          for (const name of Object.keys(errors)) {
            const entry = errors[name];
            const message = result.fieldErrors?.[name];
            entry.error.hidden = !message;
            entry.error.textContent = message || "";
            if (message) entry.control.setAttribute("aria-invalid", "true");
            else entry.control.removeAttribute("aria-invalid");
            const described = [entry.help?.id, message ? entry.error.id : ""].filter(Boolean).join(" ");
            if (described) entry.control.setAttribute("aria-describedby", described);
            else entry.control.removeAttribute("aria-describedby");
            if (message && !first) first = entry.control;
          }
          if (first) first.focus();
          else fail(result.status === "closed" ? spec.texts.closed : spec.texts.failed);
        })
        .catch(() => fail(spec.texts.failed))
        .finally(() => {
          button.disabled = false;
          button.textContent = spec.texts.send;
        });
    });
    function fail(message) {
      alert.textContent = message;
      alert.hidden = false;
    }
    for (const name of Object.keys(errors)) {
      const entry = errors[name];
      if (entry.help) entry.control.setAttribute("aria-describedby", entry.help.id);
    }
    root.replaceChildren(form);
  }

  fetch(`${endpoint}?lang=${encodeURIComponent(lang)}`, { credentials: "omit" })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then(render)
    .catch(() => {
      root.textContent = lang === "it" ? "Il modulo non è disponibile." : "This form is not available.";
    });
})();
