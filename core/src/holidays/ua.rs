//! The law's data: which holidays Ukraine's Labour Code listed on which days,
//! when the weekend carry-over rule was in force, the Cabinet's transferred
//! working days and the martial-law dates.
//!
//! Every fact here is a table row; the algorithm that reads them is in
//! `mod.rs`. The legal source of each row is in the comment above it and, at
//! length, in `docs/holidays.md`. Dates are checked at compile time: a row
//! with an impossible date does not build.

use chrono::NaiveDate;

use super::HolidayName;

/// A calendar date for the tables; an impossible date is a compile error.
// The panic can only fire in const evaluation (every call builds a `const`),
// so it stops the build, never a running program.
#[allow(clippy::panic)]
const fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("impossible date in the holiday tables"),
    }
}

// ---------------------------------------------------------------------------
// Martial law
// ---------------------------------------------------------------------------

/// Martial law began at 05:30 on 24 February 2022 (Presidential Decree
/// 64/2022, approved by Law 2102-IX of 24.02.2022).
pub(super) const MARTIAL_LAW_START: NaiveDate = d(2022, 2, 24);

/// Law 2136-IX of 15.03.2022 «Про організацію трудових відносин в умовах
/// воєнного стану», art. 6 part 6: while martial law lasts, art. 67 parts 3–5
/// (carry-over, Cabinet transfers) and art. 73 (holidays as days off) of the
/// Labour Code do not apply. Published 23.03.2022, in force from 24.03.2022.
/// Until then the peace-time rules still applied, martial law or not.
pub(super) const SUSPENSION_START: NaiveDate = d(2022, 3, 24);

// ---------------------------------------------------------------------------
// Art. 73: the holidays
// ---------------------------------------------------------------------------

/// When a holiday falls in a year.
#[derive(Debug, Clone, Copy)]
pub(super) enum When {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// Days after Orthodox Easter (0 = Easter Sunday, 49 = Trinity Sunday).
    Easter(u64),
}

/// One holiday as one wording of art. 73 listed it.
///
/// The holiday is a holiday on its date `D` when `from <= D <= until`: the
/// bounds are the days the wording was in force, so a change that entered
/// into force after the holiday's date in a year applies from the next year.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub(super) name: HolidayName,
    pub(super) when: When,
    pub(super) from: NaiveDate,
    pub(super) until: NaiveDate,
}

/// Open end of a rule that is still in force.
const OPEN: NaiveDate = d(9999, 12, 31);

/// Start of the data: Ukraine's own holiday list (1991).
const START: NaiveDate = d(1991, 1, 1);

// Names, in Ukrainian as the law words them and in English.
const NEW_YEAR: HolidayName = HolidayName {
    uk: "Новий рік",
    en: "New Year's Day",
};
const CHRISTMAS_JULIAN: HolidayName = HolidayName {
    uk: "Різдво Христове (за юліанським календарем)",
    en: "Christmas (Julian calendar)",
};
const CHRISTMAS_GREGORIAN: HolidayName = HolidayName {
    uk: "Різдво Христове (за григоріанським календарем)",
    en: "Christmas (Gregorian calendar)",
};
const CHRISTMAS: HolidayName = HolidayName {
    uk: "Різдво Христове",
    en: "Christmas Day",
};
const WOMENS_DAY: HolidayName = HolidayName {
    uk: "Міжнародний жіночий день",
    en: "International Women's Day",
};
const SOLIDARITY_DAY: HolidayName = HolidayName {
    uk: "День міжнародної солідарності трудящих",
    en: "International Workers' Solidarity Day",
};
const LABOUR_DAY: HolidayName = HolidayName {
    uk: "День праці",
    en: "Labour Day",
};
const VICTORY_DAY: HolidayName = HolidayName {
    uk: "День Перемоги",
    en: "Victory Day",
};
const VICTORY_OVER_NAZISM: HolidayName = HolidayName {
    uk: "День перемоги над нацизмом у Другій світовій війні (День перемоги)",
    en: "Day of Victory over Nazism in World War II (Victory Day)",
};
const REMEMBRANCE_AND_VICTORY: HolidayName = HolidayName {
    uk: "День пам'яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років",
    en: "Day of Remembrance and Victory over Nazism in World War II 1939–1945",
};
const CONSTITUTION_DAY: HolidayName = HolidayName {
    uk: "День Конституції України",
    en: "Constitution Day",
};
const INDEPENDENCE_DAY: HolidayName = HolidayName {
    uk: "День незалежності України",
    en: "Independence Day",
};
const STATEHOOD_DAY: HolidayName = HolidayName {
    uk: "День Української Державності",
    en: "Ukrainian Statehood Day",
};
const DEFENDER_DAY: HolidayName = HolidayName {
    uk: "День захисника України",
    en: "Defender of Ukraine Day",
};
const DEFENDERS_DAY: HolidayName = HolidayName {
    uk: "День захисників і захисниць України",
    en: "Day of Defenders of Ukraine",
};
const OCTOBER_REVOLUTION: HolidayName = HolidayName {
    uk: "Річниця Великої Жовтневої соціалістичної революції",
    en: "Anniversary of the October Revolution",
};
const EASTER: HolidayName = HolidayName {
    uk: "Пасха (Великдень)",
    en: "Easter Sunday",
};
const TRINITY: HolidayName = HolidayName {
    uk: "Трійця",
    en: "Trinity Sunday",
};

/// Art. 73 of the Labour Code (322-VIII) and its history, in the law's order:
/// part one (state holidays, by date), then part two (religious holidays).
/// When two holidays fall on one date, the earlier row names the day off.
pub(super) const HOLIDAYS: &[Rule] = &[
    // 1 January: in the list throughout.
    Rule {
        name: NEW_YEAR,
        when: When::Fixed(1, 1),
        from: START,
        until: OPEN,
    },
    // 7 January: Resolution of the Verkhovna Rada of the Ukrainian SSR of
    // December 1990 (Christmas, Easter, Trinity days off from 1991); removed
    // by Law 3258-IX of 14.07.2023, in force 30.07.2023, so 2023 is the last.
    Rule {
        name: CHRISTMAS_JULIAN,
        when: When::Fixed(1, 7),
        from: START,
        until: d(2023, 7, 29),
    },
    // 8 March: in the list throughout.
    Rule {
        name: WOMENS_DAY,
        when: When::Fixed(3, 8),
        from: START,
        until: OPEN,
    },
    // 1 and 2 May: renamed «День праці» and 2 May removed by Law 2211-VIII of
    // 16.11.2017, published 01.12.2017, in force 02.12.2017.
    Rule {
        name: SOLIDARITY_DAY,
        when: When::Fixed(5, 1),
        from: START,
        until: d(2017, 12, 1),
    },
    Rule {
        name: SOLIDARITY_DAY,
        when: When::Fixed(5, 2),
        from: START,
        until: d(2017, 12, 1),
    },
    Rule {
        name: LABOUR_DAY,
        when: When::Fixed(5, 1),
        from: d(2017, 12, 2),
        until: OPEN,
    },
    // 9 May: renamed by Law 315-VIII of 09.04.2015 (in force 21.05.2015);
    // replaced by 8 May by Law 3107-IX of 29.05.2023, in force 15.06.2023,
    // so 9 May 2023 was still the holiday and 8 May 2024 the first new one.
    Rule {
        name: VICTORY_DAY,
        when: When::Fixed(5, 9),
        from: START,
        until: d(2015, 5, 20),
    },
    Rule {
        name: VICTORY_OVER_NAZISM,
        when: When::Fixed(5, 9),
        from: d(2015, 5, 21),
        until: d(2023, 6, 14),
    },
    Rule {
        name: REMEMBRANCE_AND_VICTORY,
        when: When::Fixed(5, 8),
        from: d(2023, 6, 15),
        until: OPEN,
    },
    // 28 June: Constitution of Ukraine art. 161 (adopted in the morning of
    // 28.06.1996, so that day was a working day); first holiday 28.06.1997.
    Rule {
        name: CONSTITUTION_DAY,
        when: When::Fixed(6, 28),
        from: d(1997, 1, 1),
        until: OPEN,
    },
    // 16 July, «День незалежності України» (the 1990 Declaration of State
    // Sovereignty), held in 1991 only: Resolution of the Verkhovna Rada
    // 2143-XII of 20.02.1992 moved Independence Day to 24 August.
    Rule {
        name: INDEPENDENCE_DAY,
        when: When::Fixed(7, 16),
        from: START,
        until: d(1992, 2, 19),
    },
    // 28 July: Law 2295-IX of 31.05.2022, in force 09.06.2022; moved to
    // 15 July by Law 3258-IX (in force 30.07.2023), first 15 July in 2024.
    Rule {
        name: STATEHOOD_DAY,
        when: When::Fixed(7, 28),
        from: d(2022, 6, 9),
        until: d(2023, 7, 29),
    },
    Rule {
        name: STATEHOOD_DAY,
        when: When::Fixed(7, 15),
        from: d(2023, 7, 30),
        until: OPEN,
    },
    // 24 August: from 1992 (Resolution 2143-XII of 20.02.1992).
    Rule {
        name: INDEPENDENCE_DAY,
        when: When::Fixed(8, 24),
        from: d(1992, 2, 20),
        until: OPEN,
    },
    // 14 October: Law 238-VIII of 05.03.2015 (in force the day after its
    // publication in March 2015); renamed by Law 1643-IX of 14.07.2021
    // (signed 03.08.2021, in force the day after publication in August
    // 2021); moved to 1 October by Law 3258-IX (in force 30.07.2023), so
    // 1 October 2023 was already the holiday and 14 October 2023 was not.
    Rule {
        name: DEFENDER_DAY,
        when: When::Fixed(10, 14),
        from: d(2015, 3, 5),
        until: d(2021, 8, 3),
    },
    Rule {
        name: DEFENDERS_DAY,
        when: When::Fixed(10, 14),
        from: d(2021, 8, 4),
        until: d(2023, 7, 29),
    },
    Rule {
        name: DEFENDERS_DAY,
        when: When::Fixed(10, 1),
        from: d(2023, 7, 30),
        until: OPEN,
    },
    // 7 and 8 November: removed from the list in 2000; 1999 is the last year.
    Rule {
        name: OCTOBER_REVOLUTION,
        when: When::Fixed(11, 7),
        from: START,
        until: d(1999, 12, 31),
    },
    Rule {
        name: OCTOBER_REVOLUTION,
        when: When::Fixed(11, 8),
        from: START,
        until: d(1999, 12, 31),
    },
    // 25 December: Law 2211-VIII, in force 02.12.2017 (25.12.2017 the first);
    // the only Christmas since Law 3258-IX (in force 30.07.2023).
    Rule {
        name: CHRISTMAS_GREGORIAN,
        when: When::Fixed(12, 25),
        from: d(2017, 12, 2),
        until: d(2023, 7, 29),
    },
    Rule {
        name: CHRISTMAS,
        when: When::Fixed(12, 25),
        from: d(2023, 7, 30),
        until: OPEN,
    },
    // Part two: Easter and Trinity Sundays (Orthodox computus), since the
    // December 1990 resolution, in the list throughout.
    Rule {
        name: EASTER,
        when: When::Easter(0),
        from: START,
        until: OPEN,
    },
    Rule {
        name: TRINITY,
        when: When::Easter(49),
        from: START,
        until: OPEN,
    },
];

// ---------------------------------------------------------------------------
// Art. 67 part 3: weekend carry-over
// ---------------------------------------------------------------------------

/// The periods (inclusive) in which art. 67 part 3 moved the weekend day off
/// of a holiday that fell on Saturday or Sunday to the next working day. The
/// holiday's own date decides.
pub(super) const CARRY_OVER: &[(NaiveDate, NaiveDate)] = &[
    // Law 35/95-ВР (in force 27.01.1995) added the rule; Law 785/97-ВР took
    // it out again from 10.01.1998.
    (d(1995, 1, 27), d(1998, 1, 9)),
    // Law 576-XIV of 08.04.1999 put it back, in force on publication
    // (23.04.1999). Suspended while martial law lasts (see above).
    (d(1999, 4, 23), OPEN),
];

/// Days off by a one-off act rather than by art. 67 part 3: `(day off, the
/// weekend holiday it stands for)`.
pub(super) const DECREED_CARRY_OVER: &[(NaiveDate, NaiveDate)] = &[
    // Presidential Decree 13/95: Monday 9 January 1995 off for Christmas on
    // Saturday 7 January, before Law 35/95-ВР brought the general rule.
    (d(1995, 1, 9), d(1995, 1, 7)),
];

// ---------------------------------------------------------------------------
// Cabinet transfers (art. 67 parts 4–5 since Law 2914-VI of 2011; earlier by
// Cabinet resolutions): a weekday off, worked on a weekend day instead.
// ---------------------------------------------------------------------------

/// One transfer: `day_off` becomes a day off and `worked_on` (a weekend day)
/// a working day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Transfer {
    pub(super) day_off: NaiveDate,
    pub(super) worked_on: NaiveDate,
}

const fn t(day_off: NaiveDate, worked_on: NaiveDate) -> Transfer {
    Transfer { day_off, worked_on }
}

/// Every transfer the Cabinet decreed, by year of the day off; the act is in
/// the comment (КМУ resolution «-п» or order «-р»). See `docs/holidays.md` for
/// which rows were checked against a second source.
pub(super) const TRANSFERS: &[Transfer] = &[
    // 1991: 60-91-п
    t(d(1991, 5, 3), d(1991, 5, 5)),
    t(d(1991, 5, 10), d(1991, 5, 12)),
    t(d(1991, 7, 15), d(1991, 7, 13)),
    // 1992: 377-91-п, 202-92-п
    t(d(1992, 1, 6), d(1992, 1, 4)),
    t(d(1992, 4, 27), d(1992, 5, 16)),
    // 1993: 725-92-п, 563-93-п
    t(d(1993, 1, 8), d(1993, 1, 10)),
    t(d(1993, 8, 23), d(1993, 8, 21)),
    // 1994: 98-94-п
    t(d(1994, 3, 7), d(1994, 3, 5)),
    // 1995: 266-95-п, 634-95-п, 852-95-п
    t(d(1995, 5, 8), d(1995, 5, 6)),
    t(d(1995, 8, 25), d(1995, 8, 27)),
    t(d(1995, 11, 6), d(1995, 11, 4)),
    // 1996: 424-96-п
    t(d(1996, 5, 3), d(1996, 5, 5)),
    t(d(1996, 5, 10), d(1996, 5, 12)),
    // 1997: 1547-96-п, 326-97-п
    t(d(1997, 1, 2), d(1996, 12, 28)),
    t(d(1997, 1, 6), d(1997, 1, 4)),
    t(d(1997, 1, 8), d(1997, 1, 11)),
    t(d(1997, 4, 29), d(1997, 4, 19)),
    t(d(1997, 4, 30), d(1997, 5, 17)),
    // 1998: 1404-97-п
    t(d(1998, 1, 2), d(1998, 1, 4)),
    // 1999: 2070-98-п, 558-99-п, 1433-99-п
    t(d(1999, 1, 8), d(1999, 1, 10)),
    t(d(1999, 4, 12), d(1999, 4, 24)),
    t(d(1999, 8, 23), d(1999, 8, 21)),
    // 2000: 717-2000-п, 1251-2000-п
    t(d(2000, 5, 8), d(2000, 5, 6)),
    t(d(2000, 8, 25), d(2000, 8, 27)),
    // 2001: 210-2001-п, 138-2001-р
    t(d(2001, 3, 9), d(2001, 3, 11)),
    t(d(2001, 4, 30), d(2001, 4, 28)),
    t(d(2001, 5, 10), d(2001, 5, 5)),
    t(d(2001, 5, 11), d(2001, 5, 6)),
    t(d(2001, 6, 29), d(2001, 6, 23)),
    t(d(2001, 12, 31), d(2001, 12, 29)),
    // 2002: 202-2002-р, 705-2002-р
    t(d(2002, 5, 3), d(2002, 5, 11)),
    t(d(2002, 12, 30), d(2002, 12, 28)),
    t(d(2002, 12, 31), d(2002, 12, 29)),
    // 2003: 705-2002-р
    t(d(2003, 1, 6), d(2003, 1, 4)),
    // 2004: 773-2003-р
    t(d(2004, 1, 2), d(2004, 1, 10)),
    t(d(2004, 1, 5), d(2004, 1, 17)),
    t(d(2004, 1, 6), d(2004, 1, 31)),
    t(d(2004, 8, 23), d(2004, 8, 21)),
    // 2005: 936-2004-р, 133-2005-р
    t(d(2005, 3, 7), d(2005, 3, 5)),
    t(d(2005, 5, 10), d(2005, 5, 14)),
    t(d(2005, 6, 27), d(2005, 6, 25)),
    // 2006: 490-2005-р, 562-2005-р
    t(d(2006, 1, 3), d(2006, 1, 21)),
    t(d(2006, 1, 4), d(2006, 2, 4)),
    t(d(2006, 1, 5), d(2006, 2, 18)),
    t(d(2006, 1, 6), d(2006, 3, 11)),
    t(d(2006, 5, 8), d(2006, 5, 6)),
    t(d(2006, 8, 25), d(2006, 9, 9)),
    // 2007: 612-2006-р
    t(d(2007, 1, 2), d(2007, 1, 20)),
    t(d(2007, 1, 3), d(2007, 1, 27)),
    t(d(2007, 1, 4), d(2007, 2, 10)),
    t(d(2007, 1, 5), d(2007, 2, 24)),
    t(d(2007, 3, 9), d(2007, 3, 3)),
    t(d(2007, 4, 30), d(2007, 4, 28)),
    t(d(2007, 6, 29), d(2007, 6, 16)),
    t(d(2007, 12, 31), d(2007, 12, 29)),
    // 2008: 1059-2007-р, 538-2008-р
    t(d(2008, 1, 2), d(2008, 1, 12)),
    t(d(2008, 1, 3), d(2008, 1, 26)),
    t(d(2008, 1, 4), d(2008, 2, 9)),
    t(d(2008, 4, 29), d(2008, 5, 17)),
    t(d(2008, 4, 30), d(2008, 5, 31)),
    // 2009: 1458-2008-р
    t(d(2009, 1, 2), d(2009, 1, 10)),
    t(d(2009, 1, 5), d(2009, 1, 24)),
    t(d(2009, 1, 6), d(2009, 2, 7)),
    // 2010: 1412-2009-р
    t(d(2010, 1, 4), d(2010, 1, 30)),
    t(d(2010, 1, 5), d(2010, 2, 13)),
    t(d(2010, 1, 6), d(2010, 2, 27)),
    t(d(2010, 1, 8), d(2010, 3, 13)),
    t(d(2010, 8, 23), d(2010, 8, 21)),
    // 2011: 2130-2010-р
    t(d(2011, 3, 7), d(2011, 3, 12)),
    t(d(2011, 6, 27), d(2011, 6, 25)),
    // 2012: 1210-2011-р (as amended by 335-2012-р and 715-2012-р)
    t(d(2012, 3, 9), d(2012, 3, 3)),
    t(d(2012, 4, 30), d(2012, 4, 28)),
    t(d(2012, 6, 29), d(2012, 7, 7)),
    t(d(2012, 12, 31), d(2012, 12, 29)),
    // 2013: 1043-2012-р
    t(d(2013, 5, 3), d(2013, 5, 18)),
    t(d(2013, 5, 10), d(2013, 6, 1)),
    // 2014: 920-2013-р
    t(d(2014, 1, 2), d(2014, 1, 11)),
    t(d(2014, 1, 3), d(2014, 1, 25)),
    t(d(2014, 1, 6), d(2014, 2, 8)),
    // 2015: 1084-2014-р
    t(d(2015, 1, 2), d(2015, 1, 17)),
    t(d(2015, 1, 8), d(2015, 1, 31)),
    t(d(2015, 1, 9), d(2015, 2, 14)),
    // 2016: 1155-2015-р
    t(d(2016, 1, 8), d(2016, 1, 16)),
    t(d(2016, 3, 7), d(2016, 3, 12)),
    t(d(2016, 6, 27), d(2016, 7, 2)),
    // 2017: 850-2016-р
    t(d(2017, 5, 8), d(2017, 5, 13)),
    t(d(2017, 8, 25), d(2017, 8, 19)),
    // 2018: 1-2018-р
    t(d(2018, 3, 9), d(2018, 3, 3)),
    t(d(2018, 4, 30), d(2018, 5, 5)),
    t(d(2018, 6, 29), d(2018, 6, 23)),
    t(d(2018, 12, 24), d(2018, 12, 22)),
    t(d(2018, 12, 31), d(2018, 12, 29)),
    // 2019: 7-2019-р
    t(d(2019, 4, 30), d(2019, 5, 11)),
    t(d(2019, 12, 30), d(2019, 12, 21)),
    t(d(2019, 12, 31), d(2019, 12, 28)),
    // 2020: 995-2019-р
    t(d(2020, 1, 6), d(2020, 1, 11)),
    // 2021: 1191-2020-р
    t(d(2021, 1, 8), d(2021, 1, 16)),
    t(d(2021, 8, 23), d(2021, 8, 28)),
    t(d(2021, 10, 15), d(2021, 10, 23)),
    // 2022: 1004-2021-р. The June pair falls under the martial-law
    // suspension and is dropped by the algorithm.
    t(d(2022, 3, 7), d(2022, 3, 12)),
    t(d(2022, 6, 27), d(2022, 7, 2)),
];
