// Type-checks the declarations of pkg/ptsp_wasm.d.ts (generated data shapes
// plus wasm-bindgen's classes and functions) and of ptsp-wasm/builtin (never run):
//   npx tsc -p wasm-bindings/tests/tsconfig.json
// The package is imported by its own name, so this also checks the
// "exports"/"types" entries of wasm-bindings/package.json.
import * as builtin from "ptsp-wasm/builtin";
import init, {
  Office,
  publishStandard,
  publishPerformance,
  complianceReport,
  complianceFromLogs,
  mergeReports,
  reportCsv,
  reportMarkdown,
  type ComplianceReport,
  ikm,
  ikmBy,
  ikmOfTally,
  mergeTallies,
  sampleSize,
  survey,
  tallyResponses,
  validateSurveyResponse,
  type IkmResult,
  type GroupResult,
  type SurveyDef,
  type Tally,
  type Response as SurveyResponse,
  supervisionEscalations,
  supervisorWorklist,
  type Escalation,
  checkOrganisation,
  competenceReport,
  staffingReport,
  type CompetenceReport,
  type Organisation,
  type StaffingReport,
  auditFacilities,
  compareAudits,
  facilitiesChecklist,
  type Checklist,
  type Comparison,
  type FacilitiesAudit,
  Assuming,
  Calendar,
  Case,
  Procedure,
  Router,
  defaultFormLimits,
  deskFigures,
  deskUnitSummaries,
  isPtspError,
  layerFromIcal,
  layerToIcal,
  normalizeEmail,
  normalizePhone,
  normalizeText,
  parseNik,
  provinces,
  slaEvaluate,
  stem,
  validateForm,
  type Actor,
  type CalendarDef,
  type CaseState,
  type CaseStatus,
  type ClockStatus,
  type Command,
  type Event,
  type FormLimits,
  type LaneDef,
  type NikInfo,
  type Province,
  type Reason,
  type Request,
  type RuleSet,
  type SlaReport,
  type Suggestion,
  type TicketFigures,
  type Tier,
  type Tracking,
  type Unit,
  type UnitSummary,
  type ValidForm,
  type WebForm,
  type Deadline,
  type ErrorCode,
  type Estimate,
  type DocumentRequirement,
  type ExplainedDay,
  type Explanation,
  type RenderedExplanation,
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
  const from: "next_working_day" | "receipt_day" | undefined = d.policy.count_from;

  const e: RenderedExplanation = precise(cal.explainDeadline(AT, 3, undefined, "id"));
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
  const estExplained: Estimate<RenderedExplanation> = precise(view.explainDeadline(AT, 3, {}, "en"));
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
  const formats: string[] = docs[0].formats ?? [];
  const maxBytes: number | null | undefined = docs[0].max_bytes;
  const steps: StepDef[] = precise(permit.steps);
  const firstNext: string | undefined = steps[0].outcomes?.[0]?.next;
  const slaDays: number | undefined = steps[1].sla?.amount;
  const pdef: ProcedureDef = JSON.parse(permit.toJson());
  const countFrom: "next_working_day" | "receipt_day" | undefined = pdef.deadline_policy?.count_from;
  const submitted: SubmittedDocument[] = [{ code: "ktp", format: "pdf", bytes: 120_000 }];
  const gaps: Problem[] = precise(permit.checkDocuments(submitted));
  const gapId: string = gaps[0].message_id;
  const preview: Preview = precise(permit.previewCompletion(cal, AT));
  const completion: Instant = preview.completion;
  const pstep: PreviewStep = preview.steps[0];
  const pdue: Instant | null | undefined = pstep.due;
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

  // The desk: web form, routing, cases, SLA clocks and figures.
  const TODAY: IsoDate = "2026-12-01";
  const form: WebForm = {
    kind: "pengaduan",
    name: "Siti Rahayu",
    nik: "3515144508680002",
    phone: "0812-3456-7890",
    subject: "Izin belum terbit",
    text: "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.",
    attachments: [{ file_name: "bukti.pdf", format: "pdf", bytes: 120_000 }],
  };
  const valid: ValidForm = precise(validateForm(form, null, TODAY));
  const valid2: ValidForm = validateForm({ kind: "konsultasi" }, undefined, TODAY);
  const limits: FormLimits = precise(defaultFormLimits());
  const partial: Partial<FormLimits> = { complaint: { nik_required: false }, formats: ["pdf"] };
  const valid3: ValidForm = validateForm(form, partial, TODAY);
  const kindOut: "konsultasi" | "pengaduan" | "saran" = valid.kind;
  const suggestion: ValidForm = validateForm({ ...form, kind: "saran" }, { suggestion: { email_required: true }, file_name_max: 80 }, TODAY);
  const nikOut: NikInfo | null | undefined = valid.nik;
  const birth: IsoDate | undefined = nikOut?.birth_date;
  const phoneOut: string | null | undefined = valid.phone;
  const nik: NikInfo = precise(parseNik("3515144508680002", TODAY));
  const sex: "male" | "female" = nik.sex;
  const e164: string = precise(normalizePhone("0812-3456-7890"));
  const mail: string = precise(normalizeEmail("budi@example.com"));
  const provs: Province[] = precise(provinces());

  const router: Router = precise(Router.sample());
  const router2: Router = precise(Router.fromJson(router.toJson()));
  const rules: RuleSet = precise(router.ruleSet);
  const unit: Unit | null = precise(router.unit("dkp"));
  const ranked: Suggestion[] = precise(router.suggest({ subject: "Izin", text: "Limbah pabrik" }));
  const again2: Suggestion[] = precise(router.redistribute({ text: "Limbah" }, ["dlh"]));
  const rule: string | null | undefined = ranked[0].rule;
  const reason: Reason = ranked[0].reasons[0];
  const reasonText: string = reason.text.id;
  if (reason.kind === "keyword") {
    const span: [number, number, string] = [reason.start, reason.end, reason.excerpt];
    const field: "subject" | "text" = reason.field;
    void [span, field];
  }
  const words: string[] = precise(normalizeText("Perpanjangan izin"));
  const root: string = precise(stem("perizinan"));
  const ownRoot: string = precise(router.stem("perizinan"));
  const ownWords: string[] = precise(router.normalize("Perpanjangan izin"));

  const desk: Procedure = precise(Procedure.jatimComplaint());
  const consult: Procedure = precise(Procedure.jatimConsultation());
  const lanes: LaneDef[] = precise(desk.lanes);
  const seesApplicant: boolean | undefined = lanes[3].sees_applicant;
  const tiers: Tier[] = precise(desk.tiers);
  const tierDays: number = tiers[0].sla.amount;
  const actor: Actor = { id: "q-1", roles: ["penanya"] };
  const command: Command = { type: "submit", case_id: "K-1", documents: [] };
  const request: Request = { actor, at: AT, command };
  const kase: Case = precise(new Case());
  const decided: Event[] = precise(kase.decide(request, consult, cal));
  const events: Event[] = precise(kase.execute(request, consult, cal));
  const replayed: Case = precise(Case.replay(events, consult));
  // @ts-expect-error a replay is checked against its procedure
  Case.replay(events);
  const suggestionFlow: Procedure = precise(Procedure.jatimSuggestion());
  const paused: number | null = precise(kase.pausedRemainingSeconds);
  const lapse: Command = { type: "lapse", step: "konfirmasi" };
  const withOutputs: Command = {
    type: "complete_step",
    step: "cetak",
    outcome: "dicetak",
    outputs: [{ kind: "izin", number: "503/1/2026", date: "2026-12-21" }],
  };
  const role: string | null | undefined = events[0].actor_role;
  const ofCase: string = events[0].case;
  const state: CaseState = precise(kase.state);
  const caseStatus: CaseStatus = state.status;
  const current: string | null | undefined = state.current;
  const due2: Instant | null = precise(kase.due);
  const tracking: Tracking = precise(kase.tracking(consult));
  const redacted: CaseState = precise(kase.viewFor(actor, consult));
  const seen: Event[] = precise(kase.eventsFor(events, actor, consult));
  const firstType: Event["type"] = events[0].type;
  const report: SlaReport = precise(slaEvaluate(kase, consult, cal, AT));
  const clock: ClockStatus = report.steps[0].status;
  const figures: TicketFigures = precise(deskFigures(kase, consult, cal, AT));
  const firstResponse: number | null | undefined = figures.first_response_seconds;
  const grossResponse: number | null | undefined = figures.first_response_gross_seconds;
  const dueEvent = report.due_events[0];
  const lapseOutcome: string | undefined = dueEvent && dueEvent.type === "lapse" ? dueEvent.outcome : undefined;
  const permitNumber: string | null | undefined = tracking.permit_number;
  const summaries: UnitSummary[] = precise(deskUnitSummaries([kase, replayed], consult, cal, AT));

  // @ts-expect-error not a ticket kind
  validateForm({ kind: "pujian" }, null, TODAY);
  // @ts-expect-error web-form fields are snake_case and known
  validateForm({ fileName: "x" }, null, TODAY);
  // @ts-expect-error today is required
  validateForm(form, null);
  // @ts-expect-error a range needs min and max
  validateForm(form, { name: { min: 1 } }, TODAY);
  // @ts-expect-error the NIK is a string
  parseNik(3515144508680002, TODAY);
  // @ts-expect-error routing inputs have no body field
  router.suggest({ body: "Limbah" });
  // @ts-expect-error rejected units are ids
  router.redistribute({ text: "Limbah" }, "dlh");
  // @ts-expect-error the constructor is private: use sample() or fromJson()
  new Router();
  // @ts-expect-error not a command
  const bad: Command = { type: "escalate" };
  // @ts-expect-error the procedure is a Procedure object
  kase.execute(request, "jatim-konsultasi", cal);
  // @ts-expect-error a case, not its state
  slaEvaluate(kase.state, consult, cal, AT);
  // @ts-expect-error result fields are snake_case
  figures.firstResponseSeconds;
  // @ts-expect-error not a clock status
  const clock2: ClockStatus = "late";

  void [valid2, limits, valid3, kindOut, birth, phoneOut, sex, e164, mail, provs, router2, rules, unit];
  void [again2, rule, reasonText, words, root, ownRoot, ownWords, seesApplicant, tierDays, decided];
  void [caseStatus, current, due2, tracking, redacted, seen, firstType, clock, firstResponse];
  void [suggestionFlow, paused, lapse, withOutputs, role, ofCase, grossResponse, lapseOutcome, permitNumber];
  void [summaries, bad, clock2];

  void [id, span, status, working, next, prev, added, count, d2, d3, due, late, from, text, names];
  void [secs, nonWorking, firstAssumed, estDate, estDeadline, estExplained, estSecs, ics, national];
  void [again, pid, version, pname, formats, maxBytes, firstNext, slaDays, countFrom, gapId, completion];
  void [pdue, stepName, untimed, kind];

  // The built-in ids are string constants, usable in commands.
  const verify: string = builtin.permit.steps.VERIFY;
  const toVerify: Command = {
    type: "complete_step",
    step: builtin.permit.steps.VERIFY,
    outcome: builtin.permit.outcomes.COMPLETE,
  };
  const deskId: string = builtin.complaint.ID;
  void [verify, toVerify, deskId];

  // Seed §4 facilities.
  const list: Checklist = precise(facilitiesChecklist());
  const audited: FacilitiesAudit = precise(auditFacilities({ office: "x", as_of: "2026-12-01", entries: [] }, null, null));
  const itemStatus: "present" | "inadequate" | "missing" = audited.lines[0].status;
  const diff: Comparison = precise(compareAudits(audited, audited));
  void [list, itemStatus, diff];
  const sampleOrg: Organisation = { id: "x", units: [], positions: [], staff: [] };
  const checkedOrg: Organisation = precise(checkOrganisation(sampleOrg));
  const competence: CompetenceReport = precise(competenceReport(checkedOrg, [], "verifikator", null, "2026-12-01", 30));
  const staffed: StaffingReport = precise(staffingReport(checkedOrg, "2026-12-01", null, null, { kesehatan: 3 }));
  const shortSectors: string[] = staffed.short;
  void [competence, shortSectors];
  const escalated: Escalation[] = precise(supervisionEscalations(checkedOrg, kase, consult, cal, AT));
  const todo: Escalation[] = precise(supervisorWorklist(checkedOrg, "kadis", escalated));
  const control: "preventive" | "repressive" | undefined = todo[0]?.control;
  const recorded: boolean | undefined = todo[0]?.recorded;
  void [control, recorded];
  const office = new Office(checkedOrg, null);
  const staffActor: Actor = precise(office.actor("s-1", "2026-12-01"));
  const staffGaps: Label[] = precise(office.shortfalls("s-1", "verifikator", "2026-12-01", null));
  const picked: string | null = precise(office.pickStaff("verifikator", "2026-12-01", { "s-1": 2 }, null, null));
  const note: Command = { type: "supervise", directive: "instruction", text: "Segera" };
  const escalate: Command = { type: "escalate", step: "pemeriksaan", control: "repressive", level: 1 };
  const officeEvents: Event[] = precise(office.execute(kase, { actor: staffActor, at: AT, command: note }, consult, cal));
  const officeDecided: Event[] = precise(office.decide(kase, { actor: staffActor, at: AT, command: escalate }, consult, cal));
  const officeEscalations: Escalation[] = precise(office.escalations(kase, consult, cal, AT));
  const officeWorklist: Escalation[] = precise(office.worklist("kadis", officeEscalations));
  void [staffGaps, picked, officeEvents, officeDecided, officeWorklist];
  const surveyDef: SurveyDef = precise(survey());
  const answer: SurveyResponse = { date: "2026-12-01", answers: { persyaratan: 4 } };
  const formProblems: Problem[] = precise(validateSurveyResponse(answer, true));
  const round: IkmResult = precise(ikm([answer], "exact"));
  const quality: string = round.category.quality;
  const perMonth: GroupResult[] = precise(ikmBy([answer], "month", null));
  const counted: Tally = precise(mergeTallies([precise(tallyResponses([answer]))]));
  const fromTally: IkmResult = precise(ikmOfTally(counted, "printed_weight"));
  const n: number = sampleSize(1000);
  void [surveyDef, formProblems, quality, perMonth, fromTally, n];
  const slaCompliance: ComplianceReport = precise(
    complianceReport([kase], [consult], cal, { from: "2026-12-01", to: "2026-12-31" }, AT, ["step", "month"]));
  const fromLogs: ComplianceReport = precise(
    complianceFromLogs(["[]"], [consult], cal, { from: "2026-12-01", to: "2026-12-31" }, AT, null, true));
  const merged: ComplianceReport = precise(mergeReports([slaCompliance, fromLogs]));
  const csvText: string = reportCsv(merged, "steps");
  const mdText: string = reportMarkdown(merged, "en");
  void [csvText, mdText];
  const standardHtml: string = publishStandard([consult], "en", "html");
  const pageMd: string = publishPerformance(merged, round, "id", null);
  void [standardHtml, pageMd];
}
