// Renders a case as the API returns it (the library's redacted view, the
// events the viewer may see, the SLA clocks) and the commands the current
// step allows. Used by the staff page (/case) and the applicant's (/my).

import { api, el, lang, newKey, showError, t, tr, when } from "/static/app.js";

const T = tr({
  status: ["Status", "Status"], step: ["Langkah sekarang", "Current step"], due: ["Batas waktu", "Due"], ticket: ["Isi", "Content"],
  identity: ["Identitas pemohon", "Applicant's identity"], hidden: ["Identitas pemohon tidak ditampilkan untuk unit Anda.", "The applicant's identity is not shown to your unit."],
  history: ["Riwayat", "History"], actions: ["Tindakan", "Actions"], note: ["Catatan / jawaban", "Note / answer"], reject: ["Tolak", "Reject"],
  reason: ["Alasan", "Reason"], assign: ["Tugaskan", "Assign"], lane: ["Jalur", "Lane"], unit: ["Unit", "Unit"], staff: ["Petugas (opsional)", "Staff (optional)"],
  suggested: ["Saran penerusan", "Suggested routing"], correction: ["Kembalikan untuk perbaikan", "Return for correction"], document: ["Dokumen", "Document"],
  tier: ["Tingkat", "Tier"], number: ["Nomor", "Number"], files: ["Berkas", "Files"], answer: ["Jawaban", "Answer"], done: ["Tersimpan.", "Saved."],
  sla: ["Jam layanan", "Service clocks"], by: ["oleh", "by"], nothing: ["Tidak ada tindakan untuk Anda pada langkah ini.", "Nothing for you to do at this step."],
});

/**
 * Renders `data` into `root`; `post(command, version, key)` sends a
 * command, `refresh(message)` loads the case again and renders it with a
 * notice.
 */
export function renderCase(root, data, { roles, post, staffView, refresh, message }) {
  const c = data.case;
  const steps = Object.fromEntries(data.procedure.steps.map((s) => [s.id, s]));
  const current = c.current ? steps[c.current] : null;
  const notice = el("div", { id: "notice", "aria-live": "polite" },
    message ? el("div", { class: "notice ok", role: "status" }, message) : "");
  const parts = [
    el("h1", {}, `${c.id} — ${t(data.procedure.name)}`),
    el("p", {}, `${T("status")}: `, el("strong", { id: "status" }, c.status), current ? ` · ${T("step")}: ` : "", current ? el("span", { id: "current" }, t(current.name)) : ""),
  ];
  if (data.ticket) {
    parts.push(el("h2", {}, T("ticket")), el("p", {}, el("strong", {}, data.ticket.subject)), el("p", { id: "ticket-text" }, data.ticket.text));
    if (staffView) {
      parts.push(data.ticket.identity
        ? el("p", { id: "identity" }, `${T("identity")}: ${Object.values(data.ticket.identity).filter(Boolean).join(" · ")}`)
        : el("p", { id: "identity-hidden", class: "muted" }, T("hidden")));
    }
  }
  const answers = data.events.filter((e) => e.type === "step_completed" && e.note);
  if (answers.length) {
    parts.push(el("h2", {}, T("answer")), el("div", { id: "answers" }, answers.map((e) => el("blockquote", {}, el("p", {}, e.note), el("p", { class: "muted" }, `${when(e.at)} — ${steps[e.step] ? t(steps[e.step].name) : e.step}`)))));
  }
  if (data.files?.length && staffView) {
    parts.push(el("h2", {}, T("files")), el("ul", {}, data.files.map((f) => el("li", {}, el("a", { href: `/api/files/${f.id}` }, `${f.code}: ${f.name}`), ` (${f.bytes} B)`))));
  }
  const open = data.sla.steps.filter((s) => !s.ended && s.due);
  if (open.length) {
    parts.push(el("h2", {}, T("sla")), el("table", {}, open.map((s) => el("tr", {}, el("td", {}, steps[s.step] ? t(steps[s.step].name) : s.step),
      el("td", {}, `${T("due")}: ${when(s.due)}`), el("td", { class: `status-${s.status}` }, s.status)))));
  }
  parts.push(el("h2", {}, T("history")), el("table", { id: "history" }, data.events.map((e) => el("tr", {}, el("td", {}, when(e.at)),
    el("td", {}, e.type.replaceAll("_", " ")), el("td", {}, e.step || e.lane || "", e.outcome ? ` → ${e.outcome}` : "", e.unit ? ` (${e.unit})` : ""),
    el("td", { class: "muted" }, `${T("by")} ${e.actor}`)))));

  // Commands the current step allows this viewer (the server decides).
  const actions = el("div", { id: "actions" });
  const send = async (command) => {
    try {
      await post(command, data.version, newKey());
    } catch (e) {
      showError(notice, e);
      return;
    }
    try {
      await refresh(T("done"));
    } catch (e) { showError(notice, e); }
  };
  const mine = current && current.kind !== "end" && (current.roles || data.procedure.lanes.find((l) => l.id === current.lane)?.roles || []).some((r) => roles.includes(r));
  if (mine && (current.outcomes || []).length) {
    const note = el("textarea", { id: "note", "aria-label": T("note") });
    const form = [el("label", { for: "note" }, T("note")), note];
    let tier = null;
    if (current.sets_tier && data.procedure.tiers) {
      tier = el("select", { id: "tier" }, data.procedure.tiers.map((x) => el("option", { value: x.id }, t(x.name))));
      form.push(el("label", { for: "tier" }, T("tier")), tier);
    }
    // "answer" is the note itself, not a document with a number.
    const outputs = (current.outputs || []).filter((k) => k !== "answer").map((kind) => {
      const input = el("input", { id: `out-${kind}`, placeholder: kind });
      form.push(el("label", { for: `out-${kind}` }, `${T("number")} ${kind.replaceAll("_", " ")}`), input);
      return [kind, input];
    });
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    for (const o of current.outcomes) {
      form.push(el("button", { type: "button", "data-outcome": o.id, onclick: () => send({
        type: "complete_step", step: current.id, outcome: o.id, note: note.value || null, tier: tier ? tier.value : null,
        outputs: outputs.map(([kind, input]) => ({ kind, number: input.value, date: today })),
      }) }, t(o.name) || o.id));
    }
    actions.append(el("fieldset", {}, el("legend", {}, t(current.name)), form));
    if (current.can_reject) {
      const reason = el("input", { id: "reject-reason", "aria-label": T("reason") });
      actions.append(el("fieldset", {}, el("legend", {}, T("reject")), el("label", {}, T("reason")), reason,
        el("button", { type: "button", class: "secondary", onclick: () => send({ type: "reject", step: current.id, reason: reason.value }) }, T("reject"))));
    }
    if (current.correction && staffView) {
      const doc = el("select", { id: "corr-doc" }, (c.documents || []).map((d) => el("option", { value: d.code }, d.code)));
      const reason = el("input", { id: "corr-reason" });
      actions.append(el("fieldset", {}, el("legend", {}, T("correction")), el("label", {}, T("document")), doc, el("label", {}, T("reason")), reason,
        el("button", { type: "button", class: "secondary", onclick: () => send({ type: "return_for_correction", step: current.id, reasons: [{ document: doc.value, reason: reason.value }] }) }, T("correction"))));
    }
  }
  if (staffView && data.assigner && c.status === "active") {
    const lanes = data.procedure.lanes.filter((l) => l.kind !== "applicant");
    const lane = el("select", { id: "assign-lane" }, lanes.map((l) => el("option", { value: l.id, selected: l.kind === "routed_unit" }, t(l.name))));
    const unit = el("input", { id: "assign-unit", list: "units" });
    const staff = el("input", { id: "assign-staff" });
    const sugg = (data.suggestions || []).map((s) => el("li", {}, el("button", { type: "button", class: "secondary", "data-unit": s.unit, onclick: () => { unit.value = s.unit; } }, s.unit),
      " ", s.reasons.map((r) => t(r.text)).join("; ")));
    actions.append(el("fieldset", {}, el("legend", {}, T("assign")),
      sugg.length ? el("div", {}, el("p", {}, T("suggested")), el("ul", { id: "suggestions" }, sugg)) : "",
      el("label", { for: "assign-lane" }, T("lane")), lane, el("label", { for: "assign-unit" }, T("unit")), unit, el("label", { for: "assign-staff" }, T("staff")), staff,
      el("button", { type: "button", id: "assign", onclick: () => send({ type: "assign", lane: lane.value, unit: unit.value || null, staff: staff.value || null }) }, T("assign"))));
  }
  if (!actions.childElementCount) actions.append(el("p", { class: "muted" }, T("nothing")));
  parts.push(el("h2", {}, T("actions")), notice, actions);
  root.replaceChildren(...parts);
}
