//! RFC 3339 date-times (`2024-05-02T10:00:00-07:00`) to and from Unix
//! seconds, for schemes that sign one (Box Sign's `BOX-DELIVERY-TIMESTAMP`).
//! No dependency: the civil-date arithmetic is H. Hinnant's `days_from_civil`.

/// Unix seconds of an RFC 3339 `date-time` (`T` or `t` between date and
/// time, `Z`, `z` or `±HH:MM` offset, optional fraction, which is dropped).
/// `None` for anything else, never a panic.
pub(crate) fn parse(text: &[u8]) -> Option<i64> {
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = text.get(from..from + len)?;
        part.iter().try_fold(0i64, |acc, &b| {
            b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
        })
    };
    let byte = |at: usize| text.get(at).copied();
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if byte(4) != Some(b'-')
        || byte(7) != Some(b'-')
        || !matches!(byte(10), Some(b'T' | b't'))
        || byte(13) != Some(b':')
        || byte(16) != Some(b':')
    {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut at = 19;
    if byte(at) == Some(b'.') {
        at += 1;
        let start = at;
        while byte(at).is_some_and(|b| b.is_ascii_digit()) {
            at += 1;
        }
        if at == start {
            return None;
        }
    }
    let offset = match byte(at)? {
        b'Z' | b'z' if at + 1 == text.len() => 0,
        sign @ (b'+' | b'-') if at + 6 == text.len() && byte(at + 3) == Some(b':') => {
            let (hours, minutes) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = hours * 3600 + minutes * 60;
            if sign == b'+' { offset } else { -offset }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// `unix` as `YYYY-MM-DDTHH:MM:SSZ` (years 0 to 9999; others are clamped).
pub(crate) fn format(unix: i64) -> String {
    // 0000-01-01 and 9999-12-31T23:59:59Z.
    let unix = unix.clamp(-62_167_219_200, 253_402_300_799);
    let (days, secs) = (unix.div_euclid(86_400), unix.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_offsets_fractions_and_rejects_the_rest() {
        assert_eq!(parse(b"1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse(b"2023-11-14T22:13:20Z"), Some(1_700_000_000));
        assert_eq!(parse(b"2023-11-14T14:13:20-08:00"), Some(1_700_000_000));
        assert_eq!(parse(b"2023-11-15T03:43:20+05:30"), Some(1_700_000_000));
        assert_eq!(parse(b"2023-11-14t22:13:20.987654z"), Some(1_700_000_000));
        assert_eq!(parse(b"2024-02-29T00:00:00Z"), Some(1_709_164_800));
        assert_eq!(parse(b"1969-12-31T23:59:59Z"), Some(-1));
        for bad in [
            &b""[..],
            b"2023-11-14",
            b"2023-11-14T22:13:20",
            b"2023-11-14 22:13:20Z",
            b"2023-02-29T00:00:00Z",
            b"2023-13-01T00:00:00Z",
            b"2023-11-14T24:00:00Z",
            b"2023-11-14T22:13:20.Z",
            b"2023-11-14T22:13:20+0800",
            b"2023-11-14T22:13:20+08:00x",
            b"2023-11-14T22:13:20Zx",
            b"+023-11-14T22:13:20Z",
            b"1700000000",
        ] {
            assert_eq!(parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn formats_and_reads_back() {
        assert_eq!(format(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(format(0), "1970-01-01T00:00:00Z");
        for unix in [
            -86_401,
            -1,
            0,
            951_782_400,
            1_709_164_800,
            4_102_444_799,
            253_402_300_799,
        ] {
            assert_eq!(parse(format(unix).as_bytes()), Some(unix), "{unix}");
        }
        assert_eq!(format(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(format(i64::MIN), "0000-01-01T00:00:00Z");
    }
}
