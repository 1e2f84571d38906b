//! Reading the cells of a register: lists, dates in the declared order, region codes, words of
//! the documented vocabularies. Nothing here panics or indexes into input.

use chrono::NaiveDate;

use super::DateOrder;
use super::columns::normalise;

/// The entries of a list cell: separated by `;` or line breaks, trimmed, blanks left out.
pub(crate) fn entries(cell: &str) -> Vec<&str> {
    cell.split([';', '\n', '\r'])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .collect()
}

/// The groups of a PKS cell, one per PKS, separated by `|` (a blank cell has none).
pub(crate) fn groups(cell: &str) -> Vec<&str> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    cell.split('|').map(str::trim).collect()
}

/// Whether a token is written like a region code (digits and dots only): it is then read as
/// one, and an ill-formed one is an error rather than a name.
pub(crate) fn looks_like_code(token: &str) -> bool {
    !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && token.bytes().any(|b| b.is_ascii_digit())
}

/// A word of a vocabulary as compared: lower case, words joined by `_`.
pub(crate) fn word(text: &str) -> String {
    normalise(text)
}

/// Splits `text` into its first whitespace-separated token and the rest (trimmed).
pub(crate) fn first_token(text: &str) -> (&str, &str) {
    let text = text.trim();
    match text.split_once(char::is_whitespace) {
        Some((first, rest)) => (first, rest.trim()),
        None => (text, ""),
    }
}

/// Removes one trailing `(…)` group: the text before it and the text inside it.
pub(crate) fn trailing_group(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (before, group) = inner.split_at(open);
    Some((before.trim(), group.trim_start_matches('(').trim()))
}

const MONTHS: [(&str, u32); 30] = [
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("pebruari", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
];

const MORE_MONTHS: [(&str, u32); 7] = [
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

fn month_named(text: &str) -> Option<u32> {
    let text = text.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .chain(MORE_MONTHS.iter())
        .find(|(name, _)| *name == text)
        .map(|(_, month)| *month)
}

fn number(part: &str, max_digits: usize) -> Option<u32> {
    if part.is_empty() || part.len() > max_digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn ymd(year: u32, month: u32, day: u32, text: &str) -> Result<NaiveDate, String> {
    i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
        .ok_or_else(|| format!("`{text}` is not a date of the calendar (tanggal tidak ada)"))
}

/// A date written as one token in the declared order (`03/04/2024` as D/M/Y, `04/03/2024`
/// as M/D/Y, `2024-04-03` as ISO; `/`, `-` or `.` between the parts, a four-digit year).
/// A date in another order is refused, never guessed.
pub(crate) fn numeric_date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let expected = order.pattern();
    let [a, b, c] = parts.as_slice() else {
        return Err(format!(
            "`{text}` is not a date written {expected} (format tanggal tidak sesuai)"
        ));
    };
    let iso_shaped = a.len() == 4;
    let wrong_order = || {
        format!(
            "`{text}` is written in another date format: this register declares {expected} (format tanggal lain)"
        )
    };
    match order {
        DateOrder::Iso => {
            let (Some(year), Some(month), Some(day)) = (number(a, 4), number(b, 2), number(c, 2))
            else {
                return Err(if c.len() == 4 {
                    wrong_order()
                } else {
                    format!(
                        "`{text}` is not a date written {expected} (format tanggal tidak sesuai)"
                    )
                });
            };
            if a.len() != 4 {
                return Err(wrong_order());
            }
            ymd(year, month, day, text)
        }
        DateOrder::DayMonthYear | DateOrder::MonthDayYear => {
            if iso_shaped {
                return Err(wrong_order());
            }
            let (Some(first), Some(second), Some(year)) =
                (number(a, 2), number(b, 2), number(c, 4))
            else {
                return Err(format!(
                    "`{text}` is not a date written {expected} (format tanggal tidak sesuai)"
                ));
            };
            if c.len() != 4 {
                return Err(format!(
                    "`{text}`: the year must have four digits, written {expected} (tahun empat angka)"
                ));
            }
            let (day, month) = if order == DateOrder::DayMonthYear {
                (first, second)
            } else {
                (second, first)
            };
            ymd(year, month, day, text)
        }
    }
}

/// The date at the start of `tokens`: one token in the declared order, or three with the
/// month named (`3 April 2024`, `3 Apr. 2024`: unambiguous in every order). Returns the
/// date and how many tokens it took, or `None` when the first token starts no date.
pub(crate) fn leading_date(
    tokens: &[&str],
    order: DateOrder,
) -> Option<Result<(NaiveDate, usize), String>> {
    let first = tokens.first()?;
    if let (Some(month), Some(day_text), Some(year_text)) = (
        tokens.get(1).and_then(|t| month_named(t)),
        Some(first),
        tokens.get(2),
    ) && let (Some(day), Some(year)) = (number(day_text, 2), number(year_text, 4))
    {
        let text = format!("{first} {} {year_text}", tokens.get(1).unwrap_or(&""));
        return Some(ymd(year, month, day, &text).map(|date| (date, 3)));
    }
    if first.bytes().any(|b| b.is_ascii_digit()) && first.contains(['/', '-', '.']) {
        return Some(numeric_date(first, order).map(|date| (date, 1)));
    }
    None
}

/// A cell or entry that holds one date and nothing else.
pub(crate) fn date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    match leading_date(&tokens, order) {
        Some(Ok((date, used))) if used == tokens.len() => Ok(date),
        Some(Ok(_)) => Err(format!(
            "`{text}` holds more than a date (hanya tanggal yang diharapkan)"
        )),
        Some(Err(reason)) => Err(reason),
        None => Err(format!(
            "`{text}` is not a date written {} (format tanggal tidak sesuai)",
            order.pattern()
        )),
    }
}

/// A whole number of years: `5` or `5 tahun` / `5 years`.
pub(crate) fn years(text: &str) -> Option<u16> {
    let (first, rest) = first_token(text);
    let unit = word(rest);
    if !matches!(
        unit.as_str(),
        "" | "tahun" | "thn" | "th" | "year" | "years"
    ) {
        return None;
    }
    number(first, 3).and_then(|n| u16::try_from(n).ok())
}

/// The text of a party as named in a cell, made into an id: lower case, words joined by `-`.
pub(crate) fn slug(text: &str) -> String {
    normalise(text).replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn dates_follow_the_declared_order_only() {
        let dmy = DateOrder::DayMonthYear;
        let mdy = DateOrder::MonthDayYear;
        assert_eq!(date("03/04/2024", dmy), Ok(day(2024, 4, 3)));
        assert_eq!(date("03/04/2024", mdy), Ok(day(2024, 3, 4)));
        assert_eq!(date("03-04-2024", dmy), Ok(day(2024, 4, 3)));
        assert_eq!(date("2024-04-03", DateOrder::Iso), Ok(day(2024, 4, 3)));
        assert!(date("2024-04-03", dmy).is_err_and(|e| e.contains("another date format")));
        assert!(
            date("03/04/2024", DateOrder::Iso).is_err_and(|e| e.contains("another date format"))
        );
        assert!(date("13/25/2024", mdy).is_err());
        assert!(date("04/13/2024", dmy).is_err_and(|e| e.contains("not a date of the calendar")));
        assert!(date("03/04/24", dmy).is_err_and(|e| e.contains("four digits")));
        assert_eq!(date("3 April 2024", mdy), Ok(day(2024, 4, 3)));
        assert_eq!(date("17 Agustus 1945", dmy), Ok(day(1945, 8, 17)));
        assert!(date("31 Februari 2024", dmy).is_err());
        assert!(date("kemarin", dmy).is_err());
        assert!(date("", dmy).is_err());
        assert!(date("03/04/2024 lanjut", dmy).is_err());
    }

    #[test]
    fn lists_groups_and_words() {
        assert_eq!(entries("a; b\n c\r\n;;"), vec!["a", "b", "c"]);
        assert_eq!(groups(" x | | y "), vec!["x", "", "y"]);
        assert!(groups("  ").is_empty());
        assert!(looks_like_code("73.14") && looks_like_code("7314") && !looks_like_code("PT"));
        assert_eq!(
            trailing_group("PT Satu (fiktif) (bumn)"),
            Some(("PT Satu (fiktif)", "bumn"))
        );
        assert_eq!(years("20 tahun"), Some(20));
        assert_eq!(years("dua puluh"), None);
        assert_eq!(
            slug("PT Wisata Danau Sidenreng"),
            "pt-wisata-danau-sidenreng"
        );
    }
}
