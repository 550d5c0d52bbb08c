//! Calendar days, for the questions a plan asks of dates: how many days until a model's end of
//! life, and whether a Provisioned Throughput term bought today ends before it. The evaluation
//! takes today's date as an input (the command line's `--today`, the browser's clock in the
//! app), so the domain never reads a clock.

use std::fmt;

/// One calendar day (UTC), counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

impl Day {
    /// The day `days` after 1970-01-01.
    pub const fn from_epoch_days(days: i64) -> Day {
        Day(days)
    }

    /// Parses `YYYY-MM-DD`; `None` unless it is a real calendar date.
    pub fn parse(text: &str) -> Option<Day> {
        if !is_date(text) {
            return None;
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<i64>().ok();
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        // Days from civil (Howard Hinnant's algorithm).
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        later.0 - self.0
    }

    /// The day `days` later.
    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD` (civil from days, Howard Hinnant's algorithm).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return false;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::Day;

    #[test]
    fn dates_round_trip_and_count_days() {
        // text, days since 1970-01-01
        let table = [
            ("1970-01-01", 0),
            ("2000-02-29", 11_016),
            ("2026-12-02", 20_789),
            ("2027-04-08", 20_916),
        ];
        for (text, days) in table {
            let day = Day::parse(text).expect(text);
            assert_eq!(day, Day::from_epoch_days(days), "{text}");
            assert_eq!(day.to_string(), text);
        }
        let today = Day::parse("2026-12-02").unwrap();
        assert_eq!(today.days_until(Day::parse("2026-12-21").unwrap()), 19);
        assert_eq!(today.plus(-1).to_string(), "2026-12-01");
        for bad in ["2026-02-30", "2026-1-01", "", "yesterday"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }
}
