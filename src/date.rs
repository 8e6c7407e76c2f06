//! Partial ISO 8601 dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, proleptic Gregorian) and the
//! Julian ("Old Style") calendar arithmetic used to check Russian dates before 1918.

use std::cmp::Ordering;
use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day.
///
/// Ordering compares the earliest instant the date can mean, then the precision, so
/// `1774` sorts before `1774-01-01`, which sorts before `1774-07-21`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Format(String),
    Range(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => {
                write!(f, "'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
            }
            DateError::Range(s) => write!(f, "'{s}' is not a real calendar date"),
        }
    }
}

pub fn is_gregorian_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_gregorian_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn parse_digits(s: &str, len: usize, whole: &str) -> Result<u32, DateError> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|_| DateError::Format(whole.to_string()))
    } else {
        Err(DateError::Format(whole.to_string()))
    }
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day) }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit years only).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next().unwrap_or_default(), 4, s)? as i32;
        let month = parts.next().map(|m| parse_digits(m, 2, s)).transpose()?;
        let day = parts.next().map(|d| parse_digits(d, 2, s)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Format(s.to_string()));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Range(s.to_string()));
            }
            if let Some(d) = day {
                if d < 1 || d > days_in_month(year, m as u8) as u32 {
                    return Err(DateError::Range(s.to_string()));
                }
            }
        }
        Ok(PartialDate { year, month: month.map(|m| m as u8), day: day.map(|d| d as u8) })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date can mean.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }

    /// Position on a continuous axis in years (1774-07-02 ≈ 1774.5): the start of the period.
    pub fn fractional_year(&self) -> f64 {
        let (y, m, d) = self.first_day();
        let start = days_from_civil(y, 1, 1);
        let length = if is_gregorian_leap(y) { 366.0 } else { 365.0 };
        y as f64 + (days_from_civil(y, m, d) - start) as f64 / length
    }

    /// Position of the end of the period (the day after its last day), in years.
    pub fn fractional_year_end(&self) -> f64 {
        let (y, m, d) = self.last_day();
        let start = days_from_civil(y, 1, 1);
        let length = if is_gregorian_leap(y) { 366.0 } else { 365.0 };
        y as f64 + (days_from_civil(y, m, d) + 1 - start) as f64 / length
    }
}

impl PartialDate {
    /// True when the date's first day falls in the half-open span [start, end); no end means "to the present".
    pub fn within(&self, start: &PartialDate, end: Option<&PartialDate>) -> bool {
        let day = self.first_day();
        start.first_day() <= day && end.is_none_or(|e| day < e.first_day())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day().cmp(&other.first_day()).then(self.precision().cmp(&other.precision()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// "21 July 1774", "July 1774" or "1774".
    pub fn human(&self) -> String {
        let month = self.month.map(|m| MONTHS[(m - 1) as usize]);
        match (self.day, month) {
            (Some(d), Some(m)) => format!("{d} {m} {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Days since 1970-01-01 (Gregorian) of a date given in the Julian calendar.
pub fn days_from_julian(year: i32, month: u8, day: u8) -> i64 {
    // Julian day number, then shift to the Unix epoch (JDN 2440588).
    let a = (14 - month as i64) / 12;
    let y = year as i64 + 4800 - a;
    let m = month as i64 + 12 * a - 3;
    let jdn = day as i64 + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
    jdn - 2440588
}

/// Russia switched from the Julian to the Gregorian calendar on 1918-02-14 (New Style).
pub const RUSSIAN_CALENDAR_REFORM: PartialDate = PartialDate { year: 1918, month: Some(2), day: Some(14) };

/// Checks that `old_style` (Julian) names the same day as `new_style` (Gregorian).
pub fn old_style_matches(new_style: &PartialDate, old_style: &PartialDate) -> bool {
    match (new_style.precision(), old_style.precision()) {
        (Precision::Day, Precision::Day) => {
            let (y, m, d) = new_style.first_day();
            let (oy, om, od) = old_style.first_day();
            days_from_civil(y, m, d) == days_from_julian(oy, om, od)
        }
        _ => false,
    }
}

/// The current year from the browser clock, or the data's horizon when there is none (tests).
pub fn current_year() -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::new_0().get_full_year() as i32
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        2026
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(PartialDate::parse("1774").unwrap(), PartialDate::year(1774));
        assert_eq!(PartialDate::parse("1774-07").unwrap(), PartialDate { year: 1774, month: Some(7), day: None });
        assert_eq!(PartialDate::parse("1774-07-21").unwrap(), PartialDate::ymd(1774, 7, 21));
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in
            ["", "74", "1774-7", "1774-07-1", "1774-13", "1774-02-30", "1900-02-29", "x774", "1774-07-21-1", "1774/07"]
        {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert!(matches!(PartialDate::parse("1774-13"), Err(DateError::Range(_))));
        assert!(matches!(PartialDate::parse("17a4"), Err(DateError::Format(_))));
    }

    #[test]
    fn display_round_trips() {
        for s in ["1453", "1774-07", "2015-11-24"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn orders_by_start_then_precision() {
        let mut v: Vec<PartialDate> = ["1774-07-21", "1774", "1700", "1774-07", "1774-01-01"]
            .iter()
            .map(|s| PartialDate::parse(s).unwrap())
            .collect();
        v.sort();
        let got: Vec<String> = v.iter().map(|d| d.to_string()).collect();
        assert_eq!(got, ["1700", "1774", "1774-01-01", "1774-07", "1774-07-21"]);
    }

    #[test]
    fn fractional_years_cover_the_period() {
        let d = PartialDate::parse("2015").unwrap();
        assert_eq!(d.fractional_year(), 2015.0);
        assert_eq!(d.fractional_year_end(), 2016.0);
        let mid = PartialDate::parse("2015-07-02").unwrap().fractional_year();
        assert!((mid - 2015.5).abs() < 0.01, "{mid}");
    }

    #[test]
    fn julian_offsets_match_the_known_differences() {
        // Küçük Kaynarca: 10 July 1774 OS = 21 July 1774 NS (11 days).
        assert!(old_style_matches(&PartialDate::ymd(1774, 7, 21), &PartialDate::ymd(1774, 7, 10)));
        // Pruth: 12 July 1711 OS = 23 July 1711 NS.
        assert!(old_style_matches(&PartialDate::ymd(1711, 7, 23), &PartialDate::ymd(1711, 7, 12)));
        // San Stefano: 19 February 1878 OS = 3 March 1878 NS (12 days).
        assert!(old_style_matches(&PartialDate::ymd(1878, 3, 3), &PartialDate::ymd(1878, 2, 19)));
        // The reform: 1 February 1918 OS became 14 February 1918 NS (13 days).
        assert!(old_style_matches(&PartialDate::ymd(1918, 2, 14), &PartialDate::ymd(1918, 2, 1)));
        assert!(!old_style_matches(&PartialDate::ymd(1774, 7, 21), &PartialDate::ymd(1774, 7, 11)));
        assert!(!old_style_matches(&PartialDate::year(1774), &PartialDate::year(1774)));
    }

    #[test]
    fn civil_days_agree_with_the_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(days_from_julian(1969, 12, 19), 0);
    }

    #[test]
    fn human_dates_read_naturally() {
        assert_eq!(PartialDate::parse("1774-07-21").unwrap().human(), "21 July 1774");
        assert_eq!(PartialDate::parse("2016-06").unwrap().human(), "June 2016");
        assert_eq!(PartialDate::parse("1696").unwrap().human(), "1696");
    }
}
