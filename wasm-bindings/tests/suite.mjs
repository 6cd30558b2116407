// The JS test suite of ptsp-wasm, shared by the Node runner (node.test.mjs)
// and the browser runner (browser.html, driven by browser.mjs). It must stay
// free of Node-only imports: each runner passes in
//   ptsp     — the initialised module (pkg/ptsp_wasm.js),
//   fixtures — the shared golden fixtures, parsed, keyed by their path
//              under tests/fixtures/ ("calendar/operations.json"),
//   assert   — node:assert/strict in Node, ./assert.mjs in the browser.
//
// Tests marked `full: true` use what only the full package has (the case
// engine, SLA clocks, desk figures, iCalendar, the desk's procedures); every
// other test also runs against the form package (pkg/form/, see
// FORM_EXPORTS), in Node (node-form.test.mjs) and in Chromium
// (browser.html?pkg=form).
//
// The golden cases are those of tests/fixtures.rs, tests/desk_form.rs,
// tests/desk_routing.rs and tests/desk_figures.rs (Rust) and of the Python suite:
// the three layers must give the same answers.

/** The fixture files each runner loads, by path under tests/fixtures/. */
import * as builtin from "../js/builtin.js";

export const FIXTURE_FILES = [
  "calendar/operations.json",
  "calendar/custom-office.json",
  "calendar/invalid-definitions.json",
  "calendar/ical.json",
  "cases/forms.json",
  "cases/invalid-procedures.json",
  "cases/scenarios.json",
  "desk/forms/cases.json",
  "desk/routing/cases.json",
  "desk/scenarios.json",
  "evaluation/compliance.json",
  "evaluation/ikm.json",
  "evaluation/krejcie-morgan.json",
  "hardening/bad-inputs.json",
  "office/facilities.json",
  "office/organisation.json",
  "office/supervision.json",
];

/** Calls `f` and returns what it threw; fails if it returned normally. */
function thrown(assert, f, what) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail(`${what}: expected a throw, got a return`);
}

/** Asserts that `f` throws a PtspError with `code`; returns the error. */
function expectCode(ptsp, assert, code, f, what = code) {
  const e = thrown(assert, f, what);
  assert.ok(e instanceof Error, `${what}: threw a non-Error ${String(e)}`);
  assert.ok(ptsp.isPtspError(e), `${what}: threw ${e.name}: ${e.message}`);
  assert.equal(e.code, code, `${what}: ${e.message}`);
  return e;
}

function calendarFor(ptsp, fixtures, name) {
  switch (name) {
    case "indonesia":
      return ptsp.Calendar.indonesia();
    case "jatim":
      return ptsp.Calendar.jatim();
    default:
      return ptsp.Calendar.fromJson(JSON.stringify(fixtures[`calendar/${name}`]));
  }
}

/** One golden operation, mapped exactly as tests/fixtures.rs maps it. */
function runOp(cal, op, a) {
  switch (op) {
    case "is_working_day":
      return cal.isWorkingDay(a.date);
    case "next_working_day":
      return cal.nextWorkingDay(a.date);
    case "previous_working_day":
      return cal.previousWorkingDay(a.date);
    case "add_working_days":
      return cal.addWorkingDays(a.date, a.n);
    case "working_days_between":
      return cal.workingDaysBetween(a.a, a.b);
    case "deadline": {
      const d = cal.deadline(a.received, a.n, a.policy);
      return {
        late_receipt: d.late_receipt,
        counted_received_at: d.counted_received_at,
        day_one: d.day_one,
        due_date: d.due_date,
        due_at: d.due_at,
      };
    }
    case "add_working_time":
      return cal.addWorkingTime(a.at, a.seconds);
    case "working_time_between":
      return cal.workingTimeBetween(a.a, a.b);
    case "holidays_count":
      return cal.holidays(a.year).length;
    default:
      throw new Error(`unknown op ${op}`);
  }
}

/** Sets the value at a JSON pointer (RFC 6901) inside `doc`, in place. */
function setPointer(doc, pointer, value) {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = keys.pop();
  let at = doc;
  for (const k of keys) {
    if (at === null || typeof at !== "object" || !(k in at)) throw new Error(`no ${pointer}`);
    at = at[k];
  }
  at[last] = value;
}

const JATIM_RECEIVED = "2026-12-23T10:00:00+07:00";

export const tests = [
  {
    name: "organisation, competence (seed §5) and staffing (seed §8) agree with the golden cases",
    full: true,
    fn(ptsp, fixtures, assert) {
      const f = fixtures["office/organisation.json"];
      const org = f.organisation;
      for (const c of f.staffing) {
        const r = ptsp.staffingReport(org, c.as_of, c.settings, f.requirements, c.open_cases);
        assert.deepEqual([r.short, r.single], [c.expect.short, c.expect.single], c.name);
        for (const [sector, want] of Object.entries(c.expect.sectors)) {
          const got = r.sectors.find((s) => s.sector === sector);
          for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${c.name}: ${sector}.${k}`);
        }
      }
      for (const c of f.competence) {
        const r = ptsp.competenceReport(org, f.requirements, c.role, c.sector ?? null, c.as_of, c.within_days);
        assert.deepEqual(r.qualified, c.expect.qualified, c.name);
        assert.deepEqual(
          Object.fromEntries(r.unqualified.map((u) => [u.staff, u.shortfalls.map((s) => s.criterion)])),
          c.expect.unqualified,
          c.name,
        );
        assert.deepEqual(r.expiring.map((x) => [x.staff, x.certificate, x.valid_until, x.days_left]), c.expect.expiring, c.name);
      }
      const setPointer = (doc, pointer, value) => {
        const keys = pointer.slice(1).split("/");
        const last = keys.pop();
        for (const k of keys) doc = doc[k];
        doc[last] = value;
      };
      for (const c of f.invalid) {
        const bad = structuredClone(org);
        for (const [pointer, value] of Object.entries(c.set)) setPointer(bad, pointer, value);
        const e = expectCode(ptsp, assert, "invalid_organisation", () => ptsp.checkOrganisation(bad), c.name);
        assert.equal(e.kind, "office");
        assert.deepEqual(e.errors.map((p) => [p.path, p.code]), c.problems, c.name);
      }
      assert.equal(ptsp.checkOrganisation(org).positions[0].id, "kadis");

      // Seed §6: a permit's check assigned to s-01, at risk then breached.
      const p = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const kase = new ptsp.Case();
      const docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"].map((code) => ({ code, format: "pdf", bytes: 250000 }));
      kase.execute({ actor: { id: "pemohon-1", roles: ["pemohon"] }, at: "2026-12-21T09:00:00+07:00",
        command: { type: "submit", case_id: "IZN-1", documents: docs } }, p, cal);
      kase.execute({ actor: { id: "fo-01", roles: ["front_office"] }, at: "2026-12-21T09:30:00+07:00",
        command: { type: "assign", lane: "ptsp", staff: "s-01" } }, p, cal);
      const risk = ptsp.supervisionEscalations(org, kase, p, cal, "2026-12-28T14:00:00+07:00");
      assert.deepEqual(risk.map((e) => [e.control, e.level, e.position, e.staff]), [["preventive", 1, "kasi-verifikasi", ["s-04"]]]);
      assert.equal(risk[0].deadline, "2026-12-28T16:00:00+07:00");
      const later = ptsp.supervisionEscalations(org, kase, p, cal, "2027-01-15T10:00:00+07:00");
      assert.deepEqual(later.map((e) => [e.level, e.position]), [[1, "kasi-verifikasi"], [2, "kabid-pelayanan"], [3, "kadis"]]);
      // The procedure's policy may stop sooner; a bad one is the procedure's problem.
      const def = JSON.parse(p.toJson());
      def.supervision = { escalation: { max_levels: 2 } };
      assert.equal(ptsp.supervisionEscalations(org, kase, ptsp.Procedure.fromJson(JSON.stringify(def)), cal, "2027-01-15T10:00:00+07:00").length, 2);
      assert.deepEqual(ptsp.supervisorWorklist(org, "kabid-pelayanan", later).map((e) => [e.case, e.level, e.recorded]), [["IZN-1", 3, false]]);
      def.supervision = { escalation: { every: { amount: 0, unit: "working_days" } } };
      const bad = expectCode(ptsp, assert, "invalid_procedure", () => ptsp.Procedure.fromJson(JSON.stringify(def)));
      assert.deepEqual(bad.errors.map((e) => e.path), ["supervision.escalation.every.amount"]);
      // A negative look-ahead is out of range, as in Python.
      expectCode(ptsp, assert, "out_of_range", () => ptsp.competenceReport(org, [], "verifikator", null, "2026-12-01", -1));
      expectCode(ptsp, assert, "out_of_range", () => ptsp.competenceReport(org, [], "verifikator", null, "2026-12-01", 2 ** 40));
      const blank = expectCode(ptsp, assert, "invalid_requirements", () => ptsp.competenceReport(org, [], " ", null, "2026-12-01", 30));
      assert.equal(blank.errors[0].path, "role");
      expectCode(ptsp, assert, "invalid_requirements", () => ptsp.competenceReport(org, [], "verifikator", null, "2026-12-01", 4000));
    },
  },

  {
    name: "the office engine (seed §5, §6) agrees with the shared scenarios",
    full: true,
    fn(ptsp, fixtures, assert) {
      const org = fixtures["office/organisation.json"];
      const f = fixtures["office/supervision.json"];
      const office = new ptsp.Office(org.organisation, org.requirements);
      const cal = ptsp.Calendar.jatim();
      const contains = (actual, expected) => {
        if (Array.isArray(expected)) {
          return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => contains(actual[i], e));
        }
        if (expected !== null && typeof expected === "object") {
          return actual !== null && typeof actual === "object" && Object.entries(expected).every(([k, v]) => k in actual && contains(actual[k], v));
        }
        return actual === expected;
      };
      for (const sc of f.scenarios) {
        const def = JSON.parse(ptsp.Procedure.jatimPermit().toJson());
        if ("qualification" in sc) def.supervision = { qualification: sc.qualification };
        const p = ptsp.Procedure.fromJson(JSON.stringify(def));
        const kase = new ptsp.Case();
        const log = [];
        const run = (request, step, here) => {
          const before = kase.toJson();
          if ("error" in step) {
            expectCode(ptsp, assert, step.error, () => office.execute(kase, request, p, cal), here);
            assert.equal(kase.toJson(), before, `${here}: a refused command changes nothing`);
            return;
          }
          const events = office.execute(kase, request, p, cal);
          assert.ok(contains(events[0], step.event), `${here}: ${JSON.stringify(events[0])}`);
          for (const key of step.absent ?? []) assert.ok(!(key in events[0]), `${here}: ${key}`);
          log.push(...events);
        };
        sc.steps.forEach((step, i) => {
          const here = `${sc.name}, step ${i}`;
          if ("actor" in step) {
            if ("actor_error" in step) {
              expectCode(ptsp, assert, step.actor_error, () => office.actor(step.actor, step.on), here);
              return;
            }
            run({ ...step.do, actor: office.actor(step.actor, step.on) }, step, here);
          } else if ("do" in step) {
            run(step.do, step, here);
          } else if ("engine" in step) {
            expectCode(ptsp, assert, step.error, () => kase.decide(step.engine, p, cal), here);
          } else if ("escalations" in step) {
            const got = office.escalations(kase, p, cal, step.escalations);
            assert.deepEqual(got.map((e) => [e.control, e.level, e.position, e.recorded]), step.expect, here);
          } else if ("worklist" in step) {
            const got = office.worklist(step.worklist, office.escalations(kase, p, cal, step.at));
            assert.deepEqual(got.map((e) => [e.case, e.step, e.level, e.control]), step.expect, here);
          } else if ("replay" in step) {
            assert.equal(ptsp.Case.replay(log, p).toJson(), kase.toJson(), here);
          } else {
            assert.fail(`${here}: unknown step`);
          }
        });
      }
      for (const pick of f.pick_staff) {
        assert.equal(office.pickStaff(pick.role, pick.on, pick.open_cases, pick.unit, pick.sector), pick.expect, JSON.stringify(pick));
      }
      assert.equal(office.shortfalls("s-02", "verifikator", "2026-12-21")[0].en, "certificate “verifikator-perizinan” expired on 2025-05-31");
      assert.deepEqual(office.shortfalls("s-01", "verifikator", "2026-12-21", "kesehatan"), []);
      expectCode(ptsp, assert, "invalid_type", () => office.actor(17, "2026-12-01"));
      const bad = structuredClone(org.organisation);
      bad.staff[0].unit = "nowhere";
      expectCode(ptsp, assert, "invalid_organisation", () => new ptsp.Office(bad, null));
      expectCode(ptsp, assert, "invalid_requirements", () => new ptsp.Office(org.organisation, [{ role: " " }]));
    },
  },

  {
    name: "the satisfaction index (PermenPANRB 14/2017) agrees with the shared cases",
    full: true,
    fn(ptsp, fixtures, assert) {
      const f = fixtures["evaluation/ikm.json"];
      const fig = (x) => ({ index: x.index, converted: x.converted, quality: x.category.quality });
      const figures = (r) => ({
        respondents: r.respondents,
        exact: fig(r.exact),
        with_printed_weight: fig(r.with_printed_weight),
        elements: r.elements.map((e) => [e.id, e.answered, e.total, e.nrr, e.converted]),
        weakest: r.weakest,
      });
      for (const c of f.cases) assert.deepEqual(figures(ptsp.ikm(c.responses)), c.expect, c.name);
      for (const c of f.tallies) assert.deepEqual(figures(ptsp.ikmOfTally(c.tally)), c.expect, c.name);
      const g = f.groups;
      const groups = ptsp.ikmBy(f.cases[g.case].responses, g.by).map((x) =>
        x.result ? { key: x.key, converted: x.result.exact.converted } : { key: x.key, problem: x.problem.code });
      assert.deepEqual(groups, g.expect);
      for (const c of f.invalid) {
        const e = expectCode(ptsp, assert, "invalid_responses", () => ptsp.ikm(c.responses), c.name);
        assert.equal(e.kind, "evaluation");
        assert.deepEqual(e.errors.map((p) => [p.path, p.code]), c.problems, c.name);
      }
      for (const c of f.forms) {
        assert.deepEqual(ptsp.validateSurveyResponse(c.response).map((p) => [p.path, p.code]), c.problems, c.name);
      }
      assert.deepEqual(ptsp.validateSurveyResponse(f.forms[1].response, false), []);
      for (const [n, s] of fixtures["evaluation/krejcie-morgan.json"].rows) assert.equal(ptsp.sampleSize(n), s, `N = ${n}`);
      for (const [n, s] of f.sample_sizes) assert.equal(ptsp.sampleSize(n), s);
      // Tallies merge to the tally of the union.
      const rs = f.cases[1].responses;
      const whole = ptsp.tallyResponses(rs);
      const merged = ptsp.mergeTallies([ptsp.tallyResponses(rs.slice(0, 3)), ptsp.tallyResponses(rs.slice(3))]);
      assert.deepEqual(merged, whole);
      assert.equal(ptsp.ikmOfTally(whole, "printed_weight").used, "printed_weight");
      const s = ptsp.survey();
      assert.deepEqual(s.elements.map((e) => e.id).slice(-2), ["pengaduan", "sarana"]);
      assert.equal(s.source.enacted, null);
      // Bad arguments.
      expectCode(ptsp, assert, "no_respondents", () => ptsp.ikm([]));
      expectCode(ptsp, assert, "invalid_json", () => ptsp.ikm(rs, "median"));
      expectCode(ptsp, assert, "invalid_json", () => ptsp.ikmBy(rs, "week"));
      expectCode(ptsp, assert, "invalid_type", () => ptsp.ikm("responses"));
      expectCode(ptsp, assert, "invalid_type", () => ptsp.validateSurveyResponse(f.forms[0].response, "yes"));
      expectCode(ptsp, assert, "out_of_range", () => ptsp.sampleSize(-1));
      expectCode(ptsp, assert, "invalid_tally", () => ptsp.ikmOfTally({ respondents: 1, sums: [4], counts: [1] }));
    },
  },

  {
    name: "SLA compliance reports: over cases and over their logs alike, merged, as CSV and Markdown",
    full: true,
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const docs = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"].map((code) => ({ code, format: "pdf", bytes: 10000 }));
      const plus = (iso, minutes) => new Date(Date.parse(iso) + minutes * 60000).toISOString().replace(".000Z", "+00:00");
      const permit = (id, filed, checked, staff) => {
        const c = new ptsp.Case();
        const log = [];
        const run = (actor, at, command) => log.push(...c.execute({ actor, at, command }, p, cal));
        run({ id: "pemohon-1", roles: ["pemohon"] }, filed, { type: "submit", case_id: id, documents: docs });
        run({ id: "fo-01", roles: ["front_office"] }, plus(filed, 5), { type: "assign", lane: "ptsp", staff });
        run({ id: "fo-01", roles: ["front_office"] }, plus(filed, 6), { type: "assign", lane: "opd_teknis", unit: "dinkes" });
        if (checked) run({ id: staff, roles: ["verifikator"] }, checked, { type: "complete_step", step: "pemeriksaan", outcome: "lengkap" });
        return [c, JSON.stringify(log)];
      };
      const runs = [
        permit("IZN-1", "2026-12-07T09:00:00+07:00", "2026-12-08T10:00:00+07:00", "s-1"),
        permit("IZN-2", "2026-12-07T09:30:00+07:00", "2026-12-15T11:00:00+07:00", "s-2"),
        permit("IZN-3", "2026-12-14T08:00:00+07:00", null, "s-1"),
      ];
      const period = { from: "2026-12-01", to: "2026-12-31" };
      const now = "2026-12-31T15:00:00+07:00";
      const by = ["step", "staff"];
      const r = ptsp.complianceReport(runs.map(([c]) => c), [p], cal, period, now, by);
      assert.deepEqual(ptsp.complianceFromLogs(runs.map(([, l]) => l), [p], cal, period, now, by), r);
      assert.deepEqual(ptsp.complianceFromLogs(runs.map(([, l]) => l), [p], cal, period, now, by, false), r);
      const parts = [runs.slice(0, 1), runs.slice(1)].map((part) =>
        ptsp.complianceFromLogs(part.map(([, l]) => l), [p], cal, period, now, by));
      assert.deepEqual(ptsp.mergeReports(parts), r);
      const s1 = r.steps.find((row) => row.key[0] === "pemeriksaan" && row.key[1] === "s-1").stats;
      assert.deepEqual([s1.started, s1.finished, s1.on_time, s1.open, s1.breached], [2, 1, 1, 1, 1]);
      assert.ok(Array.isArray(s1.minutes[0]) && s1.minutes[0].length === 2);
      assert.ok(ptsp.reportCsv(r).startsWith("step,staff,started,finished,on_time,late,on_time_percent"));
      assert.ok(ptsp.reportCsv(r, "cases").startsWith("submitted,open,"));
      assert.ok(ptsp.reportMarkdown(r, "en").startsWith("| Step | Staff | Started |"));
      const bad = expectCode(ptsp, assert, "invalid_report", () =>
        ptsp.complianceFromLogs([runs[0][1], "[oops"], [p], cal, period, now, by));
      assert.deepEqual(bad.errors.map((e) => [e.path, e.code]), [["logs[1]", "invalid_json"]]);
      expectCode(ptsp, assert, "invalid_json", () => ptsp.complianceReport([], [p], cal, period, now, ["week"]));
      expectCode(ptsp, assert, "incompatible_reports", () =>
        ptsp.mergeReports([r, ptsp.complianceReport([], [p], cal, period, "2026-12-31T16:00:00+07:00", by)]));
      expectCode(ptsp, assert, "invalid_type", () => ptsp.complianceFromLogs([1], [p], cal, period, now, by));
      // The shared fixture.
      const fx = fixtures["evaluation/compliance.json"];
      const shared = ptsp.complianceFromLogs(fx.logs.map((l) => JSON.stringify(l)), [p], cal, fx.period, fx.now, fx.by);
      const keys = ["started", "finished", "on_time", "late", "open", "breached"];
      assert.deepEqual(shared.steps.map((row) => [row.key, keys.map((k) => row.stats[k]), row.stats.minutes]), fx.steps);
      assert.deepEqual(shared.cases.map((row) => [row.key, row.stats]), fx.cases);
      assert.equal(ptsp.reportCsv(shared).split("\n")[0], fx.csv_header);
      // The published standard and the performance page.
      assert.ok(ptsp.publishStandard([p]).includes("Maksimal 3 hari kerja"));
      const page = ptsp.publishPerformance(ptsp.complianceReport(runs.map(([c]) => c), [p], cal, period, now, ["step", "month"]),
        ptsp.ikm(fixtures["evaluation/ikm.json"].cases[1].responses), "en", "html");
      assert.ok(page.startsWith("<!DOCTYPE html>") && page.includes("<svg"));
      expectCode(ptsp, assert, "invalid_json", () => ptsp.publishStandard([p], "en", "pdf"));
      // Forged reports and tallies are refused, never trusted.
      const forged = structuredClone(r);
      forged.steps[0].key = [];
      forged.steps[1].stats.on_time = forged.steps[1].stats.finished + 1;
      for (const f of [() => ptsp.reportCsv(forged), () => ptsp.reportMarkdown(forged), () => ptsp.mergeReports([r, forged]),
        () => ptsp.publishPerformance(forged, null)]) {
        const e = expectCode(ptsp, assert, "invalid_report", f);
        assert.ok(e.errors.some((p) => p.path.endsWith("steps[0].key")));
      }
      const tally = ptsp.tallyResponses(fixtures["evaluation/ikm.json"].cases[1].responses);
      expectCode(ptsp, assert, "invalid_tally", () => ptsp.ikmOfTally({ ...tally, sums: tally.sums.map((x) => x * 10) }));
      const huge = { respondents: 2 ** 63, sums: Array(9).fill(2 ** 63), counts: Array(9).fill(2 ** 61) };
      expectCode(ptsp, assert, "invalid_tally", () => ptsp.mergeTallies([huge, huge, huge, huge]));
    },
  },

  {
    name: "facilities audits (seed §4) agree with the golden cases",
    full: true,
    fn(ptsp, fixtures, assert) {
      const f = fixtures["office/facilities.json"];
      const inventoryOf = (c) => ("inventory_from" in c ? f.audits[c.inventory_from].inventory : c.inventory);
      for (const c of f.audits) {
        const a = ptsp.auditFacilities(inventoryOf(c), c.options);
        const e = c.expect;
        assert.deepEqual([a.total, a.present, a.inadequate, a.missing], [e.total, e.present, e.inadequate, e.missing], c.name);
        assert.deepEqual([a.rooms, a.equipment], [e.rooms, e.equipment], c.name);
        assert.ok(Math.abs(a.compliance * 33 - e.compliance_times_33) < 1e-9, c.name);
        const line = (id) => a.lines.find((l) => l.item === id);
        for (const [id, status] of Object.entries(e.statuses)) assert.equal(line(id).status, status, `${c.name}: ${id}`);
        for (const [id, reasons] of Object.entries(e.reasons_en ?? {})) {
          assert.deepEqual(line(id).reasons.map((r) => r.en), reasons, `${c.name}: ${id}`);
        }
      }
      const cmp = f.comparison;
      const after = f.audits[cmp.after_from];
      const d = ptsp.compareAudits(ptsp.auditFacilities(cmp.before, after.options), ptsp.auditFacilities(inventoryOf(after), after.options));
      assert.deepEqual([d.improved.length, d.worsened.length, d.unchanged], [cmp.expect.improved, cmp.expect.worsened, cmp.expect.unchanged]);
      assert.ok(Math.abs(d.compliance_change * 33 - cmp.expect.compliance_change_times_33) < 1e-9);
      assert.deepEqual([d.improved[0].item, d.improved[0].before, d.improved[0].after], cmp.expect.first_improved);
      for (const c of f.invalid) {
        const e = expectCode(ptsp, assert, c.code, () => ptsp.auditFacilities(c.inventory, c.options), c.name);
        assert.equal(e.kind, "office", c.name);
        assert.deepEqual(e.errors.map((p) => [p.path, p.code]), c.problems, c.name);
      }
      const list = ptsp.facilitiesChecklist();
      assert.deepEqual([list.items.filter((i) => i.kind === "room").length, list.items.length], [14, 33]);
      assert.equal(list.items[15 + 14].name.id, "Touchscreen IKM");
      expectCode(ptsp, assert, "invalid_type", () => ptsp.auditFacilities("inventory"));
      expectCode(ptsp, assert, "invalid_checklist", () =>
        ptsp.auditFacilities({ office: "x", as_of: "2026-12-01" }, null, { ...list, items: [] }),
      );
    },
  },

  {
    name: "the built-in ids (ptsp-wasm/builtin) name the built-in procedures' steps, outcomes, roles and lanes",
    fn(ptsp, fixtures, assert) {
      const flows = [["permit", "jatimPermit"]];
      if (ptsp.Procedure.jatimConsultation) {
        flows.push(["consultation", "jatimConsultation"], ["complaint", "jatimComplaint"], ["suggestion", "jatimSuggestion"]);
      }
      for (const [name, ctor] of flows) {
        const ids = builtin[name];
        const def = JSON.parse(ptsp.Procedure[ctor]().toJson());
        assert.equal(ids.ID, def.id, name);
        const steps = def.steps.map((x) => x.id);
        const outcomes = def.steps.flatMap((x) => (x.outcomes ?? []).map((o) => o.id));
        const roles = def.roles.map((r) => r.id);
        const lanes = def.lanes.map((l) => l.id);
        assert.deepEqual(Object.values(ids.steps).sort(), [...steps].sort(), `${name} steps`);
        for (const o of Object.values(ids.outcomes)) assert.ok(outcomes.includes(o), `${name} outcome ${o}`);
        assert.deepEqual(Object.values(ids.roles).sort(), [...roles].sort(), `${name} roles`);
        assert.deepEqual(Object.values(ids.lanes).sort(), [...lanes].sort(), `${name} lanes`);
        assert.ok(Object.isFrozen(ids.steps), name);
      }
    },
  },

  {
    name: "operations agree with the golden cases",
    fn(ptsp, fixtures, assert) {
      let n = 0;
      const failures = [];
      for (const suite of fixtures["calendar/operations.json"].suites) {
        const cal = calendarFor(ptsp, fixtures, suite.calendar);
        for (const c of suite.cases) {
          n += 1;
          let got;
          try {
            got = { ok: runOp(cal, c.op, c.args) };
          } catch (e) {
            if (!ptsp.isPtspError(e)) throw e;
            got = { error: e.code };
          }
          const want = "error" in c ? { error: c.error } : { ok: c.expect };
          try {
            assert.deepEqual(got, want);
          } catch {
            failures.push(
              `${suite.calendar} ${c.op} ${JSON.stringify(c.args)}: ` +
                `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
            );
          }
        }
        cal.free();
      }
      assert.deepEqual(failures, []);
      assert.ok(n > 60, `only ${n} cases ran`);
    },
  },

  {
    name: "invalid definitions report every problem at once",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["calendar/invalid-definitions.json"];
      assert.ok(f.cases.length > 0);
      for (const c of f.cases) {
        const e = expectCode(
          ptsp,
          assert,
          "invalid_definition",
          () => ptsp.Calendar.fromJson(JSON.stringify(c.definition)),
          c.name,
        );
        assert.ok(Array.isArray(e.errors), c.name);
        const got = e.errors.map((p) => p.code).sort();
        assert.deepEqual(got, [...c.codes].sort(), c.name);
        for (const p of e.errors) {
          assert.deepEqual(Object.keys(p).sort(), ["code", "message", "message_id", "path"]);
          assert.ok(p.path && p.message && p.message_id, `${c.name}: ${JSON.stringify(p)}`);
        }
        assert.match(e.messages.id, /^definisi kalender tidak valid/);
      }
      for (const c of f.texts) {
        expectCode(ptsp, assert, c.code, () => ptsp.Calendar.fromJson(c.text), c.name);
      }
    },
  },

  {
    name: "iCalendar import cases",
    full: true,
    fn(ptsp, fixtures, assert) {
      const f = fixtures["calendar/ical.json"];
      for (const c of f.cases) {
        if ("code" in c) {
          expectCode(ptsp, assert, c.code, () => ptsp.layerFromIcal(c.text, f.import), c.name);
        } else {
          const layer = ptsp.layerFromIcal(c.text, f.import);
          const pairs = layer.holidays.map((h) => [h.date, h.name]);
          assert.deepEqual(pairs, c.holidays, c.name);
          assert.equal(layer.id, f.import.layer_id);
          assert.equal(layer.holidays[0].kind, f.import.default_kind);
        }
      }
    },
  },

  {
    name: "iCalendar round trip gives back the identical layer",
    full: true,
    fn(ptsp, fixtures, assert) {
      const defs = [
        JSON.parse(ptsp.Calendar.indonesia().toJson()),
        fixtures["calendar/custom-office.json"],
      ];
      const opts = { layer_id: "x", layer_name: "x", default_kind: "national_holiday" };
      for (const def of defs) {
        for (const layer of def.layers) {
          const ics = ptsp.layerToIcal(layer);
          assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"));
          const back = ptsp.layerFromIcal(ics, opts);
          // The definition may leave out defaults the layer read back spells out.
          assert.equal(ptsp.layerToIcal(back), ics, layer.id);
          assert.equal(back.id, layer.id);
          assert.deepEqual(
            back.holidays.map((h) => [h.date, h.name, h.kind, h.source]),
            layer.holidays.map((h) => [h.date, h.name, h.kind, h.source]),
          );
        }
      }
      const national = JSON.parse(ptsp.Calendar.indonesia().toJson()).layers[0];
      assert.deepEqual(ptsp.layerFromIcal(ptsp.layerToIcal(national), opts), national);
    },
  },

  {
    name: "JSON round trip of calendars",
    fn(ptsp, fixtures, assert) {
      for (const name of ["indonesia", "jatim", "custom-office.json"]) {
        const cal = calendarFor(ptsp, fixtures, name);
        const json = cal.toJson();
        const again = ptsp.Calendar.fromJson(json);
        assert.equal(again.toJson(), json, name);
        assert.equal(again.id, cal.id);
        assert.deepEqual(again.coverage, cal.coverage);
      }
      const cal = ptsp.Calendar.indonesia();
      assert.equal(cal.id, "id-national");
      assert.ok(cal.coverage.first <= 2023 && cal.coverage.last >= 2026);
      assert.deepEqual(Object.keys(cal.coverage).sort(), ["first", "last"]);
      assert.equal(ptsp.Calendar.jatim().id, "id-jatim-pemprov");
      const custom = calendarFor(ptsp, fixtures, "custom-office.json");
      assert.deepEqual(custom.coverage, { first: 2026, last: 2026 });
      const def = JSON.parse(custom.toJson());
      assert.equal(def.weekmask, "1111110");
      assert.deepEqual(def.office_hours, fixtures["calendar/custom-office.json"].office_hours);
    },
  },

  {
    name: "year status and holidays",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.indonesia();
      assert.equal(cal.yearStatus(2024), "decreed");
      assert.equal(cal.yearStatus(1999), null);
      assert.ok(["decreed", "provisional"].includes(cal.yearStatus(2027)));
      const h = cal.holidays(2024);
      assert.ok(Array.isArray(h) && h.length > 20);
      const election = h.find((x) => x.date === "2024-02-14");
      assert.ok(election, "election day 2024-02-14");
      const first = h[0];
      assert.equal(first.date, "2024-01-01");
      assert.equal(first.non_working, true);
      assert.equal(first.layer, "id-national");
      assert.equal(typeof first.name, "string");
      assert.ok(["national_holiday", "cuti_bersama", "regional", "office_closure"].includes(first.kind));
      assert.equal(typeof first.source.title, "string");
      assert.ok(Array.isArray(first.source.numbers));
      const sorted = [...h].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      assert.deepEqual(h.map((x) => x.date), sorted.map((x) => x.date));
      expectCode(ptsp, assert, "out_of_coverage", () => cal.holidays(2040));
      // A private employer working on cuti bersama still lists it, as working.
      const custom = calendarFor(ptsp, fixtures, "custom-office.json");
      const dec = custom.holidays(2026);
      const cuti = dec.find((x) => x.kind === "cuti_bersama");
      assert.equal(cuti.non_working, false);
    },
  },

  {
    name: "deadline objects use core's snake_case fields",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const d = cal.deadline("2026-12-23T14:20:00+07:00", 3);
      assert.deepEqual(d, {
        received_at: "2026-12-23T14:20:00+07:00",
        counted_received_at: "2026-12-23T14:20:00+07:00",
        late_receipt: false,
        day_one: "2026-12-28",
        due_date: "2026-12-30",
        due_at: "2026-12-30T16:00:00+07:00",
        working_days: 3,
        policy: { count_from: "next_working_day", after_hours: "next_working_day" },
      });
      // null and {} are the default policy; received instants are shown in office time.
      assert.deepEqual(cal.deadline("2026-12-23T07:20:00Z", 3, null), d);
      assert.deepEqual(cal.deadline("2026-12-23T14:20:00+07:00", 3, {}), d);
      const late = cal.deadline("2026-12-31T16:10:00+07:00", 3, { after_hours: "next_working_day" });
      assert.equal(late.late_receipt, true);
      assert.equal(late.counted_received_at, "2027-01-04T07:30:00+07:00");
      assert.equal(late.due_date, "2027-01-08");
      const same = cal.deadline(JATIM_RECEIVED, 1, { count_from: "receipt_day", after_hours: "same_day" });
      assert.deepEqual(same.policy, { count_from: "receipt_day", after_hours: "same_day" });
      assert.equal(same.due_date, "2026-12-23");
    },
  },

  {
    name: "explanation text in Bahasa Indonesia names the holidays",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const e = cal.explainDeadline(JATIM_RECEIVED, 3, undefined, "id");
      assert.deepEqual(Object.keys(e).sort(), ["days", "deadline", "text"]);
      assert.deepEqual(e.deadline, cal.deadline(JATIM_RECEIVED, 3));
      assert.match(e.text, /Kelahiran Yesus Kristus/);
      assert.match(e.text, /Cuti Bersama Kelahiran Yesus Kristus/);
      assert.match(e.text, /akhir pekan/);
      assert.match(e.text, /hari kerja ke-1 dari 3/);
      assert.match(e.text, /tenggat pada jam tutup kantor, pukul 16\.00/);
      assert.equal(e.text.trimEnd().split("\n").length, e.days.length);
      assert.deepEqual(
        e.days.map((d) => d.role),
        ["received", "skipped", "skipped", "skipped", "skipped", "counted", "counted", "counted"],
      );
      assert.equal(e.days[1].reason, "holiday");
      assert.equal(e.days[1].holidays[0].name, "Cuti Bersama Kelahiran Yesus Kristus");
      assert.equal(e.days[3].reason, "weekend");
      assert.ok(!("holidays" in e.days[3]), "no holidays key on a plain weekend");
      assert.equal(e.days[5].ordinal, 1);
      // English is the default language.
      const en = cal.explainDeadline(JATIM_RECEIVED, 3);
      assert.match(en.text, /working day 1 of 3/);
      assert.match(en.text, /due at close of office hours, 16:00/);
      assert.equal(cal.explainDeadline(JATIM_RECEIVED, 3, {}, "en").text, en.text);
      assert.deepEqual(en.days, e.days);
    },
  },

  {
    name: "assumed estimates say which years were assumed",
    fn(ptsp, fixtures, assert) {
      const view = ptsp.Calendar.indonesia().assumingWeekendsOnly();
      assert.deepEqual(view.isWorkingDay("2031-01-02"), {
        value: true,
        assumed: [{ first: 2031, last: 2031 }],
      });
      assert.deepEqual(view.isWorkingDay("2024-01-01"), { value: false, assumed: [] });
      assert.deepEqual(view.nextWorkingDay("2022-12-30"), {
        value: "2023-01-02",
        assumed: [{ first: 2022, last: 2022 }],
      });
      assert.deepEqual(view.previousWorkingDay("2040-01-09").value, "2040-01-06");
      assert.deepEqual(view.addWorkingDays("2031-01-01", 1).value, "2031-01-02");
      assert.deepEqual(view.addWorkingDays("2024-01-02", 10).assumed, []);
      const between = view.workingDaysBetween("2030-12-30", "2031-01-06");
      assert.equal(between.value, 5);
      assert.ok(between.assumed.length > 0);

      const jatim = ptsp.Calendar.jatim().assumingWeekendsOnly();
      const d = jatim.deadline("2040-01-06T10:00:00+07:00", 3);
      assert.equal(d.value.due_date, "2040-01-11");
      assert.deepEqual(d.assumed, [{ first: 2040, last: 2040 }]);
      const e = jatim.explainDeadline("2040-01-06T10:00:00+07:00", 3, null, "id");
      assert.deepEqual(Object.keys(e.value).sort(), ["days", "deadline", "text"]);
      assert.ok(e.value.days.some((x) => x.reason === "assumed_weekend"));
      assert.match(e.value.text, /dianggap hanya akhir pekan/);
      assert.deepEqual(e.assumed, d.assumed);
      assert.deepEqual(jatim.addWorkingTime("2040-01-06T10:00:00+07:00", 7 * 3600), {
        value: "2040-01-09T08:00:00+07:00",
        assumed: [{ first: 2040, last: 2040 }],
      });
      assert.equal(
        jatim.workingTimeBetween("2040-01-06T16:00:00+07:00", "2040-01-09T08:00:00+07:00").value,
        3600,
      );
      // Errors other than coverage still throw.
      expectCode(ptsp, assert, "invalid_count", () => jatim.deadline(JATIM_RECEIVED, 0));
      expectCode(ptsp, assert, "invalid_value", () => jatim.isWorkingDay("31/12/2040"));
      expectCode(ptsp, assert, "invalid_type", () => jatim.addWorkingDays("2040-01-06", 0.5));
    },
  },

  {
    name: "errors are real Error objects with code and messages in both languages",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.indonesia();
      const e = expectCode(ptsp, assert, "out_of_coverage", () => cal.isWorkingDay("2031-05-05"));
      assert.ok(e instanceof Error);
      assert.equal(e.name, "PtspError");
      assert.equal(typeof e.stack, "string");
      assert.equal(e.message, e.messages.en);
      assert.match(e.messages.en, /2031-05-05 is outside the calendar's coverage/);
      assert.match(e.messages.id, /di luar cakupan/);
      assert.deepEqual(e.errors, []);
      assert.ok(String(e).startsWith("PtspError: day 2031-05-05"));
      assert.equal(ptsp.isPtspError(new Error("x")), false);
      assert.equal(ptsp.isPtspError("out_of_coverage"), false);
      assert.equal(ptsp.isPtspError(undefined), false);

      const nh = expectCode(ptsp, assert, "no_office_hours", () => cal.deadline(JATIM_RECEIVED, 3));
      assert.match(nh.messages.id, /tidak memiliki jam kerja/);
      const ic = expectCode(ptsp, assert, "invalid_count", () =>
        ptsp.Calendar.jatim().deadline(JATIM_RECEIVED, 0),
      );
      assert.equal(
        ic.messages.id,
        "jumlah hari kerja 0 tidak valid: tenggat membutuhkan paling sedikit 1 hari kerja",
      );
      const json = expectCode(ptsp, assert, "invalid_json", () => ptsp.Calendar.fromJson("{"));
      assert.equal(json.kind, "calendar");
      assert.match(json.messages.id, /^masukan tidak berbentuk seperti yang diharapkan: bukan JSON yang sah pada baris 1, kolom 1/);
      assert.equal(json.errors[0].code, "json_syntax");
    },
  },

  {
    name: "wrong JS types are invalid_type, never a trap",
    full: true,
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const opts = fixtures["calendar/ical.json"].import;
      const cases = [
        ["number for a date", () => cal.isWorkingDay(20261223)],
        ["missing date", () => cal.isWorkingDay()],
        ["Date object for a date", () => cal.nextWorkingDay(new Date(0))],
        ["null for a date", () => cal.previousWorkingDay(null)],
        ["Symbol for a date", () => cal.previousWorkingDay(Symbol("2026-12-23"))],
        ["function for a date", () => cal.isWorkingDay(() => "2026-12-23")],
        ["fractional n", () => cal.addWorkingDays("2026-12-23", 1.5)],
        ["n beyond MAX_SAFE_INTEGER", () => cal.addWorkingDays("2026-12-23", 2 ** 53)],
        ["n -2^53", () => cal.addWorkingDays("2026-12-23", -(2 ** 53))],
        ["NaN n", () => cal.addWorkingDays("2026-12-23", NaN)],
        ["Infinity n", () => cal.addWorkingDays("2026-12-23", Infinity)],
        ["string n", () => cal.addWorkingDays("2026-12-23", "3")],
        ["BigInt n", () => cal.addWorkingDays("2026-12-23", 3n)],
        ["missing n", () => cal.deadline(JATIM_RECEIVED)],
        ["missing b", () => cal.workingDaysBetween("2026-12-23")],
        ["number for an instant", () => cal.deadline(Date.UTC(2026, 11, 23), 3)],
        ["string policy", () => cal.deadline(JATIM_RECEIVED, 3, "receipt_day")],
        ["array policy", () => cal.deadline(JATIM_RECEIVED, 3, [])],
        ["number lang", () => cal.explainDeadline(JATIM_RECEIVED, 3, {}, 5)],
        ["fractional seconds", () => cal.addWorkingTime(JATIM_RECEIVED, 1.5)],
        ["missing seconds", () => cal.addWorkingTime(JATIM_RECEIVED)],
        ["string year", () => cal.holidays("2026")],
        ["fractional year", () => cal.yearStatus(2026.5)],
        ["object for JSON text", () => ptsp.Calendar.fromJson({ id: "x" })],
        ["missing JSON text", () => ptsp.Calendar.fromJson()],
        ["number for iCalendar text", () => ptsp.layerFromIcal(42, opts)],
        ["missing iCalendar options", () => ptsp.layerFromIcal("BEGIN:VCALENDAR")],
        ["null layer", () => ptsp.layerToIcal(null)],
        ["string layer", () => ptsp.layerToIcal("BEGIN:VCALENDAR")],
        ["BigInt inside a policy", () => cal.deadline(JATIM_RECEIVED, 3, { count_from: 1n })],
        ["number for a date (assuming)", () => cal.assumingWeekendsOnly().isWorkingDay(1)],
      ];
      for (const [what, f] of cases) {
        const e = expectCode(ptsp, assert, "invalid_type", f, what);
        assert.match(e.messages.en, /^invalid type for \w+: expected .+, found /, what);
        assert.match(e.messages.id, /^tipe \w+ tidak valid: seharusnya .+, ditemukan /, what);
      }
      const e = expectCode(ptsp, assert, "invalid_type", () => cal.isWorkingDay(20261223));
      assert.equal(
        e.message,
        "invalid type for date: expected string (YYYY-MM-DD), found number 20261223",
      );
      const cyclic = {};
      cyclic.self = cyclic;
      expectCode(ptsp, assert, "invalid_type", () => cal.deadline(JATIM_RECEIVED, 3, cyclic));
    },
  },

  {
    name: "unparsable strings are invalid_value; unfit objects invalid_json with the path",
    full: true,
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const values = [
        ["day-first date", () => cal.isWorkingDay("31/12/2026")],
        ["impossible date", () => cal.isWorkingDay("2026-02-30")],
        ["empty date", () => cal.isWorkingDay("")],
        ["instant without offset", () => cal.deadline("2026-12-23 10:00", 3)],
        ["date for an instant", () => cal.addWorkingTime("2026-12-23", 60)],
        ["unknown lang", () => cal.explainDeadline(JATIM_RECEIVED, 3, {}, "fr")],
      ];
      for (const [what, f] of values) {
        const e = expectCode(ptsp, assert, "invalid_value", f, what);
        assert.equal(e.kind, "calendar", what);
        assert.ok(e.messages.en && e.messages.id, what);
      }
      const shapes = [
        ["unknown count_from", "count_from", () => cal.deadline(JATIM_RECEIVED, 3, { count_from: "tomorrow" })],
        ["unknown policy field", "countFrom", () => cal.deadline(JATIM_RECEIVED, 3, { countFrom: "receipt_day" })],
        ["incomplete iCalendar options", "layer_name", () => ptsp.layerFromIcal("BEGIN:VCALENDAR", { layer_id: "x" })],
        ["layer without name", "name", () => ptsp.layerToIcal({ id: "x" })],
        ["layer with a bad date", "holidays[0].date", () =>
          ptsp.layerToIcal({ id: "x", name: "x", holidays: [{ date: "2026-13-01", name: "x", kind: "regional", source: "s" }] })],
      ];
      for (const [what, path, f] of shapes) {
        const e = expectCode(ptsp, assert, "invalid_json", f, what);
        assert.equal(e.kind, "calendar", what);
        assert.equal(e.errors[0].path, path, what);
      }
      const e = expectCode(ptsp, assert, "invalid_json", () =>
        cal.deadline(JATIM_RECEIVED, 3, { count_from: "tomorrow" }),
      );
      assert.equal(
        e.message,
        "the input does not have the expected shape: count_from: unknown value “tomorrow”: expected one of “next_working_day” or “receipt_day”",
      );
      assert.equal(e.errors[0].code, "unknown_variant");
      const d = expectCode(ptsp, assert, "invalid_value", () => cal.isWorkingDay("31/12/2026"));
      assert.match(d.messages.id, /^tanggal “31\/12\/2026” tidak valid/);
    },
  },

  {
    name: "extreme values are refused with a code, never a panic",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const view = cal.assumingWeekendsOnly();
      const max = Number.MAX_SAFE_INTEGER;
      expectCode(ptsp, assert, "out_of_coverage", () => cal.addWorkingDays("2026-12-23", max));
      expectCode(ptsp, assert, "out_of_range", () => view.addWorkingDays("2026-12-23", max));
      expectCode(ptsp, assert, "out_of_range", () => view.addWorkingTime(JATIM_RECEIVED, max));
      expectCode(ptsp, assert, "out_of_range", () => cal.holidays(2 ** 40));
      expectCode(ptsp, assert, "out_of_range", () => cal.yearStatus(-(2 ** 40)));
      expectCode(ptsp, assert, "negative_duration", () => cal.addWorkingTime(JATIM_RECEIVED, -1));
      const dates = ["0001-01-01", "9999-12-31", "1970-01-01", "+12345-01-01", "-0001-01-01", "2026-12-23"];
      const instants = [
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+14:00",
        "2026-12-23T10:00:00-23:59",
        "2026-12-23T10:00:00.123456789+07:00",
        JATIM_RECEIVED,
      ];
      const counts = [0, 1, -1, max, -max, 1e12, -1e12];
      const calls = [];
      for (const c of [cal, ptsp.Calendar.indonesia()]) {
        for (const v of [c, c.assumingWeekendsOnly()]) {
          const on = (method, ...args) => calls.push([`${c.id} ${method}(${args.join(", ")})`, () => v[method](...args)]);
          for (const d of dates) {
            on("isWorkingDay", d);
            on("nextWorkingDay", d);
            on("previousWorkingDay", d);
            for (const n of counts) on("addWorkingDays", d, n);
            for (const b of dates) on("workingDaysBetween", d, b);
          }
          for (const t of instants) {
            for (const n of counts) {
              on("deadline", t, n);
              on("explainDeadline", t, n, { count_from: "receipt_day" }, "id");
              on("addWorkingTime", t, n);
            }
            for (const u of instants) on("workingTimeBetween", t, u);
          }
        }
        for (const y of [-(2 ** 31), 2 ** 31 - 1, 0, 2026]) {
          calls.push([`holidays(${y})`, () => c.holidays(y)]);
          calls.push([`yearStatus(${y})`, () => c.yearStatus(y)]);
        }
      }
      for (const [what, call] of calls) {
        try {
          call();
        } catch (e) {
          assert.ok(ptsp.isPtspError(e), `${what}: ${e && e.name}: ${e && e.message}`);
        }
      }
      // Still alive after all of it: no panic aborted the instance.
      assert.equal(view.isWorkingDay("2026-12-23").value, true);
      assert.ok(calls.length > 500);
    },
  },
  {
    name: "the built-in permit procedure and its definition",
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimPermit();
      assert.equal(p.id, "jatim-izin");
      assert.equal(p.version, 1);
      assert.deepEqual(p.name, {
        id: "Pelayanan Perizinan DPMPTSP Provinsi Jawa Timur",
        en: "Permit service of the East Java DPMPTSP",
      });
      const docs = p.documents;
      assert.deepEqual(
        docs.map((d) => [d.code, d.mandatory]),
        [
          ["surat_permohonan", true],
          ["ktp", true],
          ["nib", true],
          ["npwp", true],
          ["dokumen_teknis", true],
          ["surat_kuasa", false],
        ],
      );
      assert.deepEqual(docs[1], {
        code: "ktp",
        name: { id: "KTP penanggung jawab", en: "Identity card of the person in charge" },
        mandatory: true,
        formats: ["pdf", "jpg", "png"],
        max_bytes: 2097152,
      });
      const steps = p.steps;
      assert.deepEqual(
        steps.map((s) => [s.id, s.lane, s.kind]),
        [
          ["unggah", "pemohon", "task"],
          ["pemeriksaan", "ptsp", "task"],
          ["rekomendasi", "opd_teknis", "decision"],
          ["persetujuan", "ptsp", "decision"],
          ["cetak", "ptsp", "task"],
          ["selesai", "ptsp", "end"],
          ["ditolak", "ptsp", "end"],
        ],
      );
      const check = steps[1];
      assert.deepEqual(check.sla, { amount: 3, unit: "working_days", warn_at: [50, 75] });
      assert.deepEqual(check.roles, ["verifikator"]);
      assert.equal(check.correction, true);
      assert.equal(check.can_reject, true);
      assert.deepEqual(check.outcomes[0].next, "rekomendasi");
      assert.deepEqual(steps[2].outputs, ["berita_acara", "rekomendasi"]);
      assert.ok(!("sla" in steps[2]), "an untimed step has no sla key");
      assert.deepEqual([steps[5].end, steps[5].outcomes], ["approved", []]);
      // Getters give fresh copies: changing one changes nothing inside.
      docs[0].mandatory = false;
      assert.equal(p.documents[0].mandatory, true);

      const json = p.toJson();
      const def = JSON.parse(json);
      assert.equal(def.start, "unggah");
      assert.equal(def.correction_clock, "pause_resume");
      assert.deepEqual(def.deadline_policy, {
        count_from: "next_working_day",
        after_hours: "next_working_day",
      });
      assert.deepEqual(def.documents, p.documents);
      assert.deepEqual(def.steps, p.steps);
      const again = ptsp.Procedure.fromJson(json);
      assert.equal(again.toJson(), json);
      assert.equal(again.id, p.id);
      // Fields with defaults may be left out.
      for (const k of ["assigner_roles", "documents", "correction_clock", "deadline_policy", "note"]) {
        delete def[k];
      }
      for (const s of def.steps) {
        delete s.correction;
        delete s.can_reject;
      }
      const bare = ptsp.Procedure.fromJson(JSON.stringify(def));
      assert.deepEqual(bare.documents, []);
      assert.equal(bare.steps[1].correction, false);
      assert.deepEqual(bare.checkDocuments([]), []);
    },
  },

  {
    name: "document checks agree with the golden cases",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["cases/forms.json"];
      const p = ptsp.Procedure.jatimPermit();
      assert.ok(f.check_documents.length >= 8);
      let problems = 0;
      for (const c of f.check_documents) {
        const got = p.checkDocuments(c.submitted);
        assert.ok(Array.isArray(got), c.name);
        assert.deepEqual(got.map((g) => g.code), c.codes, c.name);
        assert.deepEqual(got.map((g) => g.path), c.paths, c.name);
        for (const g of got) {
          problems += 1;
          assert.deepEqual(Object.keys(g).sort(), ["code", "message", "message_id", "path"]);
          assert.ok(g.message && g.message_id, `${c.name}: ${JSON.stringify(g)}`);
          assert.ok(g.message !== g.message_id, `${c.name}: ${g.message} has no translation`);
        }
      }
      assert.ok(problems > 20, `only ${problems} problems checked`);
    },
  },

  {
    name: "document problems say what is wrong in Bahasa Indonesia and English",
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimPermit();
      const gaps = p.checkDocuments([{ code: "ktp", format: "docx", bytes: 35000 }]);
      assert.deepEqual(gaps[0], {
        path: "documents[0].format",
        code: "wrong_format",
        message: 'Identity card of the person in charge must be one of pdf, jpg or png, found “docx”',
        message_id: 'KTP penanggung jawab harus berformat salah satu dari pdf, jpg atau png, ditemukan “docx”',
      });
      assert.deepEqual(gaps[1], {
        path: "required[0]",
        code: "missing_document",
        message: "Application letter (surat_permohonan) is required and missing",
        message_id: "Surat permohonan (surat_permohonan) wajib dan belum diunggah",
      });
      const byCode = (submitted) =>
        Object.fromEntries(p.checkDocuments(submitted).map((g) => [g.code, g]));
      const several = byCode([
        { code: "dokumen_teknis", format: "pdf", bytes: 20971521 },
        { code: "npwp", format: "pdf", bytes: 0 },
        { code: "akta", format: "pdf", bytes: 1 },
        { code: "npwp", format: "png", bytes: 1 },
      ]);
      assert.equal(
        several.file_too_large.message_id,
        "Dokumen teknis sesuai jenis izin berukuran 20971521 byte: paling besar 20971520",
      );
      assert.match(several.file_too_large.message, /is 20971521 bytes: at most 20971520 allowed$/);
      assert.equal(several.empty_file.message_id, "NPWP adalah berkas kosong");
      assert.equal(several.empty_file.message, "Taxpayer number (NPWP) is an empty file");
      assert.equal(several.unknown_document.message_id, 'dokumen “akta” bukan persyaratan layanan ini');
      assert.equal(several.duplicate_document.message_id, 'dokumen “npwp” diunggah dua kali');
      assert.equal(several.duplicate_document.path, "documents[3].code");
    },
  },

  {
    name: "completion previews agree with the golden cases",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["cases/forms.json"];
      const p = ptsp.Procedure.jatimPermit();
      let errors = 0;
      for (const c of f.preview) {
        const cal = calendarFor(ptsp, fixtures, c.calendar);
        if ("error" in c) {
          errors += 1;
          const e = expectCode(ptsp, assert, c.error, () => p.previewCompletion(cal, c.submitted_at), c.name);
          assert.ok(e.messages.id !== e.messages.en, c.name);
          assert.deepEqual(e.errors, [], c.name);
        } else {
          const v = p.previewCompletion(cal, c.submitted_at);
          assert.equal(v.completion, c.completion, c.name);
          assert.deepEqual(v.steps.map((s) => s.due), c.dues, c.name);
        }
        // The calendar was only borrowed: it is still usable.
        assert.equal(cal.isWorkingDay("2026-12-23"), true, c.name);
        cal.free();
      }
      assert.ok(errors >= 1 && f.preview.length - errors >= 4);
    },
  },

  {
    name: "a completion preview lists every step with its name, lane and deadline",
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const at = "2026-12-22T09:15:00+07:00";
      const v = p.previewCompletion(cal, at);
      assert.deepEqual(Object.keys(v).sort(), ["completion", "steps", "untimed"]);
      assert.equal(v.completion, "2027-01-06T16:00:00+07:00");
      assert.deepEqual(v.untimed, ["rekomendasi", "cetak"]);
      assert.deepEqual(v.steps[0], {
        step: "pemeriksaan",
        name: {
          id: "Pemeriksaan kelengkapan dan kebenaran dokumen persyaratan",
          en: "Check the documents for completeness and correctness",
        },
        lane: "ptsp",
        entered: at,
        due: "2026-12-29T16:00:00+07:00",
      });
      assert.deepEqual(
        v.steps.map((s) => [s.step, s.lane]),
        [
          ["pemeriksaan", "ptsp"],
          ["rekomendasi", "opd_teknis"],
          ["persetujuan", "ptsp"],
          ["cetak", "ptsp"],
        ],
      );
      // Each step is entered when the one before is due (or entered, if untimed) …
      for (let i = 1; i < v.steps.length; i++) {
        const prev = v.steps[i - 1];
        assert.equal(v.steps[i].entered, prev.due ?? prev.entered, v.steps[i].step);
      }
      // … and its deadline is the calendar's statutory deadline from then.
      assert.equal(v.steps[0].due, cal.deadline(at, 3).due_at);
      assert.equal(v.steps[2].due, cal.deadline(v.steps[2].entered, 3).due_at);
      // The same calendar read back from JSON gives the same preview.
      const copy = ptsp.Calendar.fromJson(cal.toJson());
      assert.deepEqual(p.previewCompletion(copy, at), v);
      const e = expectCode(ptsp, assert, "out_of_coverage", () =>
        p.previewCompletion(cal, "2027-12-23T09:00:00+07:00"),
      );
      assert.match(e.messages.id, /di luar cakupan/);
      assert.match(e.messages.en, /day 2028-01-01 is outside the calendar's coverage/);
    },
  },

  {
    name: "invalid procedures report every problem at once",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["cases/invalid-procedures.json"];
      const base = ptsp.Procedure.jatimPermit().toJson();
      assert.ok(f.cases.length > 0);
      for (const c of f.cases) {
        const def = JSON.parse(base);
        for (const [pointer, value] of Object.entries(c.set)) setPointer(def, pointer, value);
        const e = expectCode(
          ptsp,
          assert,
          "invalid_procedure",
          () => ptsp.Procedure.fromJson(JSON.stringify(def)),
          c.name,
        );
        // As in tests/cases.rs: the distinct codes, in any order.
        const got = [...new Set(e.errors.map((x) => x.code))].sort();
        assert.deepEqual(got, [...c.codes].sort(), c.name);
        for (const x of e.errors) {
          assert.deepEqual(Object.keys(x).sort(), ["code", "message", "message_id", "path"]);
          assert.ok(x.path && x.message && x.message_id !== x.message, `${c.name}: ${JSON.stringify(x)}`);
        }
        assert.match(e.messages.id, /^definisi prosedur tidak valid: /);
        assert.match(e.message, /^invalid procedure definition: /);
      }
      const def = JSON.parse(base);
      def.steps[1].outcomes[0].next = "nowhere";
      const e = expectCode(ptsp, assert, "invalid_procedure", () =>
        ptsp.Procedure.fromJson(JSON.stringify(def)),
      );
      assert.deepEqual(e.errors[0], {
        path: "steps[1].outcomes[0].next",
        code: "unknown_target",
        message: 'step “nowhere” does not exist',
        message_id: 'langkah “nowhere” tidak ada',
      });
      // The graph checks still run on what exists: what can no longer
      // reach an end, and what can no longer be reached.
      assert.deepEqual(
        [...new Set(e.errors.slice(1).map((x) => x.code))].sort(),
        ["no_end_reachable", "unreachable_step"],
      );
      const texts = [
        ["truncated", "["],
        ["unknown field", JSON.stringify({ ...JSON.parse(base), owner: "x" })],
        ["negative version", JSON.stringify({ ...JSON.parse(base), version: -1 })],
        ["unknown step kind", base.replace('"kind": "decision"', '"kind": "gateway"')],
      ];
      for (const [what, text] of texts) {
        const j = expectCode(ptsp, assert, "invalid_json", () => ptsp.Procedure.fromJson(text), what);
        assert.equal(j.kind, "procedure", what);
        assert.equal(j.errors.length, 1, what);
        assert.match(j.messages.id, /^masukan tidak berbentuk seperti yang diharapkan: /, what);
      }
    },
  },

  {
    name: "procedure arguments: wrong JS types are invalid_type, unfit values invalid_value",
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const at = "2026-12-22T09:15:00+07:00";
      const ok = { code: "ktp", format: "pdf", bytes: 1 };
      const freed = ptsp.Calendar.jatim();
      freed.free();
      const types = [
        ["missing documents", () => p.checkDocuments()],
        ["null documents", () => p.checkDocuments(null)],
        ["string documents", () => p.checkDocuments("ktp")],
        ["object for the array", () => p.checkDocuments(ok)],
        ["string element", () => p.checkDocuments([ok, "ktp"])],
        ["null element", () => p.checkDocuments([null])],
        ["array element", () => p.checkDocuments([["ktp", "pdf", 1]])],
        ["hole in the array", () => p.checkDocuments([ok, , ok])],
        ["BigInt size", () => p.checkDocuments([{ ...ok, bytes: 1n }])],
        ["missing calendar", () => p.previewCompletion()],
        ["string calendar", () => p.previewCompletion("jatim", at)],
        ["null calendar", () => p.previewCompletion(null, at)],
        ["plain object calendar", () => p.previewCompletion({}, at)],
        ["calendar definition for a calendar", () => p.previewCompletion(JSON.parse(cal.toJson()), at)],
        ["procedure for a calendar", () => p.previewCompletion(p, at)],
        ["assuming view for a calendar", () => p.previewCompletion(cal.assumingWeekendsOnly(), at)],
        ["impostor calendar", () => p.previewCompletion({ __ptspShare: () => 42 }, at)],
        ["freed calendar", () => p.previewCompletion(freed, at)],
        ["missing instant", () => p.previewCompletion(cal)],
        ["Date for an instant", () => p.previewCompletion(cal, new Date(at))],
        ["number for an instant", () => p.previewCompletion(cal, Date.parse(at))],
        ["object for JSON text", () => ptsp.Procedure.fromJson({ id: "x" })],
        ["missing JSON text", () => ptsp.Procedure.fromJson()],
      ];
      for (const [what, f] of types) {
        const e = expectCode(ptsp, assert, "invalid_type", f, what);
        assert.match(e.messages.en, /^invalid type for [\w[\]]+: expected .+, found /, what);
        assert.match(e.messages.id, /^tipe [\w[\]]+ tidak valid: seharusnya .+, ditemukan /, what);
      }
      const el = expectCode(ptsp, assert, "invalid_type", () => p.checkDocuments([ok, 7]));
      assert.equal(
        el.message,
        "invalid type for submitted[1]: expected object, found number 7",
      );
      const c = expectCode(ptsp, assert, "invalid_type", () => p.previewCompletion("jatim", at));
      assert.equal(c.message, 'invalid type for calendar: expected Calendar, found string "jatim"');
      const fr = expectCode(ptsp, assert, "invalid_type", () => p.previewCompletion(freed, at));
      assert.match(fr.message, /found a Calendar that was already freed$/);

      const values = [
        ["missing bytes", () => p.checkDocuments([{ code: "ktp", format: "pdf" }])],
        ["negative bytes", () => p.checkDocuments([{ ...ok, bytes: -1 }])],
        ["fractional bytes", () => p.checkDocuments([{ ...ok, bytes: 1.5 }])],
        ["bytes beyond 2^64", () => p.checkDocuments([{ ...ok, bytes: 2 ** 64 }])],
        ["NaN bytes", () => p.checkDocuments([{ ...ok, bytes: NaN }])],
        ["string bytes", () => p.checkDocuments([{ ...ok, bytes: "100" }])],
        ["unknown field", () => p.checkDocuments([{ ...ok, name: "ktp.pdf" }])],
        ["date for an instant", () => p.previewCompletion(cal, "2026-12-22")],
        ["day-first instant", () => p.previewCompletion(cal, "22/12/2026 09:15")],
      ];
      for (const [what, f] of values) {
        const code = what.includes("instant") ? "invalid_value" : "invalid_json";
        const e = expectCode(ptsp, assert, code, f, what);
        assert.equal(e.kind, code === "invalid_json" ? "case" : "calendar", what);
        assert.ok(e.messages.en && e.messages.id, what);
        if (code === "invalid_json") assert.match(e.errors[0].path, /^submitted\[0\]/, what);
      }
      const v = expectCode(ptsp, assert, "invalid_json", () =>
        p.checkDocuments([ok, { code: "nib", format: "pdf" }]),
      );
      assert.deepEqual(v.errors.map((x) => [x.path, x.code]), [["submitted[1].bytes", "missing_field"]]);

      // Refused or not, the calendar and the procedure stay usable.
      assert.equal(cal.isWorkingDay("2026-12-23"), true);
      assert.equal(p.previewCompletion(cal, at).completion, "2027-01-06T16:00:00+07:00");
      assert.equal(p.previewCompletion(cal, at).completion, "2027-01-06T16:00:00+07:00");
      assert.equal(cal.id, "id-jatim-pemprov");
    },
  },

  {
    name: "extreme procedure inputs are refused with a code, never a panic",
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const max = Number.MAX_SAFE_INTEGER;
      const big = p.checkDocuments([{ code: "ktp", format: "pdf", bytes: max }]);
      assert.equal(big[0].code, "file_too_large");
      assert.match(big[0].message, new RegExp(`is ${max} bytes`));
      const many = Array.from({ length: 2000 }, (_, i) => ({ code: `x${i % 7}`, format: "", bytes: i }));
      assert.equal(p.checkDocuments(many).length, 2000 + (2000 - 7) + 5);
      for (const at of [
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+14:00",
        "2026-12-22T09:15:00-23:59",
        "2026-12-22T09:15:00.999999999+07:00",
      ]) {
        try {
          p.previewCompletion(cal, at);
        } catch (e) {
          assert.ok(ptsp.isPtspError(e), `${at}: ${e && e.name}: ${e && e.message}`);
        }
      }
      expectCode(ptsp, assert, "invalid_input", () => p.previewCompletion(cal, "0001-01-01T00:00:00+00:00"));
      assert.ok(p.checkDocuments([{ code: "ktp".repeat(10000), format: "é".repeat(1000), bytes: 0 }]).length > 0);
      // Still alive.
      assert.equal(p.previewCompletion(cal, "2026-12-22T09:15:00+07:00").untimed.length, 2);
    },
  },
  // -------------------------------------------------------------------------
  // The web form of the consultation and complaint desk (ptsp::form)
  // -------------------------------------------------------------------------

  {
    name: "web forms agree with the golden cases",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["desk/forms/cases.json"];
      assert.ok(f.cases.length >= 100, `${f.cases.length} cases`);
      const failures = [];
      let valid = 0;
      let problems = 0;
      for (const c of f.cases) {
        const limits = c.limits ?? null;
        let got;
        let err;
        try {
          got = ptsp.validateForm(c.form, limits, c.today);
        } catch (e) {
          if (!ptsp.isPtspError(e)) throw e;
          err = e;
        }
        if ("normalized" in c) {
          if (err) {
            failures.push(`${c.name}: expected valid, got ${err.code}: ${err.message}`);
            continue;
          }
          valid += 1;
          for (const [k, want] of Object.entries(c.normalized)) {
            try {
              assert.deepEqual(got[k], want);
            } catch {
              failures.push(`${c.name}: ${k}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got[k])}`);
            }
          }
          // Idempotence, as in tests/desk_form.rs: the normalised form (the NIK as
          // its digits) validates to itself.
          const again = ptsp.validateForm({ ...got, nik: got.nik && got.nik.nik }, limits, c.today);
          try {
            assert.deepEqual(again, got);
          } catch {
            failures.push(`${c.name}: the normalised form does not validate to itself`);
          }
        } else if (!err) {
          failures.push(`${c.name}: expected problems, got ${JSON.stringify(got)}`);
        } else {
          const codes = err.errors.map((p) => p.code);
          const paths = err.errors.map((p) => p.path);
          if (
            err.code !== "invalid_form" ||
            JSON.stringify(codes) !== JSON.stringify(c.codes) ||
            JSON.stringify(paths) !== JSON.stringify(c.paths)
          ) {
            failures.push(
              `${c.name}: expected invalid_form ${JSON.stringify(c.codes)} at ${JSON.stringify(c.paths)}, ` +
                `got ${err.code} ${JSON.stringify(codes)} at ${JSON.stringify(paths)}`,
            );
          }
          for (const p of err.errors) {
            problems += 1;
            assert.deepEqual(Object.keys(p).sort(), ["code", "message", "message_id", "path"]);
            assert.ok(p.message && p.message_id, `${c.name}: ${JSON.stringify(p)}`);
          }
          assert.match(err.messages.id, /^formulir tidak valid: /, c.name);
          assert.match(err.message, /^invalid form: /, c.name);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(valid >= 30 && problems >= 80, `${valid} valid, ${problems} problems`);
    },
  },

  {
    name: "an invalid form throws every field problem at once, in both languages",
    fn(ptsp, fixtures, assert) {
      const today = "2026-12-01";
      const bad = { kind: "pengaduan", name: "", subject: "Hi", text: "short", nik: "3515143108680000", phone: "12345" };
      const e = expectCode(ptsp, assert, "invalid_form", () => ptsp.validateForm(bad, null, today));
      assert.ok(e instanceof Error);
      assert.equal(e.name, "PtspError");
      assert.deepEqual(
        e.errors.map((p) => [p.path, p.code]),
        [
          ["name", "required"],
          ["nik", "invalid_nik_serial"],
          ["phone", "invalid_phone"],
          ["subject", "too_short"],
          ["text", "too_short"],
        ],
      );
      assert.deepEqual(e.errors[0], {
        path: "name",
        code: "required",
        message: "name is required",
        message_id: "nama wajib diisi",
      });
      assert.equal(e.errors[3].message_id, "perihal berisi 2 karakter: paling sedikit 5");
      assert.equal(e.message, e.messages.en);
      assert.match(e.messages.en, /^invalid form: name: name is required; nik: /);
      // Personal data is masked in messages.
      assert.match(e.messages.id, /^formulir tidak valid: name: nama wajib diisi; nik: NIK “3515\*{10}00” /);
      assert.ok(!e.message.includes("3515143108680000") && !e.message.includes('"12345"'), e.message);
      assert.ok(String(e).startsWith("PtspError: invalid form: "));

      // Lengths count characters (Unicode scalar values), not UTF-16 units.
      const ok = {
        kind: "konsultasi",
        name: "Budi",
        email: "budi@example.com",
        subject: "Syarat izin",
        text: "Apa saja syarat izin operasional klinik pratama?",
      };
      const emoji = expectCode(ptsp, assert, "invalid_form", () =>
        ptsp.validateForm({ ...ok, name: "🙂" }, null, today),
      );
      assert.deepEqual(emoji.errors.map((p) => p.message), ["name has 1 characters: at least 2 required"]);
      assert.equal(ptsp.validateForm({ ...ok, name: "🙂🙂" }, null, today).name, "🙂🙂");
      // Without a kind the consultation rules apply, and kind is reported first.
      const none = expectCode(ptsp, assert, "invalid_form", () => ptsp.validateForm({}, undefined, today));
      assert.deepEqual(
        none.errors.map((p) => p.path),
        ["kind", "name", "contact", "subject", "text"],
      );
      // The English aliases of the kind are accepted; results use the standard's names.
      assert.equal(ptsp.validateForm({ ...ok, kind: "consultation" }, null, today).kind, "konsultasi");
      // A suggestion (saran, also "suggestion" or "masukan"): no NIK, but a contact.
      for (const kind of ["saran", "suggestion", "masukan"]) {
        assert.equal(ptsp.validateForm({ ...ok, kind }, null, today).kind, "saran", kind);
      }
      const mute = expectCode(ptsp, assert, "invalid_form", () =>
        ptsp.validateForm({ ...ok, kind: "saran", email: null }, null, today),
      );
      assert.deepEqual(mute.errors.map((p) => [p.path, p.code]), [["contact", "contact_required"]]);
    },
  },

  {
    name: "NIK, phone, email and provinces, for field-by-field checks",
    fn(ptsp, fixtures, assert) {
      const today = "2026-12-01";
      assert.deepEqual(ptsp.parseNik("35 15 14 450868 0002", today), {
        nik: "3515144508680002",
        province_code: "35",
        province: "Jawa Timur",
        regency_code: "3515",
        regency_kind: "regency",
        district_code: "351514",
        birth_date: "1968-08-05",
        sex: "female",
        serial: "0002",
      });
      assert.equal(ptsp.parseNik("3578010101900001", today).regency_kind, "city");
      // The reference date resolves the century: never a birth in the future.
      assert.equal(ptsp.parseNik("3515140101260001", "2026-01-01").birth_date, "2026-01-01");
      assert.equal(ptsp.parseNik("3515140101260001", "2025-12-31").birth_date, "1926-01-01");
      assert.equal(ptsp.parseNik("3171011708260001", "2026-03-10").birth_date, "1926-08-17");
      const nik = expectCode(ptsp, assert, "invalid_form", () => ptsp.parseNik("2015143102990000", today));
      assert.deepEqual(
        nik.errors.map((p) => [p.path, p.code]),
        [
          ["nik", "invalid_nik_region"],
          ["nik", "invalid_nik_birth_date"],
          ["nik", "invalid_nik_serial"],
        ],
      );
      assert.match(nik.errors[0].message_id, /kode provinsi 20/);

      for (const [input, want] of [
        ["0812-3456-7890", "+6281234567890"],
        ["+62 812 3456 7890", "+6281234567890"],
        ["(031) 3520 7000", "+623135207000"],
        ["+62 (0)21 5790 1234", "+622157901234"],
        ["812 3456 7890", "+6281234567890"],
      ]) {
        assert.equal(ptsp.normalizePhone(input), want, input);
      }
      const phone = expectCode(ptsp, assert, "invalid_form", () => ptsp.normalizePhone("+65 6123 4567"));
      assert.deepEqual(phone.errors.map((p) => [p.path, p.code]), [["phone", "invalid_phone"]]);
      assert.match(phone.errors[0].message_id, /bukan nomor Indonesia/);
      assert.match(phone.errors[0].message, /^phone “\+\*\* \*{4} \*567” /);

      assert.equal(ptsp.normalizeEmail(" Budi.Santoso@Jatimprov.GO.ID "), "Budi.Santoso@jatimprov.go.id");
      const email = expectCode(ptsp, assert, "invalid_form", () => ptsp.normalizeEmail("budi@localhost"));
      assert.deepEqual(email.errors.map((p) => [p.path, p.code]), [["email", "invalid_email"]]);
      assert.match(email.messages.id, /^formulir tidak valid: email: /);

      const all = ptsp.provinces();
      assert.equal(all.length, 38);
      assert.deepEqual(Object.keys(all[0]).sort(), ["code", "name", "source"]);
      assert.deepEqual([all[0].code, all[0].name], ["11", "Aceh"]);
      assert.equal(all.find((p) => p.code === "35").name, "Jawa Timur");
      assert.equal(all[37].code, "96");
    },
  },

  {
    name: "form limits: defaults, partial settings, and every problem of bad ones",
    fn(ptsp, fixtures, assert) {
      const today = "2026-12-01";
      const no = { nik_required: false, email_required: false, phone_required: false, service_required: false };
      assert.deepEqual(ptsp.defaultFormLimits(), {
        name: { min: 2, max: 100 },
        subject: { min: 5, max: 150 },
        text: { min: 20, max: 5000 },
        label_max: 100,
        file_name_max: 255,
        max_attachments: 5,
        formats: ["pdf", "jpg", "jpeg", "png"],
        max_file_bytes: 5242880,
        max_total_bytes: 10485760,
        require_contact: true,
        consultation: no,
        complaint: { ...no, nik_required: true },
        suggestion: no,
      });
      const complaint = {
        kind: "pengaduan",
        name: "Siti Rahayu",
        email: "siti@example.co.id",
        subject: "Izin belum terbit",
        text: "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.",
      };
      const e = expectCode(ptsp, assert, "invalid_form", () => ptsp.validateForm(complaint, null, today));
      assert.deepEqual(e.errors.map((p) => p.code), ["required"]);
      // An office that takes anonymous complaints: one setting, the rest default.
      const anon = ptsp.validateForm(complaint, { complaint: { nik_required: false } }, today);
      assert.equal(anon.nik, null);
      // The default limits given explicitly are the defaults.
      assert.deepEqual(
        ptsp.validateForm({ ...complaint, nik: "3515144508680002" }, ptsp.defaultFormLimits(), today),
        ptsp.validateForm({ ...complaint, nik: "3515144508680002" }, null, today),
      );
      const limits = expectCode(ptsp, assert, "invalid_limits", () =>
        ptsp.validateForm(complaint, { subject: { min: 200, max: 150 }, label_max: 0, formats: ["PDF", ".jpg"] }, today),
      );
      assert.deepEqual(
        limits.errors.map((p) => [p.path, p.code]),
        [
          ["subject", "invalid_range"],
          ["label_max", "invalid_range"],
          ["formats[0]", "invalid_format"],
          ["formats[1]", "invalid_format"],
        ],
      );
      assert.match(limits.messages.id, /^pengaturan formulir tidak valid: /);
      for (const [what, bad] of [
        ["unknown setting", { colour: "red" }],
        ["half a range", { name: { min: 1 } }],
        ["negative count", { max_attachments: -1 }],
        ["string size", { max_file_bytes: "5MB" }],
      ]) {
        const e = expectCode(ptsp, assert, "invalid_json", () => ptsp.validateForm(complaint, bad, today), what);
        assert.equal(e.kind, "form", what);
      }
    },
  },

  {
    name: "form arguments: wrong JS types are invalid_type, unfit values invalid_value",
    fn(ptsp, fixtures, assert) {
      const today = "2026-12-01";
      const ok = {
        kind: "konsultasi",
        name: "Budi",
        email: "budi@example.com",
        subject: "Syarat izin",
        text: "Apa saja syarat izin operasional klinik pratama?",
      };
      const types = [
        ["missing form", () => ptsp.validateForm()],
        ["string form", () => ptsp.validateForm("Budi", null, today)],
        ["array form", () => ptsp.validateForm([ok], null, today)],
        ["string limits", () => ptsp.validateForm(ok, "strict", today)],
        ["array limits", () => ptsp.validateForm(ok, [], today)],
        ["missing today", () => ptsp.validateForm(ok, null)],
        ["Date for today", () => ptsp.validateForm(ok, null, new Date(0))],
        ["BigInt in a form", () => ptsp.validateForm({ ...ok, attachments: [{ file_name: "a.pdf", format: "pdf", bytes: 1n }] }, null, today)],
        ["number NIK", () => ptsp.parseNik(3515144508680002, today)],
        ["missing today for a NIK", () => ptsp.parseNik("3515144508680002")],
        ["number phone", () => ptsp.normalizePhone(81234567890)],
        ["null email", () => ptsp.normalizeEmail(null)],
      ];
      for (const [what, f] of types) {
        const e = expectCode(ptsp, assert, "invalid_type", f, what);
        assert.match(e.messages.en, /^invalid type for \w+: expected .+, found /, what);
        assert.match(e.messages.id, /^tipe \w+ tidak valid: seharusnya .+, ditemukan /, what);
        assert.deepEqual(e.errors, [], what);
      }
      const t = expectCode(ptsp, assert, "invalid_type", () => ptsp.validateForm("Budi", null, today));
      assert.equal(t.message, 'invalid type for form: expected object, found string "Budi"');
      const values = [
        ["unknown kind", () => ptsp.validateForm({ ...ok, kind: "pujian" }, null, today)],
        ["unknown field", () => ptsp.validateForm({ ...ok, nama: "Budi" }, null, today)],
        ["null name", () => ptsp.validateForm({ ...ok, name: null }, null, today)],
        ["number subject", () => ptsp.validateForm({ ...ok, subject: 5 }, null, today)],
        ["string attachments", () => ptsp.validateForm({ ...ok, attachments: "bukti.pdf" }, null, today)],
        ["negative size", () => ptsp.validateForm({ ...ok, attachments: [{ file_name: "a.pdf", format: "pdf", bytes: -1 }] }, null, today)],
        ["lone surrogate", () => ptsp.validateForm({ ...ok, name: "Bu\ud800di" }, null, today)],
        ["day-first today", () => ptsp.validateForm(ok, null, "01/12/2026")],
        ["day-first today for a NIK", () => ptsp.parseNik("3515144508680002", "01/12/2026")],
      ];
      for (const [what, f] of values) {
        const code = what.includes("today") ? "invalid_value" : what === "lone surrogate" ? "invalid_text" : "invalid_json";
        const e = expectCode(ptsp, assert, code, f, what);
        assert.ok(e.messages.en && e.messages.id, what);
      }
      const k = expectCode(ptsp, assert, "invalid_json", () => ptsp.validateForm({ ...ok, kind: "pujian" }, null, today));
      assert.equal(k.kind, "form");
      assert.deepEqual(k.errors.map((x) => [x.path, x.code]), [["kind", "unknown_variant"]]);
      assert.match(k.message, /kind: unknown value “pujian”: expected one of “consultation”, “konsultasi”, /);
      const ls = expectCode(ptsp, assert, "invalid_text", () => ptsp.validateForm({ ...ok, name: "Bu\ud800di" }, null, today));
      // The path of the text, as Python reports it.
      assert.deepEqual(ls.errors.map((x) => [x.path, x.code]), [["name", "invalid_text"]]);
      const inList = expectCode(ptsp, assert, "invalid_text", () =>
        ptsp.validateForm({ ...ok, attachments: [{ file_name: "a\udc00.pdf", format: "pdf", bytes: 1 }] }, null, today),
      );
      assert.deepEqual(inList.errors.map((x) => [x.path, x.code]), [["attachments[0].file_name", "invalid_text"]]);
      assert.match(inList.message, /U\+DC00 at character 2/);
      const inKey = expectCode(ptsp, assert, "invalid_text", () => ptsp.validateForm({ ...ok, ["ni\udcffk"]: "x" }, null, today));
      assert.deepEqual(inKey.errors.map((x) => x.path), ["ni\\udcffk"]);
      assert.match(inKey.errors[0].message, /^the key contains the lone surrogate U\+DCFF at character 3/);
      assert.match(ls.message, /U\+D800 at character 3/);
      // Refused or not, the module is still alive.
      assert.equal(ptsp.validateForm(ok, null, today).kind, "konsultasi");
    },
  },

  // -------------------------------------------------------------------------
  // Routing (ptsp::routing)
  // -------------------------------------------------------------------------

  {
    name: "routing agrees with the golden cases",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["desk/routing/cases.json"];
      const wrong = f.stems.filter(([word, want]) => ptsp.stem(word) !== want);
      assert.deepEqual(wrong.map(([w]) => `${w}: ${ptsp.stem(w)}`), []);
      assert.ok(f.stems.length >= 50);

      const router = ptsp.Router.fromJson(JSON.stringify(f.rule_set));
      const failures = [];
      for (const c of f.cases) {
        const got = "rejected" in c ? router.redistribute(c.input, c.rejected) : router.suggest(c.input);
        const summary = {
          units: got.map((s) => s.unit),
          rules: got.map((s) => s.rule),
          scores: got.map((s) => s.score),
          first_reason: got[0].reasons[0].kind,
        };
        try {
          assert.deepEqual(summary, c.expected);
        } catch {
          failures.push(`${c.name}: got ${JSON.stringify(summary)}, want ${JSON.stringify(c.expected)}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(f.cases.length >= 20);

      for (const c of f.invalid) {
        const e = expectCode(ptsp, assert, "invalid_rule_set", () =>
          ptsp.Router.fromJson(JSON.stringify(c.rule_set)), c.name);
        assert.deepEqual(e.errors.map((p) => ({ path: p.path, code: p.code })), c.problems, c.name);
        for (const p of e.errors) {
          assert.ok(p.message && p.message_id && p.message !== p.message_id, `${c.name}: ${JSON.stringify(p)}`);
        }
        assert.match(e.messages.id, /^aturan perutean tidak valid: /, c.name);
        assert.match(e.message, /^invalid routing rule set: /, c.name);
      }
      for (const c of f.valid) {
        const r = ptsp.Router.fromJson(JSON.stringify(c.rule_set));
        assert.equal(r.ruleSet.rules.length, c.rule_set.rules.length, c.name);
        r.free();
      }
      router.free();
    },
  },

  {
    name: "routing reasons carry bilingual text, the excerpt and JS string spans",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["desk/routing/cases.json"];
      const router = ptsp.Router.fromJson(JSON.stringify(f.rule_set));
      const text = "Soal «PENCEMÁRAN» sungai di desa";
      const [first] = router.suggest({ subject: "", text });
      const r = first.reasons[0];
      assert.equal(r.kind, "keyword");
      assert.equal(r.field, "text");
      assert.equal(r.excerpt, "PENCEMÁRAN");
      assert.equal(text.slice(r.start, r.end), r.excerpt);
      assert.deepEqual(Object.keys(r.text).sort(), ["en", "id"]);
      assert.match(r.text.en, /^keyword “.+” found as “cemar” in the text$/);
      assert.match(r.text.id, /^kata kunci “.+” ditemukan sebagai “cemar” pada isi$/);
      // Spans count UTF-16 code units, as JS strings do (core counts bytes).
      const emoji = "🙂🙂 limbah";
      const k = router.suggest({ text: emoji })[0].reasons[0];
      assert.deepEqual([k.start, k.end, k.excerpt], [5, 11, "limbah"]);
      // A phrase spans from its first word to its last, in the subject.
      const air = router.suggest({ subject: "Air  tanah!", text: "" })[0].reasons[0];
      assert.deepEqual([air.field, air.excerpt, air.start, air.end], ["subject", "Air  tanah", 0, 10]);
      // No match: the head of complaints, and why, in both languages.
      assert.deepEqual(router.suggest({}), [
        {
          unit: "kabid",
          rule: null,
          priority: 0,
          score: 0,
          reasons: [
            {
              kind: "no_match",
              text: {
                id: "tidak ada aturan yang cocok: Kepala Bidang Pengaduan mendistribusikannya",
                en: "no rule matched: the head of complaints distributes it",
              },
            },
          ],
        },
      ]);
      const [cat] = router.suggest({ text: "Halo", category: "konsultasi" });
      assert.deepEqual(cat.reasons, [
        { kind: "category", value: "konsultasi", text: { id: 'kategori “konsultasi”', en: 'category “konsultasi”' } },
      ]);
      const declined = router.redistribute({ text: "Ada calo" }, ["kabid"]);
      assert.equal(declined[0].reasons[0].kind, "all_rejected");
      assert.match(declined[0].reasons[0].text.id, /^semua unit yang cocok menolak/);

      // The rule set as JSON and as an object; units by id.
      const json = router.toJson();
      assert.equal(ptsp.Router.fromJson(json).toJson(), json);
      assert.deepEqual(router.ruleSet, JSON.parse(json));
      assert.deepEqual(router.unit("dkp"), f.rule_set.units.find((u) => u.id === "dkp"));
      assert.equal(router.unit("nope"), null);

      // Normalisation: the built-in lexicon, and a router's own keywords.
      assert.deepEqual(ptsp.normalizeText("Perpanjangan izin usaha PERIKANAN!"), ["panjang", "izin", "usaha", "ikan"]);
      assert.deepEqual(ptsp.normalizeText(" ,.;  "), []);
      assert.equal(ptsp.stem("pemeriksaan"), "periksa");
      assert.equal(ptsp.stem("pemberantasan"), "antas");
      const own = ptsp.Router.fromJson(
        JSON.stringify({
          units: [
            { id: "kabid", name: { id: "Kepala", en: "Head" }, kind: "head_of_complaints" },
            { id: "inspektorat", name: { id: "Inspektorat", en: "Inspectorate" }, kind: "opd" },
          ],
          rules: [{ id: "r", target: "inspektorat", keywords: ["berantas"] }],
          fallback: "kabid",
        }),
      );
      assert.equal(own.stem("pemberantasan"), "berantas");
      assert.deepEqual(own.normalize("Program pemberantasan pungli"), ["program", "berantas", "pungli"]);
      assert.equal(own.suggest({ text: "Program pemberantasan pungli" })[0].unit, "inspektorat");

      // The sample rule set (sample data, marked as such).
      const sample = ptsp.Router.sample();
      assert.match(sample.ruleSet.note, /SAMPLE/);
      const ranked = sample.suggest({
        subject: "Perpanjangan izin",
        text: "Bagaimana cara memperpanjang izin usaha perikanan tangkap kapal saya?",
      });
      assert.equal(ranked[0].unit, "dkp");
      assert.equal(sample.suggest({ text: "Halo, selamat pagi." })[0].unit, "kabid-pengaduan");
      sample.free();
    },
  },

  {
    name: "routing arguments: wrong JS types are invalid_type, unfit values invalid_value",
    fn(ptsp, fixtures, assert) {
      const f = fixtures["desk/routing/cases.json"];
      const router = ptsp.Router.fromJson(JSON.stringify(f.rule_set));
      const input = { text: "Limbah pabrik" };
      const types = [
        ["missing input", () => router.suggest()],
        ["string input", () => router.suggest("Limbah pabrik")],
        ["array input", () => router.suggest(["Limbah"])],
        ["missing rejected units", () => router.redistribute(input)],
        ["string for the rejected units", () => router.redistribute(input, "dlh")],
        ["number among the rejected units", () => router.redistribute(input, ["dlh", 7])],
        ["number unit id", () => router.unit(7)],
        ["missing word", () => router.stem()],
        ["object for JSON text", () => ptsp.Router.fromJson(f.rule_set)],
        ["number text", () => ptsp.normalizeText(42)],
        ["missing word (stem)", () => ptsp.stem()],
      ];
      for (const [what, f] of types) {
        const e = expectCode(ptsp, assert, "invalid_type", f, what);
        assert.match(e.messages.en, /^invalid type for [\w[\]]+: expected .+, found /, what);
        assert.match(e.messages.id, /^tipe [\w[\]]+ tidak valid: seharusnya .+, ditemukan /, what);
      }
      const el = expectCode(ptsp, assert, "invalid_type", () => router.redistribute(input, ["dlh", 7]));
      assert.equal(el.message, "invalid type for rejectedUnits[1]: expected string, found number 7");
      for (const [what, f] of [
        ["unknown input field", () => router.suggest({ body: "Limbah" })],
        ["number text", () => router.suggest({ text: 5 })],
      ]) {
        const e = expectCode(ptsp, assert, "invalid_json", f, what);
        assert.equal(e.kind, "routing", what);
      }
      const j = expectCode(ptsp, assert, "invalid_json", () => ptsp.Router.fromJson("["));
      assert.match(j.messages.id, /^masukan tidak berbentuk seperti yang diharapkan: bukan JSON yang sah pada baris 1/);
      expectCode(ptsp, assert, "invalid_json", () => ptsp.Router.fromJson(JSON.stringify({ ...f.rule_set, owner: "x" })));
      // Still usable.
      assert.equal(router.suggest(input)[0].unit, "dlh");
    },
  },

  // -------------------------------------------------------------------------
  // The desk's procedures, cases, SLA clocks and figures
  // -------------------------------------------------------------------------

  {
    name: "the built-in consultation and complaint procedures",
    full: true,
    fn(ptsp, fixtures, assert) {
      const c = ptsp.Procedure.jatimConsultation();
      assert.equal(c.id, "jatim-konsultasi");
      assert.deepEqual(c.name, { id: "Konsultasi secara elektronik (JOSS)", en: "Electronic consultation (JOSS)" });
      assert.deepEqual(c.lanes.map((l) => l.id), ["penanya", "operator", "kepala_pengaduan", "unit", "pejabat"]);
      const klas = c.steps.find((s) => s.id === "klasifikasi");
      assert.deepEqual(klas.outcomes.map((o) => o.next), ["validasi_operator", "distribusi"]);
      assert.ok(c.steps.every((s) => !("sla" in s)), "the seed's time column is empty");
      assert.deepEqual(c.tiers, []);

      const p = ptsp.Procedure.jatimComplaint();
      assert.equal(p.id, "jatim-pengaduan");
      const unit = p.lanes.find((l) => l.id === "unit");
      assert.equal(unit.sees_applicant, false);
      assert.ok(p.lanes.filter((l) => l.id !== "unit").every((l) => !("sees_applicant" in l)));
      assert.deepEqual(p.tiers.map((t) => [t.id, t.sla.amount, t.sla.unit]), [
        ["mendesak", 2, "working_days"],
        ["tinggi", 5, "working_days"],
        ["biasa", 14, "working_days"],
        ["kompleks", 60, "working_days"],
      ]);
      const v = p.steps.find((s) => s.id === "verifikasi");
      assert.equal(v.correction, true);
      assert.equal(v.sets_tier, true);
      assert.deepEqual(
        p.steps.filter((s) => s.kind === "end").map((s) => s.end),
        ["completed", "forwarded", "archived"],
      );
      for (const proc of [c, p]) {
        const json = proc.toJson();
        assert.equal(ptsp.Procedure.fromJson(json).toJson(), json, proc.id);
        assert.deepEqual(JSON.parse(json).tiers ?? [], proc.tiers);
      }
      assert.equal(ptsp.Procedure.jatimPermit().tiers.length, 0);
    },
  },

  {
    name: "desk scenarios agree with the golden cases",
    full: true,
    fn(ptsp, fixtures, assert) {
      const f = fixtures["desk/scenarios.json"];
      assert.equal(f.calendar, "jatim");
      const cal = ptsp.Calendar.jatim();
      const procedures = {
        consultation: ptsp.Procedure.jatimConsultation(),
        complaint: ptsp.Procedure.jatimComplaint(),
        suggestion: ptsp.Procedure.jatimSuggestion(),
      };
      const finished = [];
      let refusals = 0;
      for (const sc of f.scenarios) {
        const p = procedures[sc.procedure];
        assert.ok(p, `${sc.name}: unknown procedure ${sc.procedure}`);
        const c = new ptsp.Case();
        const log = [];
        sc.steps.forEach((step, i) => {
          const what = `${sc.name} #${i}`;
          if (step.expect === "ok") {
            log.push(...c.execute(step.request, p, cal));
          } else {
            refusals += 1;
            const before = c.state;
            const e = expectCode(ptsp, assert, step.expect, () => c.execute(step.request, p, cal), what);
            assert.ok(e.messages.en !== e.messages.id, what);
            assert.deepEqual(c.state, before, `${what}: a refused request changed the case`);
          }
        });
        assert.equal(ptsp.Case.replay(log, p).toJson(), c.toJson(), `${sc.name}: replay`);
        const state = c.state;
        const fin = sc.final;
        assert.deepEqual(state.status, fin.status, sc.name);
        assert.equal(state.current, fin.current, sc.name);
        if ("tier" in fin) {
          assert.equal(state.tier, fin.tier, sc.name);
          assert.equal(state.case_due, fin.case_due, sc.name);
        }
        const want = sc.figures;
        const got = ptsp.deskFigures(c, p, cal, want.at);
        for (const [k, v] of Object.entries(want)) {
          if (k !== "at") assert.deepEqual(got[k], v, `${sc.name}: figure ${k}`);
        }
        // Figures rest on the SLA evaluation of the same case.
        const report = ptsp.slaEvaluate(c, p, cal, want.at);
        assert.equal(report.case_id, state.id, sc.name);
        assert.equal(report.steps.length, state.visits.length, sc.name);
        assert.deepEqual(got.lane_seconds, Object.fromEntries(report.lanes.map((l) => [l.lane, l.elapsed_seconds])));
        if ("units" in sc) {
          const units = ptsp.deskUnitSummaries([c], p, cal, want.at);
          assert.equal(units.length, sc.units.length, sc.name);
          units.forEach((u, i) => {
            for (const [k, v] of Object.entries(sc.units[i])) {
              assert.deepEqual(u[k], v, `${sc.name}: unit ${sc.units[i].unit} ${k}`);
            }
          });
        }
        if ("confidential" in sc) {
          const { unit_actor: unit, office_actor: office } = sc.confidential;
          assert.equal(c.viewFor(unit, p).applicant, "[dirahasiakan]", sc.name);
          assert.equal(c.viewFor(office, p).applicant, state.applicant, sc.name);
          const seen = JSON.stringify(c.eventsFor(log, unit, p));
          assert.ok(!seen.includes(`"${state.applicant}"`), `${sc.name}: ${seen}`);
          assert.ok(JSON.stringify(c.eventsFor(log, office, p)).includes(state.applicant), sc.name);
          assert.ok(!JSON.stringify(c.tracking(p)).includes(state.applicant), sc.name);
        }
        finished.push([sc.procedure, state]);
      }
      assert.ok(refusals >= 5, `only ${refusals} refusals`);
      // Every branch of both flows was taken by some scenario (as tests/desk_figures.rs).
      for (const [name, p] of Object.entries(procedures)) {
        const start = JSON.parse(p.toJson()).start;
        for (const s of p.steps.filter((s) => s.id !== start)) {
          for (const o of s.outcomes) {
            const taken = finished.some(
              ([n, st]) => n === name && st.visits.some((v) => v.step === s.id && v.outcome === o.id),
            );
            assert.ok(taken, `${name}: branch ${s.id}.${o.id} never taken`);
          }
        }
      }
      // The calendar and procedures were only borrowed.
      assert.equal(cal.isWorkingDay("2026-12-23"), true);
      assert.equal(procedures.complaint.id, "jatim-pengaduan");
    },
  },

  {
    name: "a case: decide, execute, replay, JSON, tracking and SLA clocks",
    full: true,
    fn(ptsp, fixtures, assert) {
      const permit = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const documents = ["surat_permohonan", "ktp", "nib", "npwp", "dokumen_teknis"].map((code) => ({
        code,
        format: "pdf",
        bytes: 10000,
      }));
      const applicant = { id: "p-1", roles: ["pemohon"] };
      const submit = {
        actor: applicant,
        at: "2026-12-22T09:15:00+07:00",
        command: { type: "submit", case_id: "IZN-1", documents },
      };
      const c = new ptsp.Case();
      const fresh = c.state;
      assert.equal(fresh.status, "new");
      assert.equal(c.due, null);
      // decide: the events, and no change.
      const decided = c.decide(submit, permit, cal);
      assert.deepEqual(c.state, fresh);
      assert.equal(decided[0].type, "submitted");
      assert.equal(decided[0].due, "2026-12-29T16:00:00+07:00");
      const gaps = expectCode(ptsp, assert, "incomplete_documents", () =>
        c.decide({ ...submit, command: { ...submit.command, documents: [] } }, permit, cal),
      );
      assert.deepEqual(gaps.errors.map((p) => p.code), Array(5).fill("missing_document"));
      // execute: the same events, applied.
      const log = c.execute(submit, permit, cal);
      assert.deepEqual(log, decided);
      assert.equal(c.state.current, "pemeriksaan");
      assert.equal(c.due, "2026-12-29T16:00:00+07:00");
      // A refused request changes nothing.
      const before = c.toJson();
      const e = expectCode(ptsp, assert, "unauthorized", () =>
        c.execute({ actor: { id: "x", roles: ["pemohon"] }, at: "2026-12-22T10:00:00+07:00", command: { type: "withdraw" } }, permit, cal),
      );
      assert.match(e.messages.id, /tidak berwenang/);
      assert.equal(c.toJson(), before);
      expectCode(ptsp, assert, "wrong_step", () =>
        c.execute({ actor: { id: "v-1", roles: ["verifikator"] }, at: "2026-12-22T10:00:00+07:00",
          command: { type: "complete_step", step: "cetak", outcome: "x" } }, permit, cal),
      );
      assert.equal(c.toJson(), before);
      // Replay and JSON give the identical state.
      assert.equal(ptsp.Case.replay(log, permit).toJson(), before);
      assert.deepEqual(JSON.parse(before), c.state);
      assert.deepEqual(ptsp.Case.replay([], permit).state, fresh);
      const inconsistent = expectCode(ptsp, assert, "inconsistent_log", () =>
        ptsp.Case.replay([{ at: "2026-12-22T09:15:00+07:00", case: "IZN-1", actor: "p", type: "withdrawn", reason: null }], permit),
      );
      assert.match(inconsistent.messages.id, /^log kasus tidak konsisten/);
      // A state is never imported: a case is rebuilt from its checked log.
      assert.equal(ptsp.Case.fromJson, undefined);
      // A log forged to let the applicant verify their own file is refused.
      const forgedLog = [...log, { ...log[0], at: "2026-12-22T10:00:00+07:00", type: "step_completed", step: "pemeriksaan",
        outcome: "lengkap", entered: "rekomendasi", due: null }];
      expectCode(ptsp, assert, "inconsistent_log", () => ptsp.Case.replay(forgedLog, permit));
      // The public view: no personal data.
      const t = c.tracking(permit);
      assert.deepEqual(t, {
        case_id: "IZN-1",
        procedure: permit.name,
        status: "active",
        current_step: { id: "pemeriksaan", name: permit.steps[1].name },
        due: "2026-12-29T16:00:00+07:00",
        history: [{ at: "2026-12-22T09:15:00+07:00", what: "step_entered", step: "pemeriksaan" }],
      });
      assert.ok(!JSON.stringify(t).includes("p-1"));
      // SLA clocks: day 2 of 3 is past the 50 % warning; then breached.
      const atRisk = ptsp.slaEvaluate(c, permit, cal, "2026-12-28T12:00:00+07:00");
      assert.deepEqual(Object.keys(atRisk).sort(), ["at", "case", "case_id", "due_events", "lanes", "steps"]);
      assert.equal(atRisk.steps[0].status, "at_risk");
      assert.equal(atRisk.steps[0].threshold, 50);
      assert.equal(atRisk.steps[0].due, "2026-12-29T16:00:00+07:00");
      const breached = ptsp.slaEvaluate(c, permit, cal, "2026-12-30T08:00:00+07:00");
      assert.equal(breached.steps[0].status, "breached");
      assert.ok(breached.steps[0].remaining_seconds < 0);
      assert.equal(breached.case.status_worst, "breached");
      // Borrowed, not taken: the case still works.
      assert.equal(c.state.current, "pemeriksaan");
      const figures = ptsp.deskFigures(c, permit, cal, "2026-12-28T12:00:00+07:00");
      assert.equal(figures.case_id, "IZN-1");
      assert.equal(figures.submitted, "2026-12-22T09:15:00+07:00");
      assert.deepEqual(ptsp.deskUnitSummaries([c, new ptsp.Case()], permit, cal, "2026-12-28T12:00:00+07:00"), []);
    },
  },

  {
    name: "case arguments: wrong JS types are invalid_type, unfit values invalid_value",
    full: true,
    fn(ptsp, fixtures, assert) {
      const p = ptsp.Procedure.jatimConsultation();
      const cal = ptsp.Calendar.jatim();
      const at = "2026-12-21T09:00:00+07:00";
      const req = { actor: { id: "q-1", roles: ["penanya"] }, at, command: { type: "submit", case_id: "K-1", documents: [] } };
      const c = new ptsp.Case();
      const log = c.execute(req, p, cal);
      const freedCase = new ptsp.Case();
      freedCase.free();
      const freedProcedure = ptsp.Procedure.jatimComplaint();
      freedProcedure.free();
      const actor = { id: "kp-1", roles: ["kepala_pengaduan"] };
      const types = [
        ["missing request", () => c.decide()],
        ["string request", () => c.decide("submit", p, cal)],
        ["calendar for the procedure", () => c.execute(req, cal, p)],
        ["procedure definition for a procedure", () => c.decide(req, JSON.parse(p.toJson()), cal)],
        ["procedure id for a procedure", () => c.tracking("jatim-konsultasi")],
        ["case for a procedure", () => c.tracking(c)],
        ["impostor procedure", () => c.tracking({ __ptspShareProcedure: () => 42 })],
        ["calendar handle for a procedure", () => c.tracking({ __ptspShareProcedure: () => cal })],
        ["freed procedure", () => c.tracking(freedProcedure)],
        ["missing calendar", () => c.decide(req, p)],
        ["string actor", () => c.viewFor("kp-1", p)],
        ["missing events", () => c.eventsFor(undefined, actor, p)],
        ["events object", () => ptsp.Case.replay({ events: log }, p)],
        ["number event", () => ptsp.Case.replay([1], p)],
        ["missing procedure for a replay", () => ptsp.Case.replay(log)],
        ["state for a case", () => ptsp.slaEvaluate(c.state, p, cal, at)],
        ["calendar for a case", () => ptsp.deskFigures(cal, p, cal, at)],
        ["freed case", () => ptsp.slaEvaluate(freedCase, p, cal, at)],
        ["missing now", () => ptsp.slaEvaluate(c, p, cal)],
        ["Date for now", () => ptsp.deskFigures(c, p, cal, new Date(at))],
        ["one case for the list", () => ptsp.deskUnitSummaries(c, p, cal, at)],
        ["plain object among the cases", () => ptsp.deskUnitSummaries([c, {}], p, cal, at)],
      ];
      for (const [what, f] of types) {
        const e = expectCode(ptsp, assert, "invalid_type", f, what);
        assert.match(e.messages.en, /^invalid type for [\w[\]]+: expected .+, found /, what);
        assert.match(e.messages.id, /^tipe [\w[\]]+ tidak valid: seharusnya .+, ditemukan /, what);
      }
      const fc = expectCode(ptsp, assert, "invalid_type", () => ptsp.slaEvaluate(freedCase, p, cal, at));
      assert.equal(fc.message, "invalid type for case: expected Case, found a Case that was already freed");
      const fp = expectCode(ptsp, assert, "invalid_type", () => c.tracking(freedProcedure));
      assert.match(fp.message, /found a Procedure that was already freed$/);
      const el = expectCode(ptsp, assert, "invalid_type", () => ptsp.deskUnitSummaries([c, {}], p, cal, at));
      assert.match(el.message, /^invalid type for cases\[1\]: expected Case, found /);
      const ev = expectCode(ptsp, assert, "invalid_type", () => ptsp.Case.replay([log[0], 1], p));
      assert.equal(ev.message, "invalid type for events[1]: expected object, found number 1");

      const values = [
        ["request without an instant", () => c.decide({ actor: req.actor, command: req.command }, p, cal)],
        ["date for an instant", () => c.decide({ ...req, at: "2026-12-21" }, p, cal)],
        ["unknown command", () => c.decide({ ...req, command: { type: "expedite" } }, p, cal)],
        ["unknown request field", () => c.decide({ ...req, by: "q-1" }, p, cal)],
        ["actor without an id", () => c.viewFor({ roles: ["operator"] }, p)],
        ["unknown event type", () => ptsp.Case.replay([{ ...log[0], type: "expedited" }], p)],
        ["day-first now", () => ptsp.slaEvaluate(c, p, cal, "21/12/2026 09:00")],
      ];
      for (const [what, f] of values) {
        const code = what === "day-first now" ? "invalid_value" : "invalid_json";
        const e = expectCode(ptsp, assert, code, f, what);
        assert.equal(e.kind, code === "invalid_json" ? "case" : "calendar", what);
        assert.ok(e.messages.en && e.messages.id, what);
      }
      const uc = expectCode(ptsp, assert, "invalid_json", () => c.decide({ ...req, command: { type: "expedite" } }, p, cal));
      assert.deepEqual(uc.errors.map((x) => [x.path, x.code]), [["request.command.type", "unknown_variant"]]);
      const na = expectCode(ptsp, assert, "invalid_json", () => c.decide({ actor: req.actor, command: req.command }, p, cal));
      assert.deepEqual(na.errors.map((x) => [x.path, x.code]), [["request.at", "missing_field"]]);
      // Refused or not, everything stays usable and unchanged.
      assert.equal(c.state.current, "klasifikasi");
      assert.equal(c.state.events, 1);
      assert.equal(ptsp.slaEvaluate(c, p, cal, "2026-12-21T10:00:00+07:00").steps[0].elapsed_seconds, 3600);
      assert.equal(p.id, "jatim-konsultasi");
      assert.equal(cal.isWorkingDay("2026-12-23"), true);
    },
  },
  {
    name: "extreme desk inputs are refused with a code, never a panic",
    full: true,
    fn(ptsp, fixtures, assert) {
      const today = "2026-12-01";
      const max = Number.MAX_SAFE_INTEGER;
      const ok = {
        kind: "pengaduan",
        name: "Siti Rahayu",
        nik: "3515144508680002",
        email: "siti@example.co.id",
        subject: "Izin belum terbit",
        text: "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.",
      };
      const huge = expectCode(ptsp, assert, "invalid_form", () =>
        ptsp.validateForm({ ...ok, text: "é".repeat(1_000_000), name: "\u0000".repeat(3) }, null, today),
      );
      assert.deepEqual(huge.errors.map((p) => p.code), ["invalid_characters", "too_long"]);
      const many = Array.from({ length: 500 }, (_, i) => ({ file_name: `f${i}.pdf`, format: "pdf", bytes: max }));
      const big = expectCode(ptsp, assert, "invalid_form", () => ptsp.validateForm({ ...ok, attachments: many }, null, today));
      assert.deepEqual(big.errors.slice(0, 2).map((p) => p.code), ["too_many_attachments", "attachments_too_large"]);
      const b64 = expectCode(ptsp, assert, "invalid_json", () =>
        ptsp.validateForm({ ...ok, attachments: [{ file_name: "a.pdf", format: "pdf", bytes: 2 ** 64 }] }, null, today),
      );
      assert.equal(b64.errors[0].path, "attachments[0].bytes");
      for (const t of ["0001-01-01", "9999-12-31", "+12345-01-01", "-0001-01-01"]) {
        try {
          ptsp.parseNik("3515140508680001", t);
          ptsp.validateForm(ok, null, t);
        } catch (e) {
          assert.ok(ptsp.isPtspError(e), `${t}: ${e && e.name}: ${e && e.message}`);
        }
      }
      for (const x of ["", "+", "0".repeat(10000), "+62" + "8".repeat(100), "@".repeat(300), "a@" + "b.".repeat(200) + "id"]) {
        for (const f of [ptsp.normalizePhone, ptsp.normalizeEmail, (s) => ptsp.parseNik(s, today)]) {
          try {
            f(x);
          } catch (e) {
            assert.ok(ptsp.isPtspError(e) && e.code === "invalid_form", `${x.slice(0, 20)}: ${e && e.message}`);
          }
        }
      }

      const router = ptsp.Router.fromJson(JSON.stringify(fixtures["desk/routing/cases.json"].rule_set));
      const long = "limbah 🙂 sungai izin ".repeat(20000);
      const s = router.suggest({ subject: long, text: long, service: long, category: "\u0000" });
      assert.ok(s.length >= 1);
      const r = s[0].reasons[0];
      assert.equal(long.slice(r.start, r.end), r.excerpt);
      assert.deepEqual(router.redistribute({ text: long }, Array(1000).fill("dlh")).map((x) => x.unit).includes("dlh"), false);
      assert.equal(ptsp.normalizeText(long).length, 60000);

      const p = ptsp.Procedure.jatimComplaint();
      const cal = ptsp.Calendar.jatim();
      const c = new ptsp.Case();
      const submit = (at) => ({ actor: { id: "c-1", roles: ["penanya"] }, at, command: { type: "submit", case_id: "X", documents: [] } });
      for (const at of ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+14:00", "2026-12-21T09:00:00-23:59"]) {
        try {
          c.decide(submit(at), p, cal);
        } catch (e) {
          assert.ok(ptsp.isPtspError(e), `${at}: ${e && e.name}: ${e && e.message}`);
        }
      }
      c.execute(submit("2026-12-21T09:00:00+07:00"), p, cal);
      for (const now of ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+14:00", "2026-12-20T09:00:00+07:00"]) {
        for (const f of [ptsp.slaEvaluate, ptsp.deskFigures]) {
          try {
            f(c, p, cal, now);
          } catch (e) {
            assert.ok(ptsp.isPtspError(e), `${now}: ${e && e.name}: ${e && e.message}`);
          }
        }
      }
      expectCode(ptsp, assert, "invalid_input", () => ptsp.slaEvaluate(c, p, cal, "9999-12-31T23:59:59+14:00"));
      // Forged logs and states are refused or carried, never a trap.
      assert.deepEqual(c.eventsFor([], { id: "x" }, p), []);
      const forged = [
        [{ at: "2026-12-21T09:00:00+07:00", case: "X", actor: "c", type: "returned_for_correction", step: "x", reasons: [], remaining_seconds: max }],
        [{ at: "2026-12-21T09:00:00+07:00", case: "X", actor: "c", type: "submitted", case_id: "X", procedure: "jatim-pengaduan",
           version: 4294967295, applicant: "c", documents: [], entered: "nowhere", due: "9999-12-31T23:59:59+14:00" }],
      ];
      for (const log of forged) {
        try {
          const f = ptsp.Case.replay(log, p);
          for (const g of [ptsp.slaEvaluate, ptsp.deskFigures]) {
            try {
              g(f, p, cal, "2026-12-22T09:00:00+07:00");
            } catch (e) {
              assert.ok(ptsp.isPtspError(e), `${e && e.name}: ${e && e.message}`);
            }
          }
          f.tracking(p);
        } catch (e) {
          assert.ok(ptsp.isPtspError(e), `${e && e.name}: ${e && e.message}`);
        }
      }
      const ver = expectCode(ptsp, assert, "invalid_json", () =>
        ptsp.Case.replay([{ ...forged[1][0], version: 4294967296 }], p),
      );
      // An event is read in one pass: the path names the field.
      assert.equal(ver.errors[0].path, "events[0].version");
      assert.equal(ver.errors[0].code, "out_of_range");
      // Still alive.
      assert.equal(c.state.current, "verifikasi");
      assert.equal(ptsp.slaEvaluate(c, p, cal, "2026-12-21T10:00:00+07:00").steps[0].elapsed_seconds, 3600);
    },
  },
  {
    name: "the shared table of bad inputs gets the same codes as in Rust and Python",
    full: true,
    fn(ptsp, fixtures, assert) {
      const f = fixtures["hardening/bad-inputs.json"];
      assert.ok(f.cases.length >= 40);
      const procedures = {
        permit: () => ptsp.Procedure.jatimPermit(),
        consultation: () => ptsp.Procedure.jatimConsultation(),
        complaint: () => ptsp.Procedure.jatimComplaint(),
        suggestion: () => ptsp.Procedure.jatimSuggestion(),
      };
      const permitWith = (path, value) => {
        const d = JSON.parse(ptsp.Procedure.jatimPermit().toJson());
        const keys = path.split("/").filter(Boolean);
        let node = d;
        for (const k of keys.slice(0, -1)) node = node[k];
        node[keys[keys.length - 1]] = value;
        return JSON.stringify(d);
      };
      const placeholders = {
        CAL_BAD_OFFSET: () => JSON.stringify({ ...JSON.parse(ptsp.Calendar.jatim().toJson()), utc_offset: "+25:00" }),
        // 10^16 is a safe JS integer: JSON text carries it exactly.
        PROC_HUGE_SLA: () => permitWith("/steps/1/sla", { amount: 1e16, unit: "working_hours" }),
        PROC_NEG_SLA: () => permitWith("/steps/1/sla/amount", -3),
        PROC_NOWHERE: () => permitWith("/steps/1/outcomes/0/next", "nowhere"),
        PROC_ZERO_LIMIT: () => permitWith("/limits/note", 0),
        RULES_UNKNOWN_UNIT: () => {
          const r = JSON.parse(ptsp.Router.sample().toJson());
          r.rules[0].target = "tidak-ada";
          return JSON.stringify(r);
        },
        NOTE_1M: () => "x".repeat(1_000_000),
      };
      const fill = (v) => {
        if (typeof v === "string" && v in f.placeholders) return placeholders[v]();
        if (Array.isArray(v)) return v.map(fill);
        if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
        return v;
      };
      const cal = ptsp.Calendar.jatim();
      const run = (p, setup) => {
        const c = new ptsp.Case();
        const log = [];
        for (const r of setup) log.push(...c.execute(r, p, cal));
        return [c, log];
      };
      const calls = {
        calendar_json: (a) => ptsp.Calendar.fromJson(a.text),
        procedure_json: (a) => ptsp.Procedure.fromJson(a.text),
        rule_set_json: (a) => ptsp.Router.fromJson(a.text),
        form: (a) => ptsp.validateForm(a.form, null, a.today),
        phone: (a) => ptsp.normalizePhone(a.text),
        add_working_days: (a) => cal.addWorkingDays(a.date, a.n),
        working_days_between: (a) => cal.workingDaysBetween(a.a, a.b),
        deadline: (a) => cal.deadline(a.received, a.days),
        execute: (a) => {
          const p = procedures[a.procedure]();
          const [c] = run(p, a.setup);
          const before = c.toJson();
          try {
            return c.execute(a.request, p, cal);
          } finally {
            assert.equal(c.toJson(), before, "a refused command changed the case");
          }
        },
        evaluate: (a) => {
          const p = procedures[a.procedure]();
          const [c] = run(p, a.setup);
          return ptsp.slaEvaluate(c, p, cal, a.now);
        },
        preview: (a) => procedures[a.procedure]().previewCompletion(cal, a.at),
        replay: (a) => {
          const p = procedures[a.procedure]();
          const [, log] = run(p, a.setup);
          log[log.length - 1] = { ...log[log.length - 1], ...a.forge };
          return ptsp.Case.replay(log, p);
        },
      };
      for (const entry of f.cases) {
        const call = calls[entry.op];
        assert.ok(call, `${entry.name}: unknown op ${entry.op}`);
        const e = expectCode(ptsp, assert, entry.code, () => call(fill(entry.args)), entry.name);
        if ("problem" in entry) {
          assert.ok(e.errors.length > 0, `${entry.name}: no problems`);
          assert.equal(e.errors[0].code, entry.problem, entry.name);
        }
        assert.ok(e.messages.en && e.messages.id && e.messages.en !== e.messages.id, entry.name);
        assert.ok(e.message.length < 2000, `${entry.name}: the message quotes too much`);
      }
    },
  },
  {
    name: "a single-outcome step completes without naming the outcome (shared case fixture)",
    full: true,
    fn(ptsp, fixtures, assert) {
      const name = "single-outcome steps complete without naming the outcome";
      const sc = fixtures["cases/scenarios.json"].scenarios.find((s) => s.name === name);
      assert.ok(sc, `the scenario "${name}" is in the fixture`);
      const permit = ptsp.Procedure.jatimPermit();
      const cal = ptsp.Calendar.jatim();
      const c = new ptsp.Case();
      const log = [];
      sc.steps.forEach((step, i) => {
        if (step.expect === "ok") {
          log.push(...c.execute(step.request, permit, cal));
          return;
        }
        const before = c.toJson();
        const e = expectCode(ptsp, assert, step.expect, () => c.execute(step.request, permit, cal), `#${i}`);
        assert.ok(!e.message.includes("["), `#${i}: ${e.message}`);
        assert.equal(c.toJson(), before, `#${i}: a refused command changed the case`);
      });
      assert.deepEqual(c.state.status, sc.final.status);
      assert.equal(c.state.current, sc.final.current);
      assert.deepEqual(c.state.visits.map((v) => v.due), sc.final.dues);
      // The events record the outcome taken, also where it was left out.
      assert.deepEqual(c.state.visits.map((v) => v.outcome), sc.final.outcomes);
      assert.equal(ptsp.Case.replay(log, permit).toJson(), c.toJson());
    },
  },
  {
    name: "a web form's flow: validate the form, check documents, preview the completion, suggest a unit",
    fn(ptsp, fixtures, assert) {
      const today = "2026-12-01";
      const form = {
        kind: "pengaduan",
        name: " Siti Rahayu ",
        nik: "3515144508680002",
        phone: "0812-3456-7890",
        subject: "Limbah pabrik",
        text: "Limbah pabrik mencemari sungai di belakang rumah kami sejak Oktober.",
      };
      const valid = ptsp.validateForm(form, null, today);
      assert.equal(valid.name, "Siti Rahayu");
      assert.equal(valid.phone, "+6281234567890");
      assert.equal(valid.nik.province, "Jawa Timur");
      const e = expectCode(ptsp, assert, "invalid_form", () =>
        ptsp.validateForm({ ...form, nik: "", phone: "123" }, null, today));
      assert.deepEqual(e.errors.map((p) => [p.path, p.code]), [["nik", "required"], ["phone", "invalid_phone"]]);

      const permit = ptsp.Procedure.jatimPermit();
      const gaps = permit.checkDocuments([{ code: "ktp", format: "docx", bytes: 35000 }]);
      assert.deepEqual(gaps.map((g) => g.code), ["wrong_format", ...Array(4).fill("missing_document")]);
      const complete = permit.documents
        .filter((d) => d.mandatory)
        .map((d) => ({ code: d.code, format: d.formats[0], bytes: 1000 }));
      assert.deepEqual(permit.checkDocuments(complete), []);

      const cal = ptsp.Calendar.jatim();
      const when = permit.previewCompletion(cal, "2026-12-22T09:15:00+07:00");
      assert.equal(when.completion, "2027-01-06T16:00:00+07:00");
      assert.deepEqual(when.untimed, ["rekomendasi", "cetak"]);
      assert.equal(cal.deadline("2026-12-23T14:20:00+07:00", 3).due_at, "2026-12-30T16:00:00+07:00");

      const [best] = ptsp.Router.sample().suggest({ subject: valid.subject, text: valid.text });
      assert.equal(best.unit, "dlh");
      assert.equal(best.reasons[0].excerpt, "Limbah");
    },
  },
];

/**
 * What the form package (pkg/form/) exports: the full package's exports less
 * FULL_ONLY_EXPORTS. Checked by the form runners.
 */
export const FULL_ONLY_EXPORTS = [
  "Office",
  "survey",
  "validateSurveyResponse",
  "ikm",
  "ikmBy",
  "tallyResponses",
  "mergeTallies",
  "ikmOfTally",
  "sampleSize",
  "complianceReport",
  "complianceFromLogs",
  "mergeReports",
  "reportCsv",
  "reportMarkdown",
  "publishStandard",
  "publishPerformance",
  "supervisionEscalations",
  "supervisorWorklist",
  "checkOrganisation",
  "competenceReport",
  "staffingReport",
  "auditFacilities",
  "compareAudits",
  "facilitiesChecklist",
  "Case",
  "deskFigures",
  "deskUnitSummaries",
  "layerFromIcal",
  "layerToIcal",
  "slaEvaluate",
];
/** Static methods of `Procedure` only the full package has (the desk's flows). */
export const FULL_ONLY_PROCEDURES = ["jatimComplaint", "jatimConsultation", "jatimSuggestion"];
