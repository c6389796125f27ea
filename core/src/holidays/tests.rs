use super::*;
use crate::error::ErrorKind;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn statutory(y: i32) -> Year {
    year(HolidayPreset::UaStatutory, y, None).unwrap()
}

fn default_preset(y: i32) -> Year {
    year(HolidayPreset::Ua, y, None).unwrap()
}

fn named_on(y: &Year, d: NaiveDate) -> Vec<&'static str> {
    y.named
        .iter()
        .filter(|(n, _)| *n == d)
        .map(|(_, name)| name.en)
        .collect()
}

fn off(y: &Year, d: NaiveDate) -> Option<DayOffReason> {
    y.days_off.iter().find(|o| o.date == d).map(|o| o.reason)
}

/// Published Gregorian dates of Orthodox Easter, 2000–2035 (the tables of
/// the Orthodox Church calendars; the same dates as every Paschalion).
const PUBLISHED_EASTER: [(i32, u32, u32); 36] = [
    (2000, 4, 30),
    (2001, 4, 15),
    (2002, 5, 5),
    (2003, 4, 27),
    (2004, 4, 11),
    (2005, 5, 1),
    (2006, 4, 23),
    (2007, 4, 8),
    (2008, 4, 27),
    (2009, 4, 19),
    (2010, 4, 4),
    (2011, 4, 24),
    (2012, 4, 15),
    (2013, 5, 5),
    (2014, 4, 20),
    (2015, 4, 12),
    (2016, 5, 1),
    (2017, 4, 16),
    (2018, 4, 8),
    (2019, 4, 28),
    (2020, 4, 19),
    (2021, 5, 2),
    (2022, 4, 24),
    (2023, 4, 16),
    (2024, 5, 5),
    (2025, 4, 20),
    (2026, 4, 12),
    (2027, 5, 2),
    (2028, 4, 16),
    (2029, 4, 8),
    (2030, 4, 28),
    (2031, 4, 13),
    (2032, 5, 2),
    (2033, 4, 24),
    (2034, 4, 9),
    (2035, 4, 29),
];

#[test]
fn easter_matches_published_dates_2000_2035() {
    for (y, m, d) in PUBLISHED_EASTER {
        assert_eq!(orthodox_easter(y).unwrap(), date(y, m, d), "Easter {y}");
        assert_eq!(
            orthodox_trinity(y).unwrap(),
            date(y, m, d) + Days::new(49),
            "Trinity {y}"
        );
    }
    // 1991: Easter 7 April, Trinity 26 May.
    assert_eq!(orthodox_easter(1991).unwrap(), date(1991, 4, 7));
    assert_eq!(orthodox_trinity(1991).unwrap(), date(1991, 5, 26));
}

#[test]
fn easter_uses_the_right_calendar_difference_in_2100() {
    // Julian 18 April 2100 is Gregorian 2 May (14 days): 2100 is not a
    // Gregorian leap year but is a Julian one. A constant +13 gives 1 May.
    assert_eq!(orthodox_easter(2099).unwrap(), date(2099, 4, 12));
    assert_eq!(orthodox_easter(2100).unwrap(), date(2100, 5, 2));
    assert_eq!(orthodox_trinity(2100).unwrap(), date(2100, 6, 20));
    assert_eq!(julian_to_gregorian(1900, 2, 29), date(1900, 3, 13));
    assert_eq!(julian_to_gregorian(2100, 2, 28), date(2100, 3, 13));
    assert_eq!(julian_to_gregorian(2100, 2, 29), date(2100, 3, 14));
    for y in FIRST_YEAR..=LAST_YEAR {
        let e = orthodox_easter(y).unwrap();
        assert_eq!(e.weekday(), Weekday::Sun, "{y}");
        assert!(e >= date(y, 4, 4) && e <= date(y, 5, 9), "{y}: {e}");
    }
}

#[test]
fn years_outside_the_range_are_out_of_range_errors() {
    for y in [FIRST_YEAR - 1, LAST_YEAR + 1, i32::MIN, i32::MAX] {
        for preset in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
            let err = year(preset, y, None).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::OutOfRange);
            assert!(err.message().contains("1991..=2100"), "{}", err.message());
        }
        assert_eq!(
            orthodox_easter(y).unwrap_err().kind(),
            ErrorKind::OutOfRange
        );
        assert_eq!(
            orthodox_trinity(y).unwrap_err().kind(),
            ErrorKind::OutOfRange
        );
    }
    assert!(year(HolidayPreset::Ua, FIRST_YEAR, None).is_ok());
    assert!(year(HolidayPreset::Ua, LAST_YEAR, None).is_ok());
}

#[test]
fn a_martial_law_end_before_its_start_is_invalid() {
    let err = year(HolidayPreset::Ua, 2022, Some(date(2022, 2, 23))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    assert_eq!(err.field(), Some("martial_law_end"));
    assert!(year(HolidayPreset::Ua, 2022, Some(MARTIAL_LAW_START)).is_ok());
}

#[test]
fn preset_names_and_serde() {
    assert_eq!(HolidayPreset::default(), HolidayPreset::Ua);
    for p in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
        assert_eq!(HolidayPreset::from_name(p.name()), Some(p));
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, format!("\"{}\"", p.name()));
        assert_eq!(serde_json::from_str::<HolidayPreset>(&json).unwrap(), p);
        assert_eq!(p.to_string(), p.name());
    }
    assert_eq!(HolidayPreset::from_name("UA-Statutory"), None);
}

#[test]
fn new_year_womens_day_easter_trinity_hold_throughout() {
    for y in [FIRST_YEAR, 2022, LAST_YEAR] {
        let yr = statutory(y);
        assert_eq!(named_on(&yr, date(y, 1, 1)), ["New Year's Day"]);
        assert_eq!(named_on(&yr, date(y, 3, 8)), ["International Women's Day"]);
        assert!(named_on(&yr, orthodox_easter(y).unwrap()).contains(&"Easter Sunday"));
        assert_eq!(
            named_on(&yr, orthodox_trinity(y).unwrap()),
            ["Trinity Sunday"]
        );
    }
}

#[test]
fn christmas_on_7_january_from_1991_to_2023() {
    assert_eq!(
        named_on(&statutory(1991), date(1991, 1, 7)),
        ["Christmas (Julian calendar)"]
    );
    assert_eq!(
        named_on(&statutory(2023), date(2023, 1, 7)),
        ["Christmas (Julian calendar)"]
    );
    assert!(named_on(&statutory(2024), date(2024, 1, 7)).is_empty());
}

#[test]
fn christmas_on_25_december_since_2017() {
    assert!(named_on(&statutory(2016), date(2016, 12, 25)).is_empty());
    assert_eq!(
        named_on(&statutory(2017), date(2017, 12, 25)),
        ["Christmas (Gregorian calendar)"]
    );
    assert_eq!(
        named_on(&statutory(2023), date(2023, 12, 25)),
        ["Christmas Day"]
    );
    assert_eq!(
        named_on(&statutory(LAST_YEAR), date(LAST_YEAR, 12, 25)),
        ["Christmas Day"]
    );
}

#[test]
fn two_days_in_may_until_2017_then_labour_day() {
    let y1991 = statutory(1991);
    assert_eq!(
        named_on(&y1991, date(1991, 5, 2)),
        ["International Workers' Solidarity Day"]
    );
    let y2017 = statutory(2017);
    assert_eq!(
        named_on(&y2017, date(2017, 5, 1)),
        ["International Workers' Solidarity Day"]
    );
    assert_eq!(
        named_on(&y2017, date(2017, 5, 2)),
        ["International Workers' Solidarity Day"]
    );
    let y2018 = statutory(2018);
    assert_eq!(named_on(&y2018, date(2018, 5, 1)), ["Labour Day"]);
    assert!(named_on(&y2018, date(2018, 5, 2)).is_empty());
}

#[test]
fn victory_day_on_9_may_until_2023_then_8_may() {
    assert_eq!(
        named_on(&statutory(1991), date(1991, 5, 9)),
        ["Victory Day"]
    );
    assert_eq!(
        named_on(&statutory(2015), date(2015, 5, 9)),
        ["Victory Day"]
    );
    assert_eq!(
        named_on(&statutory(2016), date(2016, 5, 9)),
        ["Day of Victory over Nazism in World War II (Victory Day)"]
    );
    // Law 3107-IX entered into force on 15.06.2023: 9 May 2023 still held.
    let y2023 = statutory(2023);
    assert_eq!(named_on(&y2023, date(2023, 5, 9)).len(), 1);
    assert!(named_on(&y2023, date(2023, 5, 8)).is_empty());
    let y2024 = statutory(2024);
    assert!(named_on(&y2024, date(2024, 5, 9)).is_empty());
    assert_eq!(
        named_on(&y2024, date(2024, 5, 8)),
        ["Day of Remembrance and Victory over Nazism in World War II 1939–1945"]
    );
}

#[test]
fn constitution_day_since_1997() {
    assert!(named_on(&statutory(1996), date(1996, 6, 28)).is_empty());
    assert_eq!(
        named_on(&statutory(1997), date(1997, 6, 28)),
        ["Constitution Day"]
    );
    assert_eq!(
        named_on(&statutory(LAST_YEAR), date(LAST_YEAR, 6, 28)),
        ["Constitution Day"]
    );
}

#[test]
fn independence_day_16_july_in_1991_then_24_august() {
    let y1991 = statutory(1991);
    assert_eq!(named_on(&y1991, date(1991, 7, 16)), ["Independence Day"]);
    assert!(named_on(&y1991, date(1991, 8, 24)).is_empty());
    let y1992 = statutory(1992);
    assert!(named_on(&y1992, date(1992, 7, 16)).is_empty());
    assert_eq!(named_on(&y1992, date(1992, 8, 24)), ["Independence Day"]);
    assert_eq!(
        named_on(&statutory(LAST_YEAR), date(LAST_YEAR, 8, 24)),
        ["Independence Day"]
    );
}

#[test]
fn statehood_day_28_july_in_2022_2023_then_15_july() {
    assert!(named_on(&statutory(2021), date(2021, 7, 28)).is_empty());
    assert_eq!(
        named_on(&statutory(2022), date(2022, 7, 28)),
        ["Ukrainian Statehood Day"]
    );
    let y2023 = statutory(2023);
    assert_eq!(
        named_on(&y2023, date(2023, 7, 28)),
        ["Ukrainian Statehood Day"]
    );
    assert!(named_on(&y2023, date(2023, 7, 15)).is_empty());
    let y2024 = statutory(2024);
    assert_eq!(
        named_on(&y2024, date(2024, 7, 15)),
        ["Ukrainian Statehood Day"]
    );
    assert!(named_on(&y2024, date(2024, 7, 28)).is_empty());
}

#[test]
fn defenders_day_14_october_from_2015_then_1_october_from_2023() {
    assert!(named_on(&statutory(2014), date(2014, 10, 14)).is_empty());
    assert_eq!(
        named_on(&statutory(2015), date(2015, 10, 14)),
        ["Defender of Ukraine Day"]
    );
    assert_eq!(
        named_on(&statutory(2020), date(2020, 10, 14)),
        ["Defender of Ukraine Day"]
    );
    assert_eq!(
        named_on(&statutory(2021), date(2021, 10, 14)),
        ["Day of Defenders of Ukraine"]
    );
    assert_eq!(
        named_on(&statutory(2022), date(2022, 10, 14)),
        ["Day of Defenders of Ukraine"]
    );
    // Law 3258-IX entered into force on 30.07.2023, before 1 October.
    let y2023 = statutory(2023);
    assert_eq!(
        named_on(&y2023, date(2023, 10, 1)),
        ["Day of Defenders of Ukraine"]
    );
    assert!(named_on(&y2023, date(2023, 10, 14)).is_empty());
}

#[test]
fn october_revolution_until_1999() {
    let y1999 = statutory(1999);
    assert_eq!(named_on(&y1999, date(1999, 11, 7)).len(), 1);
    assert_eq!(named_on(&y1999, date(1999, 11, 8)).len(), 1);
    let y2000 = statutory(2000);
    assert!(named_on(&y2000, date(2000, 11, 7)).is_empty());
    assert!(named_on(&y2000, date(2000, 11, 8)).is_empty());
}

#[test]
fn the_full_list_of_2021() {
    // Statutory days off of 2021: holidays, carry-overs (Sat 1 May → Mon 3,
    // Easter Sun 2 May → Tue 4, Sun 9 May → Mon 10, Trinity 20 June →
    // Mon 21, Sat 25 December → Mon 27) and the transfers of 1191-2020-р.
    let y = statutory(2021);
    let got: Vec<(NaiveDate, DayOffReason)> =
        y.days_off.iter().map(|o| (o.date, o.reason)).collect();
    let h = DayOffReason::Holiday;
    let c = |m, d| DayOffReason::CarriedOver {
        holiday: date(2021, m, d),
    };
    let t = |m, d| DayOffReason::Transferred {
        worked_on: date(2021, m, d),
    };
    let expected = vec![
        (date(2021, 1, 1), h),
        (date(2021, 1, 7), h),
        (date(2021, 1, 8), t(1, 16)),
        (date(2021, 3, 8), h),
        (date(2021, 5, 1), h),
        (date(2021, 5, 2), h),
        (date(2021, 5, 3), c(5, 1)),
        (date(2021, 5, 4), c(5, 2)),
        (date(2021, 5, 9), h),
        (date(2021, 5, 10), c(5, 9)),
        (date(2021, 6, 20), h),
        (date(2021, 6, 21), c(6, 20)),
        (date(2021, 6, 28), h),
        (date(2021, 8, 23), t(8, 28)),
        (date(2021, 8, 24), h),
        (date(2021, 10, 14), h),
        (date(2021, 10, 15), t(10, 23)),
        (date(2021, 12, 25), h),
        (date(2021, 12, 27), c(12, 25)),
    ];
    assert_eq!(got, expected);
    let worked: Vec<NaiveDate> = y.working_days.iter().map(|w| w.date).collect();
    assert_eq!(
        worked,
        [date(2021, 1, 16), date(2021, 8, 28), date(2021, 10, 23)]
    );
    let may4 = y
        .days_off
        .iter()
        .find(|o| o.date == date(2021, 5, 4))
        .unwrap();
    assert_eq!(may4.name.en, "Easter Sunday");
    let aug23 = y
        .days_off
        .iter()
        .find(|o| o.date == date(2021, 8, 23))
        .unwrap();
    assert_eq!(aug23.name.en, "Independence Day");
    // Outside martial law the two presets agree.
    assert_eq!(default_preset(2021), y);
}

#[test]
fn two_holidays_on_one_weekend_date_give_one_day_off() {
    // 1 May 2005 was both Solidarity Day and Easter, on a Sunday; 2 May a
    // holiday; one weekend day, so one carry-over: Tuesday 3 May.
    let y = statutory(2005);
    assert_eq!(
        named_on(&y, date(2005, 5, 1)),
        ["International Workers' Solidarity Day", "Easter Sunday"]
    );
    assert_eq!(
        off(&y, date(2005, 5, 3)),
        Some(DayOffReason::CarriedOver {
            holiday: date(2005, 5, 1)
        })
    );
    assert_eq!(off(&y, date(2005, 5, 4)), None);
    let first_may: Vec<&DayOff> = y
        .days_off
        .iter()
        .filter(|o| o.date == date(2005, 5, 1))
        .collect();
    assert_eq!(first_may.len(), 1);
    assert_eq!(
        first_may[0].name.en,
        "International Workers' Solidarity Day"
    );
}

#[test]
fn carry_over_skips_a_holiday_that_follows() {
    // Sunday 7 November 1999; Monday 8 November a holiday itself.
    let y = statutory(1999);
    assert_eq!(
        off(&y, date(1999, 11, 9)),
        Some(DayOffReason::CarriedOver {
            holiday: date(1999, 11, 7)
        })
    );
    // Saturday 1 and Sunday 2 May 2010 → Monday 3 and Tuesday 4.
    let y = statutory(2010);
    assert_eq!(
        off(&y, date(2010, 5, 3)),
        Some(DayOffReason::CarriedOver {
            holiday: date(2010, 5, 1)
        })
    );
    assert_eq!(
        off(&y, date(2010, 5, 4)),
        Some(DayOffReason::CarriedOver {
            holiday: date(2010, 5, 2)
        })
    );
}

#[test]
fn carry_over_only_in_the_periods_the_law_had_it() {
    // Before Law 35/95-ВР: Sunday 1 January 1995 gave nothing.
    assert_eq!(off(&statutory(1995), date(1995, 1, 2)), None);
    // ... but Presidential Decree 13/95 gave Monday 9 January for Christmas.
    assert_eq!(
        off(&statutory(1995), date(1995, 1, 9)),
        Some(DayOffReason::CarriedOver {
            holiday: date(1995, 1, 7)
        })
    );
    // 1995–1997: Easter Monday 15 April 1996 off.
    assert_eq!(
        off(&statutory(1996), date(1996, 4, 15)),
        Some(DayOffReason::CarriedOver {
            holiday: date(1996, 4, 14)
        })
    );
    // The gap (10.01.1998–22.04.1999): Sunday 8 March 1998, Easter
    // 19 April 1998 and Sunday 28 June 1998 gave nothing.
    let y1998 = statutory(1998);
    for d in [date(1998, 3, 9), date(1998, 4, 20), date(1998, 6, 29)] {
        assert_eq!(off(&y1998, d), None, "{d}");
    }
    // Law 576-XIV from 23.04.1999: Saturday 1 and Sunday 2 May 1999.
    let y1999 = statutory(1999);
    assert_eq!(
        off(&y1999, date(1999, 5, 3)),
        Some(DayOffReason::CarriedOver {
            holiday: date(1999, 5, 1)
        })
    );
    assert_eq!(
        off(&y1999, date(1999, 5, 4)),
        Some(DayOffReason::CarriedOver {
            holiday: date(1999, 5, 2)
        })
    );
}

#[test]
fn cabinet_transfers_give_a_bridge_day_and_a_working_saturday() {
    let y = statutory(2018);
    let mar9 = y
        .days_off
        .iter()
        .find(|o| o.date == date(2018, 3, 9))
        .unwrap();
    assert_eq!(
        mar9.reason,
        DayOffReason::Transferred {
            worked_on: date(2018, 3, 3)
        }
    );
    assert_eq!(mar9.name.en, "International Women's Day");
    assert!(y.working_days.contains(&TransferredWorkday {
        date: date(2018, 3, 3),
        instead_of: date(2018, 3, 9)
    }));
    let dec31 = y
        .days_off
        .iter()
        .find(|o| o.date == date(2018, 12, 31))
        .unwrap();
    assert_eq!(dec31.name.en, "New Year's Day");
    // A transfer across the new year: 2 January 1997 off, worked on
    // Saturday 28 December 1996.
    assert!(statutory(1996).working_days.contains(&TransferredWorkday {
        date: date(1996, 12, 28),
        instead_of: date(1997, 1, 2)
    }));
    assert_eq!(
        off(&statutory(1997), date(1997, 1, 2)),
        Some(DayOffReason::Transferred {
            worked_on: date(1996, 12, 28)
        })
    );
}

#[test]
fn martial_law_switch_in_2022_statutory() {
    // Before Law 2136-IX (in force 24.03.2022) the peace-time days off
    // held, the Cabinet's March transfer included; after it, none.
    let y = statutory(2022);
    let got: Vec<(NaiveDate, DayOffReason)> =
        y.days_off.iter().map(|o| (o.date, o.reason)).collect();
    assert_eq!(
        got,
        vec![
            (date(2022, 1, 1), DayOffReason::Holiday),
            (
                date(2022, 1, 3),
                DayOffReason::CarriedOver {
                    holiday: date(2022, 1, 1)
                }
            ),
            (date(2022, 1, 7), DayOffReason::Holiday),
            (
                date(2022, 3, 7),
                DayOffReason::Transferred {
                    worked_on: date(2022, 3, 12)
                }
            ),
            (date(2022, 3, 8), DayOffReason::Holiday),
        ]
    );
    assert_eq!(
        y.working_days,
        [TransferredWorkday {
            date: date(2022, 3, 12),
            instead_of: date(2022, 3, 7)
        }]
    );
    // The named list is the law's, martial law or not.
    assert_eq!(named_on(&y, date(2022, 7, 28)), ["Ukrainian Statehood Day"]);
    assert_eq!(y.named, default_preset(2022).named);
    assert!(statutory(2025).days_off.is_empty());
    assert!(statutory(2025).working_days.is_empty());
}

#[test]
fn martial_law_switch_in_2022_default_preset() {
    let y = default_preset(2022);
    let dates: Vec<NaiveDate> = y.days_off.iter().map(|o| o.date).collect();
    assert_eq!(
        dates,
        [
            date(2022, 1, 1),
            date(2022, 1, 3),
            date(2022, 1, 7),
            date(2022, 3, 7),
            date(2022, 3, 8),
            date(2022, 4, 24),
            date(2022, 5, 1),
            date(2022, 5, 9),
            date(2022, 6, 12),
            date(2022, 6, 28),
            date(2022, 7, 28),
            date(2022, 8, 24),
            date(2022, 10, 14),
            date(2022, 12, 25),
        ]
    );
    // No carry-over of Sunday 1 May, no transfer of 27 June / 2 July.
    for o in &y.days_off[5..] {
        assert_eq!(o.reason, DayOffReason::Holiday, "{}", o.date);
    }
    assert_eq!(y.working_days.len(), 1);
    // 2024: every named date, Saturday 24 August included, nothing moved.
    let y = default_preset(2024);
    let named: Vec<NaiveDate> = y.named.iter().map(|(d, _)| *d).collect();
    let offs: Vec<NaiveDate> = y.days_off.iter().map(|o| o.date).collect();
    assert_eq!(named, offs);
    assert_eq!(off(&y, date(2024, 8, 24)), Some(DayOffReason::Holiday));
    assert_eq!(off(&y, date(2024, 8, 26)), None);
}

#[test]
fn the_end_of_martial_law_restores_the_statutory_rules() {
    // Sunday 28 June 2026. If martial law ends on the 28th the holiday is
    // under it: not off by statute, no carry-over; ending on the 27th, the
    // holiday is off and carried over to Monday 29 June.
    let on_28 = year(HolidayPreset::UaStatutory, 2026, Some(date(2026, 6, 28))).unwrap();
    assert_eq!(off(&on_28, date(2026, 6, 28)), None);
    assert_eq!(off(&on_28, date(2026, 6, 29)), None);
    assert_eq!(off(&on_28, date(2026, 7, 15)), Some(DayOffReason::Holiday));
    assert_eq!(off(&on_28, date(2026, 8, 24)), Some(DayOffReason::Holiday));
    let ua_on_28 = year(HolidayPreset::Ua, 2026, Some(date(2026, 6, 28))).unwrap();
    assert_eq!(
        off(&ua_on_28, date(2026, 6, 28)),
        Some(DayOffReason::Holiday)
    );
    assert_eq!(off(&ua_on_28, date(2026, 6, 29)), None);
    for preset in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
        let on_27 = year(preset, 2026, Some(date(2026, 6, 27))).unwrap();
        assert_eq!(off(&on_27, date(2026, 6, 28)), Some(DayOffReason::Holiday));
        assert_eq!(
            off(&on_27, date(2026, 6, 29)),
            Some(DayOffReason::CarriedOver {
                holiday: date(2026, 6, 28)
            })
        );
    }
    // Ended in 2022 before the law's suspension began: the June transfer
    // and every carry-over of 2022 held.
    let early = year(HolidayPreset::UaStatutory, 2022, Some(date(2022, 3, 1))).unwrap();
    assert_eq!(
        off(&early, date(2022, 6, 27)),
        Some(DayOffReason::Transferred {
            worked_on: date(2022, 7, 2)
        })
    );
    assert_eq!(
        off(&early, date(2022, 5, 2)),
        Some(DayOffReason::CarriedOver {
            holiday: date(2022, 5, 1)
        })
    );
    // After the end the presets agree again.
    let end = Some(date(2030, 1, 1));
    assert_eq!(
        year(HolidayPreset::Ua, 2031, end).unwrap(),
        year(HolidayPreset::UaStatutory, 2031, end).unwrap()
    );
}

#[test]
fn every_year_is_consistent() {
    for preset in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
        for end in [None, Some(date(2025, 5, 31))] {
            for y in FIRST_YEAR..=LAST_YEAR {
                let yr = year(preset, y, end).unwrap();
                assert_eq!(yr.year, y);
                assert!(yr.named.windows(2).all(|w| w[0].0 <= w[1].0));
                assert!(yr.named.iter().all(|(d, _)| d.year() == y));
                assert!(yr.days_off.windows(2).all(|w| w[0].date < w[1].date), "{y}");
                assert!(yr.days_off.iter().all(|o| o.date.year() == y));
                for o in &yr.days_off {
                    match o.reason {
                        DayOffReason::Holiday => {
                            assert!(yr.named.iter().any(|(d, _)| *d == o.date))
                        }
                        // Carry-overs and bridges land on weekdays that are
                        // not holidays: no two reasons ever collide.
                        _ => {
                            assert!(!is_weekend(o.date), "{y}: {}", o.date);
                            assert!(!named_in(y).iter().any(|(d, _)| *d == o.date), "{}", o.date);
                        }
                    }
                }
                for w in &yr.working_days {
                    assert!(is_weekend(w.date), "{}", w.date);
                    assert!(!named_in(y).iter().any(|(d, _)| *d == w.date), "{}", w.date);
                }
                if y < 2022 || end.is_some_and(|e| y > e.year()) {
                    let other = match preset {
                        HolidayPreset::Ua => HolidayPreset::UaStatutory,
                        HolidayPreset::UaStatutory => HolidayPreset::Ua,
                    };
                    assert_eq!(yr, year(other, y, end).unwrap(), "{y}");
                }
            }
        }
    }
}

#[test]
fn every_transfer_in_the_table_takes_effect() {
    // Each transfer row gives exactly one Transferred day off and one
    // working day (unless martial law suspended it): no row is shadowed
    // by a holiday or a carry-over.
    for transfer in ua::TRANSFERS {
        let y = statutory(transfer.day_off.year());
        let suspended = transfer.day_off >= MARTIAL_LAW_SUSPENSION_START;
        assert_eq!(
            off(&y, transfer.day_off)
                == Some(DayOffReason::Transferred {
                    worked_on: transfer.worked_on
                }),
            !suspended,
            "{}",
            transfer.day_off
        );
        let w = statutory(transfer.worked_on.year());
        assert_eq!(
            w.working_days
                .iter()
                .any(|x| x.date == transfer.worked_on && x.instead_of == transfer.day_off),
            !suspended
        );
    }
}

#[test]
fn the_table_rules_do_not_overlap() {
    // Two wordings of one holiday never hold on the same day.
    for (i, a) in ua::HOLIDAYS.iter().enumerate() {
        for b in &ua::HOLIDAYS[i + 1..] {
            let same_day = match (a.when, b.when) {
                (ua::When::Fixed(m1, d1), ua::When::Fixed(m2, d2)) => (m1, d1) == (m2, d2),
                (ua::When::Easter(o1), ua::When::Easter(o2)) => o1 == o2,
                _ => false,
            };
            if same_day {
                assert!(
                    a.until < b.from || b.until < a.from,
                    "{} / {}",
                    a.name.en,
                    b.name.en
                );
            }
            assert!(a.from <= a.until);
        }
    }
}
