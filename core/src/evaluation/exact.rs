//! Exact arithmetic for the satisfaction index: non-negative fractions of
//! unbounded integers ([`Fraction`]), so that an index sitting exactly on a
//! category boundary is classified by the regulation's table and not by a
//! floating-point accident, and a rendered figure is the exact value rounded
//! half up.
//!
//! The index is a sum of nine element averages `Sᵢ / nᵢ` (the sum of the
//! answers to element *i* over the number who answered it); with different
//! `nᵢ` its common denominator is their least common multiple, which
//! outgrows 128 bits long before a survey does. The integers here are
//! little-endian vectors of 64-bit limbs with schoolbook operations: the
//! numbers involved have at most a few hundred bits.

use std::cmp::Ordering;

/// An unsigned integer of any size: little-endian 64-bit limbs, no trailing
/// zero limb (zero is the empty vector).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Big(Vec<u64>);

impl Big {
    pub(crate) fn from_u128(n: u128) -> Big {
        let mut b = Big(vec![n as u64, (n >> 64) as u64]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// `self × m + a`.
    pub(crate) fn mul_add_small(&self, m: u64, a: u64) -> Big {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut carry = u128::from(a);
        for &limb in &self.0 {
            let t = u128::from(limb) * u128::from(m) + carry;
            out.push(t as u64);
            carry = t >> 64;
        }
        out.push(carry as u64);
        let mut b = Big(out);
        b.trim();
        b
    }

    pub(crate) fn add(&self, other: &Big) -> Big {
        let (long, short) = if self.0.len() >= other.0.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        let mut out = Vec::with_capacity(long.len() + 1);
        let mut carry = 0u64;
        for (i, &x) in long.iter().enumerate() {
            let (s1, c1) = x.overflowing_add(short.get(i).copied().unwrap_or(0));
            let (s2, c2) = s1.overflowing_add(carry);
            out.push(s2);
            carry = u64::from(c1) + u64::from(c2);
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// `self − other`; `other` must not be larger.
    fn sub(&self, other: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0u64;
        for (i, &x) in self.0.iter().enumerate() {
            let (d1, b1) = x.overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (d2, b2) = d1.overflowing_sub(borrow);
            out.push(d2);
            borrow = u64::from(b1) + u64::from(b2);
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    pub(crate) fn mul(&self, other: &Big) -> Big {
        if self.is_zero() || other.is_zero() {
            return Big::default();
        }
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u128;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u128::from(a) * u128::from(b) + u128::from(out[i + j]) + carry;
                out[i + j] = t as u64;
                carry = t >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    /// The remainder of the division by `d` (not zero).
    pub(crate) fn rem_small(&self, d: u64) -> u64 {
        let mut r = 0u128;
        for &limb in self.0.iter().rev() {
            r = ((r << 64) | u128::from(limb)) % u128::from(d);
        }
        r as u64
    }

    /// The quotient of a division by `d` (not zero) that leaves no
    /// remainder, or any quotient rounded down.
    pub(crate) fn div_small(&self, d: u64) -> Big {
        let mut out = vec![0u64; self.0.len()];
        let mut r = 0u128;
        for (i, &limb) in self.0.iter().enumerate().rev() {
            let cur = (r << 64) | u128::from(limb);
            out[i] = (cur / u128::from(d)) as u64;
            r = cur % u128::from(d);
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn bits(&self) -> u64 {
        match self.0.last() {
            None => 0,
            Some(top) => (self.0.len() as u64) * 64 - u64::from(top.leading_zeros()),
        }
    }

    fn bit(&self, i: u64) -> bool {
        self.0
            .get((i / 64) as usize)
            .is_some_and(|l| (l >> (i % 64)) & 1 == 1)
    }

    fn shl1_or(&self, bit: bool) -> Big {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut carry = u64::from(bit);
        for &limb in &self.0 {
            out.push((limb << 1) | carry);
            carry = limb >> 63;
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// The quotient rounded down of `self / d` (`d` not zero), by shifting
    /// and subtracting one bit at a time.
    pub(crate) fn div(&self, d: &Big) -> Big {
        let mut q = vec![0u64; self.0.len()];
        let mut r = Big::default();
        for i in (0..self.bits()).rev() {
            r = r.shl1_or(self.bit(i));
            if r.cmp(d) != Ordering::Less {
                r = r.sub(d);
                q[(i / 64) as usize] |= 1 << (i % 64);
            }
        }
        let mut b = Big(q);
        b.trim();
        b
    }

    /// The value, if it fits in 128 bits.
    pub(crate) fn to_u128(&self) -> Option<u128> {
        match self.0.as_slice() {
            [] => Some(0),
            [a] => Some(u128::from(*a)),
            [a, b] => Some(u128::from(*a) | (u128::from(*b) << 64)),
            _ => None,
        }
    }

    /// The nearest `f64` (to within one unit in the last place).
    fn to_f64(&self) -> f64 {
        self.0.iter().rev().fold(0.0, |acc, &limb| {
            acc * 18_446_744_073_709_551_616.0 + limb as f64
        })
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A non-negative exact fraction `num / den` (`den` not zero).
///
/// # Example
/// ```
/// use ptsp::evaluation::Fraction;
/// let third = Fraction::new(1, 3);
/// let sum = third.add(&Fraction::new(1, 6));
/// assert_eq!(sum, Fraction::new(1, 2));
/// assert_eq!(sum.decimal(2), "0.50");
/// assert_eq!(Fraction::new(2, 3).decimal(4), "0.6667"); // half up
/// ```
#[derive(Clone, Debug)]
pub struct Fraction {
    num: Big,
    den: Big,
}

impl Fraction {
    /// `num / den`; a zero `den` is taken as 1 (the fraction is then
    /// `num`), so that no input panics.
    pub fn new(num: u128, den: u128) -> Fraction {
        Fraction {
            num: Big::from_u128(num),
            den: Big::from_u128(den.max(1)),
        }
    }

    /// A whole number.
    pub fn whole(n: u128) -> Fraction {
        Fraction::new(n, 1)
    }

    /// `self + other`, over the product of the denominators reduced by
    /// their common factor when one of them fits in 64 bits.
    pub fn add(&self, other: &Fraction) -> Fraction {
        if self.den == other.den {
            return Fraction {
                num: self.num.add(&other.num),
                den: self.den.clone(),
            };
        }
        // With a small denominator on one side, use the least common
        // multiple: lcm = a·b / gcd(a, b).
        if let Some(b) = other.den.to_u128().and_then(|b| u64::try_from(b).ok()) {
            let g = gcd(self.den.rem_small(b), b);
            let (b_over_g, a_over_g) = (b / g, self.den.div_small(g));
            return Fraction {
                num: self
                    .num
                    .mul_add_small(b_over_g, 0)
                    .add(&other.num.mul(&a_over_g)),
                den: self.den.mul_add_small(b_over_g, 0),
            };
        }
        Fraction {
            num: self.num.mul(&other.den).add(&other.num.mul(&self.den)),
            den: self.den.mul(&other.den),
        }
    }

    /// `self × n / d` for whole `n` and `d` (`d` zero is taken as 1).
    pub fn scale(&self, n: u64, d: u64) -> Fraction {
        Fraction {
            num: self.num.mul_add_small(n, 0),
            den: self.den.mul_add_small(d.max(1), 0),
        }
    }

    /// The nearest `f64`, for charts and quick looks (never for
    /// classification: compare fractions with [`Ord`]).
    pub fn to_f64(&self) -> f64 {
        // Scale both to at most ~1000 bits' worth of precision loss-free
        // division: f64 keeps 53 bits, so divide the leading parts.
        let shift = self.num.bits().max(self.den.bits()).saturating_sub(1000);
        if shift == 0 {
            return self.num.to_f64() / self.den.to_f64();
        }
        let mut n = self.num.clone();
        let mut d = self.den.clone();
        for _ in 0..shift {
            n = n.div_small(2);
            d = d.div_small(2);
        }
        n.to_f64() / d.to_f64().max(f64::MIN_POSITIVE)
    }

    /// The value with `places` decimals, rounded half up, with a `.` as the
    /// decimal separator (`"3.5324"`).
    pub fn decimal(&self, places: u32) -> String {
        let scale = 10u128.pow(places.min(30));
        // round(x · 10^p) = floor((2·x·10^p + 1) / 2)
        let twice = self.num.mul(&Big::from_u128(scale)).mul_add_small(2, 0);
        let q = twice.add(&self.den).div(&self.den.mul_add_small(2, 0));
        let digits = match q.to_u128() {
            Some(v) => v.to_string(),
            None => big_to_string(&q),
        };
        if places == 0 {
            return digits;
        }
        let p = places.min(30) as usize;
        let padded = format!("{digits:0>width$}", width = p + 1);
        let (int, frac) = padded.split_at(padded.len() - p);
        format!("{int}.{frac}")
    }
}

fn big_to_string(b: &Big) -> String {
    let mut digits = Vec::new();
    let mut cur = b.clone();
    while !cur.is_zero() {
        digits.push(char::from(b'0' + cur.rem_small(10) as u8));
        cur = cur.div_small(10);
    }
    if digits.is_empty() {
        return "0".into();
    }
    digits.iter().rev().collect()
}

impl PartialEq for Fraction {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Fraction {}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Self) -> Ordering {
        self.num.mul(&other.den).cmp(&other.num.mul(&self.den))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_division_and_remainders_agree_with_u128() {
        let cases: [(u128, u128); 6] = [
            (0, 7),
            (1 << 100, 3),
            (u128::MAX, 1 << 64),
            (u128::MAX, u128::MAX),
            (123_456_789_012_345_678_901_234_567, 987_654_321),
            (5, 9),
        ];
        for (a, b) in cases {
            let q = Big::from_u128(a).div(&Big::from_u128(b));
            assert_eq!(q.to_u128(), Some(a / b), "{a} / {b}");
            if let Ok(small) = u64::try_from(b) {
                assert_eq!(Big::from_u128(a).rem_small(small), (a % b) as u64);
                assert_eq!(Big::from_u128(a).div_small(small).to_u128(), Some(a / b));
            }
        }
        let big = Big::from_u128(u128::MAX).mul(&Big::from_u128(u128::MAX));
        assert_eq!(
            big.div(&Big::from_u128(u128::MAX)).to_u128(),
            Some(u128::MAX)
        );
        assert_eq!(
            big_to_string(&Big::from_u128(1 << 70)),
            (1u128 << 70).to_string()
        );
    }

    #[test]
    fn fractions_add_compare_and_round_exactly() {
        let mut sum = Fraction::whole(0);
        for n in 1..=9u128 {
            sum = sum.add(&Fraction::new(n, 1_000_003 + n));
        }
        let exact: f64 = (1..=9).map(|n| n as f64 / (1_000_003 + n) as f64).sum();
        assert!((sum.to_f64() - exact).abs() < 1e-15);
        assert_eq!(
            Fraction::new(5, 200).decimal(2),
            "0.03",
            "0.025 rounds half up"
        );
        assert_eq!(Fraction::new(1, 8).decimal(2), "0.13");
        assert_eq!(Fraction::new(7, 1).decimal(0), "7");
        assert!(Fraction::new(25_996, 10_000) < Fraction::new(2_600, 1_000));
        assert_eq!(Fraction::new(2, 4), Fraction::new(1, 2));
        assert_eq!(Fraction::new(1, 0), Fraction::whole(1));
    }
}
