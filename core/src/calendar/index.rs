//! The compiled timeline behind every calendar operation.
//!
//! Days are numbered as in [`chrono::Datelike::num_days_from_ce`] (0001-01-01
//! is day 1, a Monday), so the weekday of day `d` is `(d - 1) mod 7` with
//! Monday = 0.
//!
//! The timeline has three regions: before the covered years, the covered
//! years, and after them. Inside the covered years a table holds, for every
//! day, the number of working days (and working seconds) before it, and the
//! list of working days in order; outside them the weekmask repeats every
//! week, so the same numbers come from week arithmetic. Together they give
//! two monotone functions over all days,
//!
//! * `rank(d)`: working days in `[start, d)` (negative before `start`), and
//! * `secs(d)`: working seconds in `[start, d)`,
//!
//! and their inverses, each in O(1) (seconds: O(log n) inside the table).
//! Every day operation is a difference of ranks or an inverse.

/// Day-number arithmetic for one calendar.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    /// First covered day (January 1 of the first covered year).
    pub start: i64,
    /// First day after coverage.
    pub end: i64,
    mask: [bool; 7],
    /// `p[k]`: working weekdays among weekdays `0..k`.
    p: [i64; 8],
    /// Working days per week.
    w: i64,
    /// `q[r]`: the weekday of the r-th working weekday of a week.
    q: [i64; 7],
    /// Prefix of `wsecs`.
    ps: [i64; 8],
    /// Working seconds per week.
    ws: i64,
    /// `cum[i]`: working days in `[start, start + i)`; `len = end - start + 1`.
    cum: Vec<u32>,
    /// Working days inside coverage, in order.
    days: Vec<i32>,
    /// The same days as dates (saves a conversion on the hot path).
    dates: Vec<chrono::NaiveDate>,
    /// `cum_secs[i]`: working seconds in `[start, start + i)`.
    cum_secs: Vec<i64>,
}

#[inline]
pub(crate) fn weekday(d: i64) -> usize {
    (d - 1).rem_euclid(7) as usize
}

impl Index {
    /// Builds the index. `off` and `extra` hold day numbers inside
    /// `[start, end)`; `day_secs[wd]` is the working seconds of weekday
    /// `wd` when it works (0 without office hours).
    pub fn build(
        start: i64,
        end: i64,
        mask: [bool; 7],
        off: &std::collections::BTreeSet<i64>,
        extra: &std::collections::BTreeSet<i64>,
        day_secs: [i64; 7],
    ) -> Index {
        let mut p = [0i64; 8];
        let mut q = [0i64; 7];
        let mut wsecs = [0i64; 7];
        let mut ps = [0i64; 8];
        let mut w = 0;
        for k in 0..7 {
            if mask[k] {
                q[w as usize] = k as i64;
                w += 1;
                wsecs[k] = day_secs[k];
            }
            p[k + 1] = w;
            ps[k + 1] = ps[k] + wsecs[k];
        }
        let len = (end - start) as usize;
        let mut cum = Vec::with_capacity(len + 1);
        let mut cum_secs = Vec::with_capacity(len + 1);
        let mut days = Vec::with_capacity(len);
        let (mut c, mut cs) = (0u32, 0i64);
        for d in start..end {
            cum.push(c);
            cum_secs.push(cs);
            let wd = weekday(d);
            let working = (mask[wd] && !off.contains(&d)) || extra.contains(&d);
            if working {
                c += 1;
                cs += day_secs[wd];
                days.push(d as i32);
            }
        }
        cum.push(c);
        cum_secs.push(cs);
        let dates = days
            .iter()
            .map(|&d| {
                chrono::NaiveDate::from_num_days_from_ce_opt(d)
                    .expect("covered days are valid dates")
            })
            .collect();
        Index {
            start,
            end,
            mask,
            p,
            w,
            q,
            ps,
            ws: ps[7],
            cum,
            days,
            dates,
            cum_secs,
        }
    }

    /// Working days in `[start, end)`.
    #[inline]
    pub fn table_len(&self) -> i64 {
        self.days.len() as i64
    }

    /// Periodic rank: working weekdays from an arbitrary origin up to `d`.
    #[inline]
    fn periodic(&self, d: i64) -> i64 {
        let m = d - 1;
        m.div_euclid(7) * self.w + self.p[m.rem_euclid(7) as usize]
    }

    /// Working days in `[start, d)`; negative for `d < start`.
    #[inline]
    pub fn rank(&self, d: i64) -> i64 {
        if d < self.start {
            self.periodic(d) - self.periodic(self.start)
        } else if d <= self.end {
            i64::from(self.cum[(d - self.start) as usize])
        } else {
            self.table_len() + self.periodic(d) - self.periodic(self.end)
        }
    }

    /// Whether day `d` is a working day.
    #[inline]
    pub fn is_working(&self, d: i64) -> bool {
        if d >= self.start && d < self.end {
            let i = (d - self.start) as usize;
            self.cum[i + 1] != self.cum[i]
        } else {
            self.mask[weekday(d)]
        }
    }

    /// The working day of rank `k` (the k-th working day counted from
    /// `start`, 0-based; negative ranks lie before `start`), or `None` when
    /// the day number overflows.
    #[inline]
    pub fn nth(&self, k: i64) -> Option<i64> {
        let t = self.table_len();
        if (0..t).contains(&k) {
            return Some(i64::from(self.days[k as usize]));
        }
        let j = if k >= t {
            self.periodic(self.end).checked_add(k - t)?
        } else {
            self.periodic(self.start).checked_add(k)?
        };
        let weeks = j.div_euclid(self.w);
        let r = j.rem_euclid(self.w) as usize;
        weeks.checked_mul(7)?.checked_add(self.q[r] + 1)
    }

    /// The working day of rank `k` as (day number, date) when it lies
    /// inside coverage.
    #[inline]
    pub fn table_day(&self, k: i64) -> Option<(i64, chrono::NaiveDate)> {
        let k = usize::try_from(k).ok()?;
        Some((i64::from(*self.days.get(k)?), self.dates[k]))
    }

    /// Periodic seconds up to `d` from an arbitrary origin.
    #[inline]
    fn periodic_secs(&self, d: i64) -> i64 {
        let m = d - 1;
        m.div_euclid(7) * self.ws + self.ps[m.rem_euclid(7) as usize]
    }

    /// Working seconds in `[start, d)` (whole days), negative before `start`.
    #[inline]
    pub fn secs(&self, d: i64) -> i64 {
        if d < self.start {
            self.periodic_secs(d) - self.periodic_secs(self.start)
        } else if d <= self.end {
            self.cum_secs[(d - self.start) as usize]
        } else {
            self.cum_secs[self.cum_secs.len() - 1] + self.periodic_secs(d)
                - self.periodic_secs(self.end)
        }
    }

    /// The first day whose working time ends at or after position `x`
    /// (seconds, as [`Index::secs`] counts them), or `None` on overflow.
    /// Requires working seconds per week > 0.
    pub fn day_at_secs(&self, x: i64) -> Option<i64> {
        let total = self.cum_secs[self.cum_secs.len() - 1];
        if x > 0 && x <= total {
            let i = self.cum_secs.partition_point(|&c| c < x);
            return Some(self.start + i as i64 - 1);
        }
        let y = if x <= 0 {
            x.checked_add(self.periodic_secs(self.start))?
        } else {
            (x - total).checked_add(self.periodic_secs(self.end))?
        };
        let weeks = (y - 1).div_euclid(self.ws);
        let base = weeks.checked_mul(self.ws)?;
        let r = (0..7).find(|&r| base + self.ps[r + 1] >= y)? as i64;
        weeks.checked_mul(7)?.checked_add(r + 1)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Two weeks of coverage starting on Monday day 8 (0001-01-08), one
    /// holiday on the first Wednesday, one extra working Saturday.
    fn small() -> Index {
        let off = BTreeSet::from([10]);
        let extra = BTreeSet::from([13]);
        let mask = [true, true, true, true, true, false, false];
        Index::build(8, 22, mask, &off, &extra, [3600; 7])
    }

    #[test]
    fn weekday_of_day_one_is_monday() {
        assert_eq!(weekday(1), 0);
        assert_eq!(weekday(7), 6);
        assert_eq!(weekday(0), 6);
        assert_eq!(weekday(-6), 0);
    }

    #[test]
    fn rank_and_nth_are_inverse_across_all_three_regions() {
        let ix = small();
        for d in -40..80 {
            let k = ix.rank(d);
            if ix.is_working(d) {
                assert_eq!(ix.nth(k), Some(d), "day {d}");
            }
            assert_eq!(ix.rank(d + 1) - k, i64::from(ix.is_working(d)), "day {d}");
        }
        assert!(!ix.is_working(10));
        assert!(ix.is_working(13));
        assert!(!ix.is_working(20)); // Saturday outside the extra day
        assert_eq!(ix.table_len(), 10);
    }

    #[test]
    fn seconds_positions_round_trip() {
        let ix = small();
        for d in -20..60 {
            if ix.is_working(d) {
                let end = ix.secs(d + 1);
                assert_eq!(ix.day_at_secs(end), Some(d), "day {d}");
                assert_eq!(ix.day_at_secs(end - 3599), Some(d), "day {d}");
            }
        }
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let ix = small();
        assert_eq!(ix.nth(i64::MAX), None);
        assert_eq!(ix.day_at_secs(i64::MAX), None);
        // Far in the past: representable here, refused later as a date.
        assert!(
            ix.day_at_secs(i64::MIN + 1)
                .is_none_or(|d| d < -1_000_000_000)
        );
    }
}
