//! Static validation of a [`ProcedureDef`]: every problem at once, each
//! with a path and a stable code (see DESIGN.md, "Procedure definitions").

use crate::error::Code;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{LaneKind, ProcedureDef, Sla, StepKind, TextLimits};
use crate::error::Problem;

impl Sla {
    /// Problems of this SLA at `path` (`what` names its owner in both
    /// languages).
    fn check(&self, path: &str, en: &str, id: &str, out: &mut Vec<Problem>) {
        if self.amount <= 0 {
            out.push(Problem::new(
                format!("{path}.amount"),
                Code::NonPositiveSla,
                format!("{en}: SLA amount {} must be positive", self.amount),
                format!("{id}: jumlah SLA {} harus positif", self.amount),
            ));
        } else if self.amount > self.max_amount() {
            out.push(Problem::new(
                format!("{path}.amount"),
                Code::SlaTooLarge,
                format!(
                    "{en}: SLA amount {} is too large: at most {} allowed",
                    self.amount,
                    self.max_amount()
                ),
                format!(
                    "{id}: jumlah SLA {} terlalu besar: paling banyak {}",
                    self.amount,
                    self.max_amount()
                ),
            ));
        }
        if self.warn_at.iter().any(|w| !(1..=99).contains(w))
            || self.warn_at.windows(2).any(|w| w[0] >= w[1])
        {
            let list = self
                .warn_at
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Problem::new(
                format!("{path}.warn_at"),
                Code::InvalidThresholds,
                format!(
                    "{en}: warning thresholds [{list}] must be ascending percentages between 1 and 99"
                ),
                format!(
                    "{id}: ambang peringatan [{list}] harus persentase naik antara 1 dan 99"
                ),
            ));
        }
    }
}

impl ProcedureDef {
    /// Checks the definition; returns every problem (empty when valid).
    ///
    /// # Example
    /// ```
    /// let mut p = ptsp::ProcedureDef::jatim_permit();
    /// p.steps[1].outcomes[0].next = "nowhere".into();
    /// let codes: Vec<String> = p.validate().into_iter().map(|p| p.code.to_string()).collect();
    /// assert!(codes.contains(&"unknown_target".to_string()));
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let dup = |out: &mut Vec<Problem>, path: String, what: &str, what_id: &str, id: &str| {
            out.push(Problem::new(
                path,
                Code::DuplicateId,
                format!("{what} id “{id}” is used twice"),
                format!("id {what_id} “{id}” dipakai dua kali"),
            ))
        };
        if self.id.trim().is_empty() {
            out.push(Problem::new(
                "id",
                Code::EmptyId,
                "procedure id is empty",
                "id prosedur kosong",
            ));
        }
        let mut roles = BTreeSet::new();
        for (i, r) in self.roles.iter().enumerate() {
            if !roles.insert(r.id.as_str()) {
                dup(&mut out, format!("roles[{i}].id"), "role", "peran", &r.id);
            }
        }
        let unknown_role = |out: &mut Vec<Problem>, path: String, role: &str| {
            out.push(Problem::new(
                path,
                Code::UnknownRole,
                format!("role “{role}” is not declared in roles"),
                format!("peran “{role}” tidak dideklarasikan di roles"),
            ))
        };
        let mut lanes = BTreeMap::new();
        for (i, l) in self.lanes.iter().enumerate() {
            if lanes.insert(l.id.as_str(), l).is_some() {
                dup(&mut out, format!("lanes[{i}].id"), "lane", "lajur", &l.id);
            }
            if l.roles.is_empty() {
                out.push(Problem::new(
                    format!("lanes[{i}].roles"),
                    Code::LaneWithoutRole,
                    format!("lane “{}” declares no role: expected at least one", l.id),
                    format!(
                        "lajur “{}” tidak memiliki peran: seharusnya paling sedikit satu",
                        l.id
                    ),
                ));
            }
            for (j, r) in l.roles.iter().enumerate() {
                if !roles.contains(r.as_str()) {
                    unknown_role(&mut out, format!("lanes[{i}].roles[{j}]"), r);
                }
            }
        }
        for (j, r) in self.assigner_roles.iter().enumerate() {
            if !roles.contains(r.as_str()) {
                unknown_role(&mut out, format!("assigner_roles[{j}]"), r);
            }
        }
        let mut steps: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, s) in self.steps.iter().enumerate() {
            if steps.insert(s.id.as_str(), i).is_some() {
                dup(&mut out, format!("steps[{i}].id"), "step", "langkah", &s.id);
            }
        }
        let unknown_target = |out: &mut Vec<Problem>, path: String, target: &str| {
            out.push(Problem::new(
                path,
                Code::UnknownTarget,
                format!("step “{target}” does not exist"),
                format!("langkah “{target}” tidak ada"),
            ))
        };
        if !steps.contains_key(self.start.as_str()) {
            unknown_target(&mut out, "start".into(), &self.start);
        }
        for (i, s) in self.steps.iter().enumerate() {
            let p = format!("steps[{i}]");
            if !lanes.contains_key(s.lane.as_str()) {
                out.push(Problem::new(
                    format!("{p}.lane"),
                    Code::UnknownLane,
                    format!("lane “{}” is not declared in lanes", s.lane),
                    format!("lajur “{}” tidak dideklarasikan di lanes", s.lane),
                ));
            }
            for (j, r) in s.roles.iter().enumerate() {
                if lanes
                    .get(s.lane.as_str())
                    .is_some_and(|l| !l.roles.contains(r))
                {
                    out.push(Problem::new(
                        format!("{p}.roles[{j}]"),
                        Code::RoleNotInLane,
                        format!(
                            "step “{}”: role “{r}” is not a role of lane “{}”",
                            s.id, s.lane
                        ),
                        format!(
                            "langkah “{}”: peran “{r}” bukan peran lajur “{}”",
                            s.id, s.lane
                        ),
                    ));
                }
            }
            let mut outcome_ids = BTreeSet::new();
            for (j, o) in s.outcomes.iter().enumerate() {
                if !outcome_ids.insert(o.id.as_str()) {
                    dup(
                        &mut out,
                        format!("{p}.outcomes[{j}].id"),
                        "outcome",
                        "hasil",
                        &o.id,
                    );
                }
                if !steps.contains_key(o.next.as_str()) {
                    unknown_target(&mut out, format!("{p}.outcomes[{j}].next"), &o.next);
                }
            }
            let (need, code, en, id) = match s.kind {
                StepKind::Decision => (
                    s.outcomes.len() < 2,
                    Code::DecisionOutcomes,
                    "a decision needs at least two outcomes",
                    "keputusan membutuhkan paling sedikit dua hasil",
                ),
                StepKind::Task => (
                    s.outcomes.is_empty(),
                    Code::TaskOutcomes,
                    "a task needs at least one outcome",
                    "tugas membutuhkan paling sedikit satu hasil",
                ),
                StepKind::End => (
                    !s.outcomes.is_empty() || s.end.is_none(),
                    Code::EndStep,
                    "an end step has no outcomes and says how the case ends (end)",
                    "langkah akhir tidak memiliki hasil dan menyatakan cara kasus berakhir (end)",
                ),
            };
            if need {
                out.push(Problem::new(
                    format!("{p}.outcomes"),
                    code,
                    format!("step “{}”: {en}, found {}", s.id, s.outcomes.len()),
                    format!("langkah “{}”: {id}, ditemukan {}", s.id, s.outcomes.len()),
                ));
            }
            if s.kind != StepKind::End && s.end.is_some() {
                out.push(Problem::new(
                    format!("{p}.end"),
                    Code::EndStep,
                    format!("step “{}” is not an end step but sets end", s.id),
                    format!("langkah “{}” bukan langkah akhir tetapi mengisi end", s.id),
                ));
            }
            if let Some(sla) = &s.sla {
                sla.check(
                    &format!("{p}.sla"),
                    &format!("step “{}”", s.id),
                    &format!("langkah “{}”", s.id),
                    &mut out,
                );
            }
            let lane_kind = lanes.get(s.lane.as_str()).map(|l| l.kind);
            if let Some(lapse) = &s.on_lapse {
                let problem = if lane_kind.is_some_and(|k| k != LaneKind::Applicant) {
                    Some((
                        "a lapse outcome belongs to a step of the applicant's lane",
                        "hasil saat tenggat lewat hanya untuk langkah di lajur pemohon",
                    ))
                } else if s.sla.is_none() {
                    Some((
                        "a lapse outcome needs the step's SLA (the window)",
                        "hasil saat tenggat lewat membutuhkan SLA langkah (jangka waktunya)",
                    ))
                } else if !s.outcomes.iter().any(|o| o.id == *lapse) {
                    Some((
                        "the lapse outcome is not one of the step's outcomes",
                        "hasil saat tenggat lewat bukan salah satu hasil langkah",
                    ))
                } else {
                    None
                };
                if let Some((en, id)) = problem {
                    out.push(Problem::new(
                        format!("{p}.on_lapse"),
                        Code::InvalidLapse,
                        format!("step “{}”: {en} (found “{lapse}”)", s.id),
                        format!("langkah “{}”: {id} (ditemukan “{lapse}”)", s.id),
                    ));
                }
            }
            for (j, o) in s.outcomes.iter().enumerate() {
                if o.declines && lane_kind.is_some_and(|k| k != LaneKind::RoutedUnit) {
                    out.push(Problem::new(
                        format!("{p}.outcomes[{j}].declines"),
                        Code::DeclinesNotRouted,
                        format!(
                            "step “{}”: outcome “{}” declines, but only a routed unit's step can decline",
                            s.id, o.id
                        ),
                        format!(
                            "langkah “{}”: hasil “{}” menolak kewenangan, padahal hanya langkah unit tujuan yang dapat menolaknya",
                            s.id, o.id
                        ),
                    ));
                }
            }
            if (s.correction || s.can_reject)
                && lanes
                    .get(s.lane.as_str())
                    .is_some_and(|l| l.kind == LaneKind::Applicant)
            {
                out.push(Problem::new(
                    format!("{p}.correction"),
                    Code::ApplicantStepFlags,
                    format!("step “{}” is the applicant's: it cannot return for correction or reject", s.id),
                    format!("langkah “{}” milik pemohon: tidak dapat mengembalikan untuk perbaikan atau menolak", s.id),
                ));
            }
        }
        if let Some(start) = steps.get(self.start.as_str()).map(|&i| &self.steps[i])
            && lanes
                .get(start.lane.as_str())
                .is_some_and(|l| l.kind != LaneKind::Applicant)
        {
            out.push(Problem::new(
                "start",
                Code::StartNotApplicant,
                format!("start step “{}” must be in the applicant's lane", start.id),
                format!("langkah awal “{}” harus berada di lajur pemohon", start.id),
            ));
        }
        if let Some(d) = &self.deemed_approval {
            for (j, s) in d.steps.iter().enumerate() {
                if !steps.contains_key(s.as_str()) {
                    unknown_target(&mut out, format!("deemed_approval.steps[{j}]"), s);
                }
            }
        }
        let mut tier_ids = BTreeSet::new();
        for (i, t) in self.tiers.iter().enumerate() {
            if !tier_ids.insert(t.id.as_str()) {
                dup(&mut out, format!("tiers[{i}].id"), "tier", "tingkat", &t.id);
            }
            t.sla.check(
                &format!("tiers[{i}].sla"),
                &format!("tier “{}”", t.id),
                &format!("tingkat “{}”", t.id),
                &mut out,
            );
        }
        if let Some(w) = &self.correction_window {
            w.check(
                "correction_window",
                "correction window",
                "jangka waktu perbaikan",
                &mut out,
            );
        }
        out.extend(
            self.supervision
                .escalation
                .validate("supervision.escalation"),
        );
        if let Some(sector) = &self.sector
            && sector.trim().is_empty()
        {
            out.push(Problem::new(
                "sector",
                Code::EmptyId,
                "the sector is blank",
                "sektor kosong",
            ));
        }
        let l = &self.limits;
        for (name, v) in [
            ("note", l.note),
            ("reason", l.reason),
            ("id", l.id),
            ("items", l.items),
        ] {
            if v == 0 || v > TextLimits::CEILING {
                out.push(Problem::new(
                    format!("limits.{name}"),
                    Code::InvalidLimit,
                    format!("limit {name} is {v}: expected 1 to {}", TextLimits::CEILING),
                    format!(
                        "batas {name} bernilai {v}: seharusnya 1 sampai {}",
                        TextLimits::CEILING
                    ),
                ));
            }
        }
        for (i, s) in self.steps.iter().enumerate() {
            if s.sets_tier && self.tiers.is_empty() {
                out.push(Problem::new(
                    format!("steps[{i}].sets_tier"),
                    Code::NoTiers,
                    format!(
                        "step “{}” sets a tier but the procedure declares none",
                        s.id
                    ),
                    format!(
                        "langkah “{}” menetapkan tingkat tetapi prosedur tidak mendeklarasikannya",
                        s.id
                    ),
                ));
            }
        }
        let mut codes = BTreeSet::new();
        for (i, d) in self.documents.iter().enumerate() {
            if !codes.insert(d.code.as_str()) {
                dup(
                    &mut out,
                    format!("documents[{i}].code"),
                    "document",
                    "dokumen",
                    &d.code,
                );
            }
        }
        // Graph checks run on what exists: a transition to a missing step
        // is reported above and left out here, so every other problem
        // still shows.
        self.check_graph(&steps, &mut out);
        out
    }

    /// Reachability from the start, and from every step to an end.
    fn check_graph(&self, steps: &BTreeMap<&str, usize>, out: &mut Vec<Problem>) {
        let Some(&start) = steps.get(self.start.as_str()) else {
            return;
        };
        let n = self.steps.len();
        let next: Vec<Vec<usize>> = self
            .steps
            .iter()
            .map(|s| {
                s.outcomes
                    .iter()
                    .filter_map(|o| steps.get(o.next.as_str()).copied())
                    .collect()
            })
            .collect();
        let mut seen = vec![false; n];
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        while let Some(i) = queue.pop_front() {
            for &j in &next[i] {
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        // Reverse reachability from end steps.
        let mut ends = vec![false; n];
        let mut queue: VecDeque<usize> = (0..n)
            .filter(|&i| self.steps[i].kind == StepKind::End)
            .collect();
        for &i in &queue {
            ends[i] = true;
        }
        let mut prev: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, ns) in next.iter().enumerate() {
            for &j in ns {
                prev[j].push(i);
            }
        }
        while let Some(j) = queue.pop_front() {
            for &i in &prev[j] {
                if !ends[i] {
                    ends[i] = true;
                    queue.push_back(i);
                }
            }
        }
        for (i, s) in self.steps.iter().enumerate() {
            if !seen[i] {
                out.push(Problem::new(
                    format!("steps[{i}]"),
                    Code::UnreachableStep,
                    format!(
                        "step “{}” cannot be reached from the start “{}”",
                        s.id, self.start
                    ),
                    format!(
                        "langkah “{}” tidak dapat dicapai dari langkah awal “{}”",
                        s.id, self.start
                    ),
                ));
            } else if !ends[i] {
                let in_loop = self.reaches(&next, i, i);
                let (code, en, id) = if in_loop {
                    (
                        Code::LoopWithoutExit,
                        "is in a loop with no way out to an end step",
                        "berada dalam putaran tanpa jalan keluar ke langkah akhir",
                    )
                } else {
                    (
                        Code::NoEndReachable,
                        "cannot reach any end step",
                        "tidak dapat mencapai langkah akhir mana pun",
                    )
                };
                out.push(Problem::new(
                    format!("steps[{i}]"),
                    code,
                    format!("step “{}” {en}", s.id),
                    format!("langkah “{}” {id}", s.id),
                ));
            }
        }
    }

    fn reaches(&self, next: &[Vec<usize>], from: usize, to: usize) -> bool {
        let mut seen = vec![false; next.len()];
        let mut stack = next[from].clone();
        while let Some(i) = stack.pop() {
            if i == to {
                return true;
            }
            if !std::mem::replace(&mut seen[i], true) {
                stack.extend(&next[i]);
            }
        }
        false
    }
}
