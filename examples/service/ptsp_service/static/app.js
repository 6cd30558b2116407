// Shared helpers of the service's pages: language, API calls with the
// library's error shape, rendering of bilingual labels. No framework.

export const lang = () => localStorage.getItem("ptsp-lang") || "id";

export function setLang(l) {
  localStorage.setItem("ptsp-lang", l);
  location.reload();
}

/** A bilingual label {id, en} (or plain text) in the page's language. */
export const t = (label) => (label && typeof label === "object" ? label[lang()] ?? label.id : label ?? "");

/** The page's own texts: {key: [id, en]}. */
export const tr = (texts) => (key) => (texts[key] ? texts[key][lang() === "en" ? 1 : 0] : key);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message?.[lang()] ?? body?.message?.en ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.code = body?.code;
  }
}

/** Calls the API; errors are ApiError with the library's code. */
export async function api(path, { method = "GET", json, form, key, headers = {} } = {}) {
  const init = { method, headers: { ...headers }, credentials: "same-origin" };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers["content-type"] = "application/json";
  }
  if (form) init.body = form;
  if (key) init.headers["idempotency-key"] = key;
  const res = await fetch(path, init);
  const body = res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** A notice with the message of an error (and its problems). */
export function showError(where, e) {
  const items = (e.body?.errors || []).map((p) => el("li", {}, `${p.path}: ${lang() === "en" ? p.message : p.message_id ?? p.message}`));
  where.replaceChildren(
    el("div", { class: "notice bad", role: "alert" }, el("strong", {}, e.message), " ", el("code", {}, e.code || ""), items.length ? el("ul", {}, items) : ""),
  );
}

export function header(title) {
  const T = tr({ form: ["Konsultasi / Pengaduan", "Consultation / complaint"], permit: ["Permohonan izin", "Permit application"],
    track: ["Lacak", "Track"], survey: ["Survei IKM", "Satisfaction survey"], staff: ["Petugas", "Staff"] });
  const h = el("header", {},
    el("a", { class: "brand", href: "/" }, "DPMPTSP Jawa Timur — JOSS"),
    el("a", { href: "/form" }, T("form")), el("a", { href: "/permit" }, T("permit")), el("a", { href: "/track" }, T("track")),
    el("a", { href: "/survey" }, T("survey")), el("a", { href: "/inbox" }, T("staff")),
    el("select", { "aria-label": "Bahasa / Language", onchange: (ev) => setLang(ev.target.value) },
      el("option", { value: "id", selected: lang() === "id" }, "Bahasa Indonesia"), el("option", { value: "en", selected: lang() === "en" }, "English")));
  document.body.prepend(h);
  document.documentElement.lang = lang();
  document.title = title;
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString(lang() === "en" ? "en-GB" : "id-ID", { timeZone: "Asia/Jakarta", dateStyle: "medium", timeStyle: "short" }) : "—");

export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());
