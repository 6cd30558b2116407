// The JS test suite of ptsp-wasm, shared by the Node runner (node.test.mjs)
// and the browser runner (browser.html, driven by browser.mjs). It must stay
// free of Node-only imports: each runner passes in
//   ptsp     — the initialised module (pkg/ptsp_wasm.js),
//   fixtures — the shared golden fixtures, by file name, parsed,
//   assert   — node:assert/strict in Node, ./assert.mjs in the browser.
//
// The golden cases are those of tests/fixtures.rs (Rust) and the Python
// suite: the three layers must give the same answers.

/** The fixture files of tests/fixtures/calendar/ each runner loads. */
export const FIXTURE_FILES = [
  "operations.json",
  "custom-office.json",
  "invalid-definitions.json",
  "ical.json",
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
      return ptsp.Calendar.fromJson(JSON.stringify(fixtures[name]));
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

const JATIM_RECEIVED = "2026-12-23T10:00:00+07:00";

export const tests = [
  {
    name: "operations agree with the golden cases",
    fn(ptsp, fixtures, assert) {
      let n = 0;
      const failures = [];
      for (const suite of fixtures["operations.json"].suites) {
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
      const f = fixtures["invalid-definitions.json"];
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
    fn(ptsp, fixtures, assert) {
      const f = fixtures["ical.json"];
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
    fn(ptsp, fixtures, assert) {
      const defs = [
        JSON.parse(ptsp.Calendar.indonesia().toJson()),
        fixtures["custom-office.json"],
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
      assert.deepEqual(def.office_hours, fixtures["custom-office.json"].office_hours);
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
      assert.match(json.messages.id, /^json tidak valid/);
    },
  },

  {
    name: "wrong JS types are invalid_type, never a trap",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const opts = fixtures["ical.json"].import;
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
        "invalid type for date: expected an ISO 8601 date string YYYY-MM-DD, found number 20261223",
      );
      const cyclic = {};
      cyclic.self = cyclic;
      expectCode(ptsp, assert, "invalid_type", () => cal.deadline(JATIM_RECEIVED, 3, cyclic));
    },
  },

  {
    name: "unparsable strings and unfit objects are invalid_value",
    fn(ptsp, fixtures, assert) {
      const cal = ptsp.Calendar.jatim();
      const cases = [
        ["day-first date", () => cal.isWorkingDay("31/12/2026")],
        ["impossible date", () => cal.isWorkingDay("2026-02-30")],
        ["empty date", () => cal.isWorkingDay("")],
        ["instant without offset", () => cal.deadline("2026-12-23 10:00", 3)],
        ["date for an instant", () => cal.addWorkingTime("2026-12-23", 60)],
        ["unknown count_from", () => cal.deadline(JATIM_RECEIVED, 3, { count_from: "tomorrow" })],
        ["unknown policy field", () => cal.deadline(JATIM_RECEIVED, 3, { countFrom: "receipt_day" })],
        ["unknown lang", () => cal.explainDeadline(JATIM_RECEIVED, 3, {}, "fr")],
        ["incomplete iCalendar options", () => ptsp.layerFromIcal("BEGIN:VCALENDAR", { layer_id: "x" })],
        ["layer without name", () => ptsp.layerToIcal({ id: "x" })],
        ["layer with a bad date", () =>
          ptsp.layerToIcal({ id: "x", name: "x", holidays: [{ date: "2026-13-01", name: "x", kind: "regional", source: "s" }] })],
      ];
      for (const [what, f] of cases) {
        const e = expectCode(ptsp, assert, "invalid_value", f, what);
        assert.ok(e.messages.en && e.messages.id, what);
      }
      const e = expectCode(ptsp, assert, "invalid_value", () =>
        cal.deadline(JATIM_RECEIVED, 3, { count_from: "tomorrow" }),
      );
      assert.match(e.message, /unknown variant `tomorrow`/);
      const d = expectCode(ptsp, assert, "invalid_value", () => cal.isWorkingDay("31/12/2026"));
      assert.match(d.messages.id, /^tanggal "31\/12\/2026" tidak valid/);
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
];
