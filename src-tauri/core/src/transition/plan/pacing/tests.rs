//! The pacing rule on hand-made items. Every expectation is worked out by hand
//! in the comments, from the rule as `pace` documents it.
//!
//! The calendar of every test: a 90-day plan from Monday 2026-01-05. Its
//! phases end on 02-04 (+30), 03-06 (+60: February 2026 has 28 days) and
//! 04-05 (+90); each phase's weeks end 7, 14 and 21 days after its start and
//! on its last day:
//!
//! | phase | week 1 | week 2 | week 3 | week 4 |
//! |-------|--------|--------|--------|--------|
//! | 1     | 01-12  | 01-19  | 01-26  | 02-04  |
//! | 2     | 02-11  | 02-18  | 02-25  | 03-06  |
//! | 3     | 03-13  | 03-20  | 03-27  | 04-05  |
//!
//! The default budget (14, 10, 8, 5, 3) leaves practice room of 11, 8, 6, 4
//! and 3 hours (three quarters, rounded up: 10.5, 7.5, 6, 3.75, 2.25).

use super::*;

const START: &str = "2026-01-05";

fn calendar() -> Calendar {
    Calendar::new(START, PLAN_DAYS).unwrap()
}

fn load(kind: TimeKind, hours: u8, phase: u8) -> Load {
    Load {
        kind,
        hours,
        phase,
        checkpoint: false,
    }
}

fn checkpoint() -> Load {
    Load {
        kind: TimeKind::OneOnOnes,
        hours: 1,
        phase: 3,
        checkpoint: true,
    }
}

/// The plan's weeks, and the week of each item.
fn placed(
    loads: &[Load],
    budget: &WeeklyBudget,
    from: Option<&str>,
) -> (Vec<Week>, Vec<Option<usize>>) {
    let weeks = calendar().weeks();
    let from = from.map(|d| dates::parse(d).unwrap());
    let week_of = pace(loads, &weeks, &practice_room(budget), from);
    (weeks, week_of)
}

/// The due date of each item, "-" when it found no room.
fn due_dates(loads: &[Load], budget: &WeeklyBudget, from: Option<&str>) -> Vec<String> {
    let (weeks, week_of) = placed(loads, budget, from);
    week_of
        .into_iter()
        .map(|w| w.map_or("-".to_string(), |w| dates::format(weeks[w].due_on)))
        .collect()
}

#[test]
fn the_weeks_of_a_phase_end_every_seven_days_and_on_its_last_day() {
    let due: Vec<String> = calendar()
        .weeks()
        .iter()
        .map(|w| format!("{}.{} {}", w.phase, w.number, dates::format(w.due_on)))
        .collect();
    assert_eq!(
        due,
        [
            "1.1 2026-01-12",
            "1.2 2026-01-19",
            "1.3 2026-01-26",
            "1.4 2026-02-04",
            "2.1 2026-02-11",
            "2.2 2026-02-18",
            "2.3 2026-02-25",
            "2.4 2026-03-06",
            "3.1 2026-03-13",
            "3.2 2026-03-20",
            "3.3 2026-03-27",
            "3.4 2026-04-05",
        ]
    );
    // A 105-day plan has phases of 35 days: five weeks of seven.
    let longer = Calendar::new(START, 105).unwrap().weeks();
    assert_eq!(longer.len(), 15);
    assert_eq!(dates::format(longer[4].due_on), "2026-02-09", "+35");
    assert!(Calendar::new(START, 100).is_err(), "not three whole phases");
    assert!(Calendar::new(START, 363).is_err(), "longer than 360 days");
}

fn by_kind(budget: &WeeklyBudget) -> [u8; 5] {
    TimeKind::ALL.map(|kind| budget.hours(kind))
}

#[test]
fn practice_may_take_three_quarters_of_each_kind_rounded_up() {
    let room = practice_room(&WeeklyBudget::default());
    assert_eq!(by_kind(&room), [11, 8, 6, 4, 3]);
    let one = WeeklyBudget {
        hands_on: 1,
        agents: 0,
        reviews: 4,
        mentoring: 7,
        one_on_ones: 80,
    };
    let room = practice_room(&one);
    // 0.75 → 1, 0 → 0, 3 → 3, 5.25 → 6, 60 → 60.
    assert_eq!(by_kind(&room), [1, 0, 3, 6, 60]);
}

/// Two items in days 1–30, one in days 31–60 and the checkpoint. The
/// checkpoint takes the last week. Phase 1 spreads its n = 2 items over its
/// W = 4 weeks: item j aims at week ⌈j·4/2⌉, weeks 2 and 4. Phase 2's one item
/// aims at week ⌈1·4/1⌉ = 4. Each item opens on the due date before it in its
/// phase, or on the phase's first day.
#[test]
fn a_small_plan_spreads_its_items_to_the_end_of_each_phase() {
    let loads = [
        load(TimeKind::HandsOn, 2, 1),
        load(TimeKind::Agents, 2, 1),
        load(TimeKind::HandsOn, 2, 2),
        checkpoint(),
    ];
    assert_eq!(
        due_dates(&loads, &WeeklyBudget::default(), None),
        ["2026-01-19", "2026-02-04", "2026-03-06", "2026-04-05"]
    );
    let (weeks, week_of) = placed(&loads, &WeeklyBudget::default(), None);
    let opens: Vec<String> = opens_on(&week_of, &weeks)
        .into_iter()
        .map(|d| dates::format(d.unwrap()))
        .collect();
    assert_eq!(
        opens,
        ["2026-01-05", "2026-01-19", "2026-02-04", "2026-03-06"],
        "from the phase's first day, or from the due date before it"
    );
}

/// Eight items in days 1–30; hands-on has 4 hours in the budget, so 3 of
/// practice room: two 2-hour hands-on items cannot share a week. With nine
/// items in all (the checkpoint too) over 12 weeks, a week takes
/// max(2, ⌈9/12⌉) = 2. Targets ⌈j·4/8⌉: weeks 1, 1, 2, 2, 3, 3, 4, 4.
///
/// - A (hands-on 2) → week 1.
/// - B (hands-on 2) aims at week 1, which has no hands-on room left (2 + 2 > 3)
///   → week 2.
/// - C (agents) → week 2, now full (2 items).
/// - D aims at week 2 → week 3. E → week 3, full.
/// - F aims at week 3 → week 4. G → week 4, full.
/// - H aims at week 4; no later week; the nearest earlier one with a place
///   is week 1 (weeks 3 and 2 are full).
#[test]
fn an_item_without_room_or_a_place_goes_to_the_next_week_then_back() {
    let budget = WeeklyBudget {
        hands_on: 4,
        ..WeeklyBudget::default()
    };
    let loads = [
        load(TimeKind::HandsOn, 2, 1),
        load(TimeKind::HandsOn, 2, 1),
        load(TimeKind::Agents, 1, 1),
        load(TimeKind::Agents, 1, 1),
        load(TimeKind::Reviews, 1, 1),
        load(TimeKind::Reviews, 1, 1),
        load(TimeKind::Mentoring, 1, 1),
        load(TimeKind::Mentoring, 1, 1),
        checkpoint(),
    ];
    assert_eq!(
        due_dates(&loads, &budget, None),
        [
            "2026-01-12",
            "2026-01-19",
            "2026-01-19",
            "2026-01-26",
            "2026-01-26",
            "2026-02-04",
            "2026-02-04",
            "2026-01-12",
            "2026-04-05",
        ]
    );
}

/// The plan of issue 10, in shape: 11 items in days 1–30, 27 in days 31–60, 3
/// and the checkpoint in days 61–90; every item an hour of agents (room 8, so
/// only the count per week decides).
///
/// - Phase 1: 42 items over 12 weeks → at most ⌈42/12⌉ = 4 a week. Targets
///   ⌈j·4/11⌉ for j = 1…11: 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4 → 2, 3, 3, 3 a week.
/// - Phase 2: 31 items left (27 + 3 + checkpoint) over 8 weeks → ⌈31/8⌉ = 4 a
///   week, 16 places. Targets ⌈j·4/27⌉: j 1–6 week 1, 7–13 week 2, 14–20
///   week 3, 21–27 week 4. Items 1–4 fill week 1; 5–8 week 2; 9–12 week 3;
///   13–16 week 4; items 17–27 find every week full and wait.
/// - Phase 3: the 11 waiting, the 3 of its own and the checkpoint: 15 over 4
///   weeks → 4 a week. n = 15 with the checkpoint last; targets ⌈j·4/15⌉:
///   j 1–3 week 1, 4–7 week 2, 8–11 week 3, 12–14 week 4 (beside the
///   checkpoint): 3, 4, 4, 4.
#[test]
fn a_crowded_phase_spills_into_the_next_and_every_week_takes_its_share() {
    let mut loads: Vec<Load> = Vec::new();
    for (phase, count) in [(1, 11), (2, 27), (3, 3)] {
        loads.extend((0..count).map(|_| load(TimeKind::Agents, 1, phase)));
    }
    loads.push(checkpoint());
    let (weeks, week_of) = placed(&loads, &WeeklyBudget::default(), None);
    let per_week: Vec<usize> = (0..weeks.len())
        .map(|w| week_of.iter().filter(|of| **of == Some(w)).count())
        .collect();
    assert_eq!(per_week, [2, 3, 3, 3, 4, 4, 4, 4, 3, 4, 4, 4]);
    assert!(week_of.iter().all(Option::is_some), "all 42 fit");
    let due_of = |i: usize| dates::format(weeks[week_of[i].unwrap()].due_on);
    assert_eq!(due_of(11), "2026-02-11", "the first of days 31–60");
    assert_eq!(due_of(26), "2026-03-06", "its 16th, the last to stay");
    assert_eq!(due_of(27), "2026-03-13", "its 17th waits for days 61–90");
    // Its 27th is the 11th of phase 3's 15: target ⌈11·4/15⌉ = 3, where it
    // is the fourth.
    assert_eq!(due_of(37), "2026-03-27", "its 27th");
    assert_eq!(due_of(40), "2026-04-05", "the last of days 61–90");
}

/// Five 2-hour 1:1 items in days 1–30 and the checkpoint; 1:1s have 3 hours
/// of room, so one item a week. The checkpoint (1 hour) takes the last week
/// first. Phase 1 (n = 5, targets ⌈j·4/5⌉ = 1, 2, 3, 4, 4): the fifth finds
/// weeks 4, 3, 2, 1 holding 2 hours each and waits; phase 2 gives it its
/// last week (n = 1). With 1:1s at 1 hour (room 1), none of them fits.
#[test]
fn an_item_without_room_in_its_phase_waits_for_the_next_one() {
    let mut loads: Vec<Load> = (0..5).map(|_| load(TimeKind::OneOnOnes, 2, 1)).collect();
    loads.push(checkpoint());
    assert_eq!(
        due_dates(&loads, &WeeklyBudget::default(), None),
        [
            "2026-01-12",
            "2026-01-19",
            "2026-01-26",
            "2026-02-04",
            "2026-03-06",
            "2026-04-05"
        ]
    );
    let none = WeeklyBudget {
        one_on_ones: 1,
        ..WeeklyBudget::default()
    };
    assert_eq!(
        due_dates(&loads, &none, None),
        ["-", "-", "-", "-", "-", "2026-04-05"],
        "room 1: only the 1-hour checkpoint"
    );
}

/// Re-pacing on 2026-02-12, a Thursday in days 31–60: the weeks due before
/// it are closed. An item of days 1–30 waits for phase 2, whose open weeks are
/// 02-18, 02-25 and 03-06: with a phase-2 item (n = 2, targets ⌈j·3/2⌉ = 2 and
/// 3) they go to 02-25 and 03-06.
#[test]
fn re_pacing_uses_only_the_weeks_from_today_on() {
    let loads = [
        load(TimeKind::HandsOn, 2, 1),
        load(TimeKind::HandsOn, 2, 2),
        checkpoint(),
    ];
    assert_eq!(
        due_dates(&loads, &WeeklyBudget::default(), Some("2026-02-12")),
        ["2026-02-25", "2026-03-06", "2026-04-05"]
    );
    assert_eq!(
        due_dates(&loads, &WeeklyBudget::default(), Some("2026-04-06")),
        ["-", "-", "-"],
        "after the plan's last day no week is open"
    );
}

/// The view of the small plan: its weeks with the items open in each. Weeks 1
/// and 2 of phase 1 both have the first item open (due at the end of week 2).
#[test]
fn each_week_shows_the_hours_of_the_items_open_in_it() {
    let unpaced: Vec<PacedItem> = [
        (TimeKind::HandsOn, 2, 1),
        (TimeKind::Agents, 3, 1),
        (TimeKind::HandsOn, 2, 2),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(kind, hours, phase))| PacedItem {
        item_id: None,
        source: ItemSource::Gap,
        skill_key: "s".into(),
        skill_name: "S".into(),
        level: Some(2),
        title: format!("item {i}"),
        kind,
        hours_per_week: hours,
        phase,
        opens_on: None,
        due_date: String::new(),
        due_before: None,
        fits: false,
    })
    .collect();
    let pace = pace_plan(&unpaced, calendar(), WeeklyBudget::default(), None);
    let view: Vec<(u32, u32)> = pace.weeks.iter().map(|w| (w.open, w.total_hours)).collect();
    // Phase 1: item 0 (2 h) due week 2, item 1 (3 h) due week 4; phase 2:
    // item 2 (2 h) due week 4; phase 3: nothing.
    assert_eq!(
        view,
        [
            (1, 2),
            (1, 2),
            (1, 3),
            (1, 3),
            (1, 2),
            (1, 2),
            (1, 2),
            (1, 2),
            (0, 0),
            (0, 0),
            (0, 0),
            (0, 0)
        ]
    );
    assert_eq!((pace.most_open, pace.most_hours, pace.fits), (1, 3, true));
    assert_eq!(pace.items[1].opens_on.as_deref(), Some("2026-01-19"));
}

/// Five 2-hour 1:1 items in days 1–30 and a 3-hour mentoring item, with 1
/// hour of 1:1s (room 1) and 2 of mentoring (room 2): neither kind holds its
/// items. An hour more of each: 1:1s 2 (room 2: one item a week — four in
/// days 1–30, the fifth in days 31–60, the checkpoint alone in the last
/// week) and mentoring 3 (room 3). Everything fits after that one step.
#[test]
fn a_bigger_budget_adds_an_hour_at_a_time_to_each_kind_that_is_short() {
    let item = |kind, hours, source| PacedItem {
        item_id: None,
        source,
        skill_key: String::new(),
        skill_name: String::new(),
        level: None,
        title: String::new(),
        kind,
        hours_per_week: hours,
        phase: if source == ItemSource::Checkpoint {
            3
        } else {
            1
        },
        opens_on: None,
        due_date: String::new(),
        due_before: None,
        fits: false,
    };
    let mut items: Vec<PacedItem> = (0..5)
        .map(|_| item(TimeKind::OneOnOnes, 2, ItemSource::Gap))
        .collect();
    items.push(item(TimeKind::Mentoring, 3, ItemSource::Gap));
    items.push(item(TimeKind::OneOnOnes, 1, ItemSource::Checkpoint));
    let budget = WeeklyBudget {
        one_on_ones: 1,
        mentoring: 2,
        ..WeeklyBudget::default()
    };
    assert_eq!(pace_plan(&items, calendar(), budget, None).unplaced, 6);
    let Some(PaceChoice::BiggerBudget {
        budget: bigger,
        added,
    }) = budget_choice(&items, calendar(), budget, None)
    else {
        panic!("a bigger budget makes it fit");
    };
    assert_eq!(by_kind(&bigger), [14, 10, 8, 3, 2]);
    assert_eq!(by_kind(&added), [0, 0, 0, 1, 1]);
    assert!(pace_plan(&items, calendar(), bigger, None).fits);
    // 58 + 10 + 8 + 2 + 1 = 79 hours: the two more it takes would be 81.
    let full = WeeklyBudget {
        hands_on: 58,
        ..budget
    };
    assert_eq!(
        budget_choice(&items, calendar(), full, None),
        None,
        "not past 80 hours a week"
    );
}

/// However big the plan, a week has at most `DUE_PER_WEEK_MAX` (4) items
/// due. Twenty 1-hour agents items in each phase and the checkpoint, with
/// room for 8 such hours a week, so only the count holds them back. 61 to
/// place over 12 weeks would be 6 a week: 4 instead. Phase 1 places 16 of its
/// 20 (4 wait); phase 2 places 16 of its 24 (8 wait); phase 3 has 28 and 15
/// places (the checkpoint holds one in its last week): 13 find none.
#[test]
fn a_week_never_has_more_than_four_items_due_so_a_huge_plan_does_not_fit() {
    assert_eq!(DUE_PER_WEEK_MAX, 4);
    let mut loads: Vec<Load> = Vec::new();
    for phase in 1..=3 {
        loads.extend((0..20).map(|_| load(TimeKind::Agents, 1, phase)));
    }
    loads.push(checkpoint());
    let (weeks, week_of) = placed(&loads, &WeeklyBudget::default(), None);
    assert_eq!(weeks.len(), 12);
    let per_week: Vec<usize> = (0..weeks.len())
        .map(|w| week_of.iter().filter(|of| **of == Some(w)).count())
        .collect();
    assert_eq!(per_week, [4; 12]);
    assert_eq!(week_of.iter().filter(|w| w.is_none()).count(), 13);
    assert!(week_of[60].is_some(), "the checkpoint is placed first");
}
