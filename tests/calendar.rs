//! The Indonesian working-day calendar: bundled data, counting conventions, coverage errors,
//! the joint-leave rule, regional holidays, serde and properties.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use kerjasama::time::{Calendar, CalendarError, Holiday, HolidayCategory, WorkingDayRule};
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn indonesia() -> Calendar {
    Calendar::indonesia().expect("bundled data parses")
}

fn categories_on(calendar: &Calendar, date: NaiveDate) -> Vec<HolidayCategory> {
    calendar
        .holidays_between(date, date)
        .expect("covered")
        .iter()
        .map(|h| h.category)
        .collect()
}

#[test]
fn bundled_data_covers_2016_to_2027_with_holidays_every_year() {
    let calendar = indonesia();
    assert_eq!(calendar.coverage(), day(2016, 1, 1)..=day(2027, 12, 31));
    for year in 2016..=2027 {
        let of_year = calendar
            .holidays_between(day(year, 1, 1), day(year, 12, 31))
            .expect("covered");
        let public = of_year
            .iter()
            .filter(|h| h.category == HolidayCategory::Public)
            .count();
        assert!(public >= 14, "{year}: only {public} public holidays");
        assert!(
            of_year.iter().any(|h| h.date == day(year, 8, 17)),
            "{year}: no 17 August"
        );
    }
}

#[test]
fn bundled_file_header_names_source_generation_date_and_coverage() {
    let text = include_str!("../data/holidays_id.csv");
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    assert!(
        header
            .iter()
            .any(|l| l.contains("source: PyPI package holidays"))
    );
    assert!(header.iter().any(|l| l.starts_with("# generated: ")));
    assert!(header.iter().any(|l| l.trim() == "# coverage: 2016-2027"));
}

#[test]
fn idul_fitri_2024_public_holidays_and_cuti_bersama() {
    let calendar = indonesia();
    for d in [10, 11] {
        assert_eq!(
            categories_on(&calendar, day(2024, 4, d)),
            [HolidayCategory::Public]
        );
    }
    for d in [8, 9, 12, 15] {
        assert_eq!(
            categories_on(&calendar, day(2024, 4, d)),
            [HolidayCategory::JointLeave]
        );
    }
    for d in [8, 9, 10, 11, 12, 15] {
        assert_eq!(
            calendar.is_working_day(day(2024, 4, d)),
            Ok(false),
            "April {d}"
        );
    }
    assert_eq!(calendar.is_working_day(day(2024, 4, 5)), Ok(true));
    assert_eq!(calendar.is_working_day(day(2024, 4, 16)), Ok(true));
}

#[test]
fn independence_day_christmas_and_cuti_bersama_natal_2024() {
    let calendar = indonesia();
    assert_eq!(
        categories_on(&calendar, day(2024, 8, 17)),
        [HolidayCategory::Public]
    );
    assert_eq!(
        categories_on(&calendar, day(2024, 12, 25)),
        [HolidayCategory::Public]
    );
    assert_eq!(
        categories_on(&calendar, day(2024, 12, 26)),
        [HolidayCategory::JointLeave]
    );
    assert_eq!(calendar.is_working_day(day(2024, 12, 25)), Ok(false));
    assert_eq!(calendar.is_working_day(day(2024, 12, 26)), Ok(false));
    assert_eq!(calendar.is_working_day(day(2024, 12, 27)), Ok(true));
}

#[test]
fn election_day_14_february_2024_is_a_public_holiday() {
    let calendar = indonesia();
    assert_eq!(day(2024, 2, 14).weekday(), Weekday::Wed);
    let on_day = calendar
        .holidays_between(day(2024, 2, 14), day(2024, 2, 14))
        .expect("covered");
    assert_eq!(on_day.len(), 1);
    assert_eq!(on_day[0].category, HolidayCategory::Public);
    assert_eq!(on_day[0].name, "Hari Pemilihan Umum");
    assert_eq!(calendar.is_working_day(day(2024, 2, 14)), Ok(false));
}

#[test]
fn a_date_with_two_holidays_keeps_both() {
    let names: Vec<String> = indonesia()
        .holidays_between(day(2021, 5, 13), day(2021, 5, 13))
        .expect("covered")
        .iter()
        .map(|h| h.name.clone())
        .collect();
    assert_eq!(names, ["Hari Raya Idul Fitri", "Kenaikan Yesus Kristus"]);
}

#[test]
fn adding_working_days_across_the_idul_fitri_2024_block() {
    let calendar = indonesia();
    let friday = day(2024, 4, 5);
    assert_eq!(calendar.add_working_days(friday, 0), Ok(friday));
    assert_eq!(calendar.add_working_days(friday, 1), Ok(day(2024, 4, 16)));
    assert_eq!(calendar.add_working_days(friday, 5), Ok(day(2024, 4, 22)));
    assert_eq!(
        calendar.working_days_between(friday, day(2024, 4, 16)),
        Ok(1)
    );
    assert_eq!(
        calendar.working_days_between(friday, day(2024, 4, 15)),
        Ok(0)
    );
    assert_eq!(
        calendar.working_days_between(day(2024, 4, 1), day(2024, 4, 30)),
        Ok(15)
    );
}

#[test]
fn zero_working_days_from_a_day_off_rolls_forward() {
    let calendar = indonesia();
    let idul_fitri = day(2024, 4, 10);
    assert_eq!(
        calendar.add_working_days(idul_fitri, 0),
        Ok(day(2024, 4, 16))
    );
    assert_eq!(
        calendar.add_working_days(idul_fitri, 1),
        Ok(day(2024, 4, 16))
    );
    assert_eq!(
        calendar.add_working_days(idul_fitri, 2),
        Ok(day(2024, 4, 17))
    );
    let saturday = day(2024, 4, 20);
    assert_eq!(calendar.add_working_days(saturday, 0), Ok(day(2024, 4, 22)));
}

#[test]
fn year_end_2024_counts_into_2025() {
    let calendar = indonesia();
    assert_eq!(calendar.is_working_day(day(2024, 12, 31)), Ok(true));
    // 1 January 2025 is Tahun Baru Masehi.
    assert_eq!(
        calendar.add_working_days(day(2024, 12, 31), 1),
        Ok(day(2025, 1, 2))
    );
    assert_eq!(
        calendar.add_working_days(day(2024, 12, 24), 3),
        Ok(day(2024, 12, 31))
    );
    assert_eq!(
        calendar.working_days_between(day(2024, 12, 24), day(2025, 1, 2)),
        Ok(4)
    );
}

#[test]
fn leap_day_2024_is_an_ordinary_thursday() {
    let calendar = indonesia();
    assert_eq!(day(2024, 2, 29).weekday(), Weekday::Thu);
    assert_eq!(calendar.is_working_day(day(2024, 2, 29)), Ok(true));
    assert_eq!(
        calendar.add_working_days(day(2024, 2, 28), 1),
        Ok(day(2024, 2, 29))
    );
    assert_eq!(
        calendar.add_working_days(day(2024, 2, 29), 1),
        Ok(day(2024, 3, 1))
    );
    // 8 Feb Isra Mikraj, 9 Feb cuti bersama Imlek, 14 Feb Pemilu.
    assert_eq!(
        calendar.working_days_between(day(2024, 1, 31), day(2024, 2, 29)),
        Ok(18)
    );
}

#[test]
fn dates_outside_coverage_are_errors_not_guesses() {
    let calendar = indonesia();
    let (first, last) = (day(2016, 1, 1), day(2027, 12, 31));
    let before = day(2015, 12, 31);
    let after = day(2028, 1, 1);
    let out = |date| CalendarError::OutOfCoverage { date, first, last };
    assert_eq!(calendar.is_working_day(before), Err(out(before)));
    assert_eq!(calendar.is_working_day(after), Err(out(after)));
    assert_eq!(calendar.add_working_days(before, 1), Err(out(before)));
    assert_eq!(
        calendar.working_days_between(before, day(2016, 1, 4)),
        Err(out(before))
    );
    assert_eq!(
        calendar.working_days_between(day(2027, 12, 1), after),
        Err(out(after))
    );
    assert_eq!(calendar.holidays_between(before, first), Err(out(before)));
    // Counting past the last covered day names the first uncovered one.
    assert_eq!(
        calendar.add_working_days(day(2027, 12, 30), 5),
        Err(out(after))
    );
    assert!(calendar.is_working_day(first).is_ok());
    assert!(calendar.is_working_day(last).is_ok());
}

#[test]
fn end_before_start_names_the_field() {
    let calendar = indonesia();
    let (start, end) = (day(2024, 5, 2), day(2024, 5, 1));
    let expected = CalendarError::EndBeforeStart {
        field: "end",
        start,
        end,
    };
    assert_eq!(
        calendar.working_days_between(start, end),
        Err(expected.clone())
    );
    assert_eq!(calendar.holidays_between(start, end), Err(expected));
    assert_eq!(
        Calendar::new(start..=end, []),
        Err(CalendarError::EndBeforeStart {
            field: "coverage.end",
            start,
            end
        })
    );
}

#[test]
fn joint_leave_counts_as_working_only_when_the_rule_says_so() {
    let government = indonesia();
    assert_eq!(government.rule(), WorkingDayRule::JointLeaveNonWorking);
    let private = indonesia().with_rule(WorkingDayRule::JointLeaveWorking);
    let cuti_bersama = day(2024, 4, 8);
    assert_eq!(government.is_working_day(cuti_bersama), Ok(false));
    assert_eq!(private.is_working_day(cuti_bersama), Ok(true));
    assert_eq!(private.is_working_day(day(2024, 4, 10)), Ok(false));
    assert_eq!(
        private.add_working_days(day(2024, 4, 5), 1),
        Ok(cuti_bersama)
    );
    assert_eq!(
        private.add_working_days(day(2024, 4, 9), 1),
        Ok(day(2024, 4, 12))
    );
    assert_eq!(
        private.working_days_between(day(2024, 4, 1), day(2024, 4, 30)),
        Ok(19)
    );
}

#[test]
fn a_regional_holiday_added_to_the_national_calendar() {
    let hari_jadi = Holiday::new(
        day(2024, 7, 1),
        HolidayCategory::Regional,
        "Hari Jadi (contoh)",
    );
    let national = indonesia();
    let regional = indonesia()
        .with_holidays([hari_jadi.clone()])
        .expect("covered");
    assert_eq!(national.is_working_day(day(2024, 7, 1)), Ok(true));
    assert_eq!(regional.is_working_day(day(2024, 7, 1)), Ok(false));
    // A regional holiday closes offices whatever the joint-leave rule.
    let regional_private = regional
        .clone()
        .with_rule(WorkingDayRule::JointLeaveWorking);
    assert_eq!(regional_private.is_working_day(day(2024, 7, 1)), Ok(false));
    assert_eq!(
        regional.add_working_days(day(2024, 6, 28), 1),
        Ok(day(2024, 7, 2))
    );
    assert_eq!(regional.holidays().len(), national.holidays().len() + 1);
    // Adding it twice keeps it once.
    let twice = regional.with_holidays([hari_jadi]).expect("covered");
    assert_eq!(twice.holidays().len(), national.holidays().len() + 1);
}

#[test]
fn a_caller_supplied_calendar_and_its_coverage_checks() {
    let holidays = Holiday::from_csv(
        "# Kabupaten X, 2030\ndate,category,name\n\
         2030-01-01,public,Tahun Baru Masehi\n2030-02-04,regional,Hari Jadi, Kabupaten X\n",
    )
    .expect("well formed");
    let calendar = Calendar::new(day(2030, 1, 1)..=day(2030, 12, 31), holidays).expect("covered");
    assert_eq!(calendar.is_working_day(day(2030, 2, 4)), Ok(false));
    assert_eq!(calendar.holidays()[1].name, "Hari Jadi, Kabupaten X");
    let outside = Holiday::new(day(2031, 1, 1), HolidayCategory::Regional, "Later");
    assert_eq!(
        calendar.with_holidays([outside]),
        Err(CalendarError::HolidayOutsideCoverage {
            date: day(2031, 1, 1),
            name: "Later".to_owned(),
            first: day(2030, 1, 1),
            last: day(2030, 12, 31),
        })
    );
}

#[test]
fn malformed_holiday_lines_are_reported_with_their_line_number() {
    let line_of = |text: &str| match Holiday::from_csv(text) {
        Err(CalendarError::MalformedHolidayLine { line, .. }) => line,
        other => panic!("expected a malformed line, got {other:?}"),
    };
    assert_eq!(line_of(""), 0);
    assert_eq!(line_of("# only a comment\n2024-01-01,public,X"), 2);
    assert_eq!(line_of("date,category,name\n2024-01-01,public"), 2);
    assert_eq!(line_of("date,category,name\n\n2024-13-01,public,X"), 3);
    assert_eq!(line_of("date,category,name\n2024-01-01,national,X"), 2);
    assert_eq!(line_of("date,category,name\n2024-01-01,public,  "), 2);
}

#[test]
fn serde_round_trip_is_identity_and_unknown_fields_are_refused() {
    let calendar = indonesia().with_rule(WorkingDayRule::JointLeaveWorking);
    let json = serde_json::to_string(&calendar).expect("serializes");
    let back: Calendar = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, calendar);

    let holiday = Holiday::new(day(2024, 4, 8), HolidayCategory::JointLeave, "Cuti Bersama");
    let json = serde_json::to_value(&holiday).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({"date": "2024-04-08", "category": "joint_leave", "name": "Cuti Bersama"})
    );
    let back: Holiday = serde_json::from_value(json).expect("deserializes");
    assert_eq!(back, holiday);

    let extra = r#"{"date":"2024-04-08","category":"public","name":"X","observed":true}"#;
    assert!(serde_json::from_str::<Holiday>(extra).is_err());
    let extra = r#"{"first":"2030-01-01","last":"2030-12-31","holidays":[],"country":"ID"}"#;
    assert!(serde_json::from_str::<Calendar>(extra).is_err());
}

#[test]
fn deserializing_a_calendar_checks_it_like_new() {
    let minimal = r#"{"first":"2030-01-01","last":"2030-12-31","holidays":[]}"#;
    let calendar: Calendar = serde_json::from_str(minimal).expect("rule defaults");
    assert_eq!(calendar.rule(), WorkingDayRule::JointLeaveNonWorking);
    let reversed = r#"{"first":"2030-12-31","last":"2030-01-01","holidays":[]}"#;
    assert!(serde_json::from_str::<Calendar>(reversed).is_err());
    let outside = r#"{"first":"2030-01-01","last":"2030-12-31",
        "holidays":[{"date":"2031-01-01","category":"regional","name":"X"}]}"#;
    assert!(serde_json::from_str::<Calendar>(outside).is_err());
}

/// Dates from which 200 working days still end inside the bundled coverage.
fn covered_start() -> impl Strategy<Value = NaiveDate> {
    let first = day(2016, 1, 1);
    let span = (day(2027, 1, 31) - first).num_days() as u64;
    (0..=span).prop_map(move |offset| first + Days::new(offset))
}

proptest! {
    #[test]
    fn adding_working_days_lands_on_a_working_day(d in covered_start(), n in 0u32..200) {
        let calendar = indonesia();
        let landed = calendar.add_working_days(d, n).expect("inside coverage");
        prop_assert!(calendar.is_working_day(landed).expect("covered"));
        prop_assert!(landed >= d);
    }

    #[test]
    fn counting_back_gives_n(d in covered_start(), n in 0u32..200, joint_leave_works: bool) {
        let rule = if joint_leave_works {
            WorkingDayRule::JointLeaveWorking
        } else {
            WorkingDayRule::JointLeaveNonWorking
        };
        let calendar = indonesia().with_rule(rule);
        let landed = calendar.add_working_days(d, n).expect("inside coverage");
        let counted = calendar.working_days_between(d, landed).expect("covered");
        if calendar.is_working_day(d).expect("covered") || n > 0 {
            prop_assert_eq!(counted, n);
        } else {
            // From a day off, n = 0 rolls forward to the next working day.
            prop_assert_eq!(counted, 1);
        }
    }

    #[test]
    fn counting_matches_a_day_by_day_count(d in covered_start(), len in 0u64..120) {
        let calendar = indonesia();
        let end = d + Days::new(len);
        let expected = d
            .iter_days()
            .skip(1)
            .take_while(|x| *x <= end)
            .filter(|x| calendar.is_working_day(*x).expect("covered"))
            .count() as u32;
        prop_assert_eq!(calendar.working_days_between(d, end), Ok(expected));
    }

    #[test]
    fn near_the_end_the_answer_is_a_working_day_or_out_of_coverage(
        offset in 0u64..60, n in 0u32..60,
    ) {
        let calendar = indonesia();
        let d = day(2027, 12, 31) - Days::new(offset);
        match calendar.add_working_days(d, n) {
            Ok(landed) => prop_assert!(calendar.is_working_day(landed).expect("covered")),
            Err(CalendarError::OutOfCoverage { date, .. }) => {
                prop_assert_eq!(date, day(2028, 1, 1));
            }
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
