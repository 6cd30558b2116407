// Type-checks the declarations of the form package, pkg/form/ptsp_wasm.d.ts
// (never run), through the "ptsp-wasm/form" entry of package.json: a web
// form's flow, and the absence of what only the full package has.
import init, {
  Calendar,
  Procedure,
  Router,
  isPtspError,
  validateForm,
  type Preview,
  type Problem,
  type Suggestion,
  type ValidForm,
} from "ptsp-wasm/form";
import * as form from "ptsp-wasm/form";

export async function flow(): Promise<[ValidForm, Problem[], Preview, Suggestion[]]> {
  await init();
  try {
    const valid: ValidForm = validateForm(
      { kind: "pengaduan", name: "Siti", subject: "Limbah pabrik", text: "Limbah pabrik mencemari sungai kami." },
      null,
      "2026-12-01",
    );
    const permit = Procedure.jatimPermit();
    const gaps: Problem[] = permit.checkDocuments([{ code: "ktp", format: "pdf", bytes: 1000 }]);
    const when: Preview = permit.previewCompletion(Calendar.jatim(), "2026-12-22T09:15:00+07:00");
    const ranked: Suggestion[] = Router.sample().suggest({ subject: valid.subject, text: valid.text });
    return [valid, gaps, when, ranked];
  } catch (e) {
    if (isPtspError(e)) throw new Error(e.code);
    throw e;
  }
}

// @ts-expect-error: the case engine is only in the full package.
form.Case;
// @ts-expect-error: SLA clocks are only in the full package.
form.slaEvaluate;
// @ts-expect-error: the desk's flows are only in the full package.
Procedure.jatimComplaint();
