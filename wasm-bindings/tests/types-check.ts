// Type-checks the hand-made declarations of pkg/ptsp_wasm.d.ts (never run):
//   npx tsc -p wasm-bindings/tests/tsconfig.json
// The package is imported by its own name, so this also checks the
// "exports"/"types" entries of wasm-bindings/package.json.
import init, {
  Assuming,
  Calendar,
  Procedure,
  isPtspError,
  layerFromIcal,
  layerToIcal,
  type CalendarDef,
  type Deadline,
  type ErrorCode,
  type Estimate,
  type DocumentRequirement,
  type ExplainedDay,
  type Explanation,
  type HolidayInfo,
  type HolidayLayer,
  type Instant,
  type IsoDate,
  type Label,
  type Preview,
  type PreviewStep,
  type Problem,
  type ProcedureDef,
  type StepDef,
  type SubmittedDocument,
  type YearSpan,
  type YearStatus,
} from "ptsp-wasm";

/** `true` only for `any`: every result below must be precisely typed. */
type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? never : T;
function precise<T>(value: NotAny<T>): T {
  return value;
}

const AT: Instant = "2026-12-23T14:20:00+07:00";

export async function check(): Promise<void> {
  await init();
  const cal: Calendar = precise(Calendar.jatim());
  const custom: Calendar = Calendar.fromJson(cal.toJson());
  const id: string = precise(custom.id);
  const span: YearSpan = precise(cal.coverage);
  const status: YearStatus | null = precise(cal.yearStatus(2026));

  const working: boolean = precise(cal.isWorkingDay("2026-12-24"));
  const next: IsoDate = precise(cal.nextWorkingDay("2026-12-23"));
  const prev: IsoDate = precise(cal.previousWorkingDay("2026-12-28"));
  const added: IsoDate = precise(cal.addWorkingDays("2025-03-27", 1));
  const count: number = precise(cal.workingDaysBetween("2026-12-01", "2027-01-01"));

  const d: Deadline = precise(cal.deadline(AT, 3));
  const d2: Deadline = cal.deadline(AT, 3, { count_from: "receipt_day" });
  const d3: Deadline = cal.deadline(AT, 3, null);
  const due: Instant = d.due_at;
  const late: boolean = d.late_receipt;
  const from: "next_working_day" | "receipt_day" = d.policy.count_from;

  const e: Explanation = precise(cal.explainDeadline(AT, 3, undefined, "id"));
  const text: string = e.text;
  const day: ExplainedDay = e.days[0];
  const names: string[] = (day.holidays ?? []).map((h) => h.name);

  const later: Instant = precise(cal.addWorkingTime(AT, 3 * 3600));
  const secs: number = precise(cal.workingTimeBetween(AT, later));
  const hs: HolidayInfo[] = precise(cal.holidays(2026));
  const nonWorking: boolean = hs[0].non_working;

  const view: Assuming = precise(cal.assumingWeekendsOnly());
  const est: Estimate<boolean> = precise(view.isWorkingDay("2031-01-02"));
  const firstAssumed: number | undefined = est.assumed[0]?.first;
  const estDate: Estimate<IsoDate> = precise(view.addWorkingDays("2031-01-01", 1));
  const estDeadline: Estimate<Deadline> = precise(view.deadline(AT, 3));
  const estExplained: Estimate<Explanation> = precise(view.explainDeadline(AT, 3, {}, "en"));
  const estSecs: Estimate<number> = precise(view.workingTimeBetween(AT, later));

  const layer: HolidayLayer = precise(
    layerFromIcal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", {
      layer_id: "kantor-x",
      layer_name: "Kantor X",
      default_kind: "office_closure",
    }),
  );
  const ics: string = precise(layerToIcal(layer));
  const def: CalendarDef = JSON.parse(cal.toJson());
  const national: HolidayLayer = def.layers[0];

  const permit: Procedure = precise(Procedure.jatimPermit());
  const again: Procedure = precise(Procedure.fromJson(permit.toJson()));
  const pid: string = precise(permit.id);
  const version: number = precise(permit.version);
  const pname: Label = precise(permit.name);
  const docs: DocumentRequirement[] = precise(permit.documents);
  const formats: string[] = docs[0].formats;
  const maxBytes: number | undefined = docs[0].max_bytes;
  const steps: StepDef[] = precise(permit.steps);
  const firstNext: string = steps[0].outcomes[0].next;
  const slaDays: number | undefined = steps[1].sla?.amount;
  const pdef: ProcedureDef = JSON.parse(permit.toJson());
  const countFrom: "next_working_day" | "receipt_day" = pdef.deadline_policy.count_from;
  const submitted: SubmittedDocument[] = [{ code: "ktp", format: "pdf", bytes: 120_000 }];
  const gaps: Problem[] = precise(permit.checkDocuments(submitted));
  const gapId: string = gaps[0].message_id;
  const preview: Preview = precise(permit.previewCompletion(cal, AT));
  const completion: Instant = preview.completion;
  const pstep: PreviewStep = preview.steps[0];
  const pdue: Instant | null = pstep.due;
  const stepName: string = pstep.name.id;
  const untimed: string[] = preview.untimed;

  try {
    cal.isWorkingDay("2031-01-02");
  } catch (err: unknown) {
    if (isPtspError(err)) {
      const code: ErrorCode = err.code;
      const msg: string = err.messages.id;
      const problems: Problem[] = err.errors;
      const isError: Error = err;
    }
  }

  // @ts-expect-error dates are ISO strings, not numbers
  cal.isWorkingDay(20261223);
  // @ts-expect-error n is required
  cal.addWorkingDays("2026-12-23");
  // @ts-expect-error not a policy value
  cal.deadline(AT, 3, { count_from: "tomorrow" });
  // @ts-expect-error not a policy field
  cal.deadline(AT, 3, { countFrom: "receipt_day" });
  // @ts-expect-error messages are in "id" or "en"
  cal.explainDeadline(AT, 3, {}, "fr");
  // @ts-expect-error result fields are snake_case
  d.dueAt;
  // @ts-expect-error not a holiday kind
  layerFromIcal("", { layer_id: "x", layer_name: "x", default_kind: "holiday" });
  // @ts-expect-error the constructor is private: use indonesia(), jatim() or fromJson()
  new Calendar();
  // @ts-expect-error the constructor is private: use jatimPermit() or fromJson()
  new Procedure();
  // @ts-expect-error a submitted document needs code, format and bytes
  permit.checkDocuments([{ code: "ktp" }]);
  // @ts-expect-error sizes are numbers
  permit.checkDocuments([{ code: "ktp", format: "pdf", bytes: "1" }]);
  // @ts-expect-error the calendar is a Calendar object, not its id
  permit.previewCompletion("jatim", AT);
  // @ts-expect-error the submission instant is required
  permit.previewCompletion(cal);
  // @ts-expect-error result fields are snake_case
  docs[0].maxBytes;
  // @ts-expect-error not a step kind
  const kind: StepDef["kind"] = "gateway";

  void [id, span, status, working, next, prev, added, count, d2, d3, due, late, from, text, names];
  void [secs, nonWorking, firstAssumed, estDate, estDeadline, estExplained, estSecs, ics, national];
  void [again, pid, version, pname, formats, maxBytes, firstNext, slaDays, countFrom, gapId, completion];
  void [pdue, stepName, untimed, kind];
}
