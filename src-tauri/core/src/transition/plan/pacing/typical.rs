//! The shipped practice library on typical assessments (gaps on 8 to 10
//! skills of the built-in framework): every plan fits its direction's default
//! budget, with at most 15 items open at once, and each week's hours within
//! the room. What pacing changed is printed (`--nocapture`) for comparing
//! with every item of a phase open for the whole phase, as before.

use crate::people::tests::add;
use crate::skills::assessment::AssessorRole;
use crate::skills::framework::{framework_resolve, profile_resolve};
use crate::skills::gaps::gap_analysis;
use crate::skills::tests::{assess, rating};
use crate::transition::checklist::{checklist_generate, TimeKind};
use crate::transition::plan::{plan_preview, PlanInput};
use crate::transition::shipped_templates;
use crate::Workspace;

/// Ratings of the 14 built-in skills, in the framework's order.
const KEYS: [&str; 14] = [
    "delegating-work",
    "decomposing-work",
    "refining-from-output",
    "giving-instructions",
    "giving-feedback",
    "explaining-without-assumptions",
    "systems-thinking",
    "bottleneck-hunting",
    "end-to-end-ownership",
    "technical-judgment",
    "agent-workflows",
    "coaching",
    "building-trust",
    "patience-and-perseverance",
];

#[test]
fn typical_assessments_fit_the_default_budget_with_at_most_15_items_open() {
    let cases: [(&str, [u8; 14], usize); 4] = [
        // A manager becoming a tech lead: 9 gaps, three of them two levels.
        ("tech-lead", [3, 2, 2, 3, 3, 2, 2, 2, 3, 2, 1, 3, 3, 2], 9),
        // Ten gaps of one level.
        ("tech-lead", [3, 3, 2, 2, 3, 2, 2, 2, 3, 3, 2, 3, 3, 2], 10),
        // Eight gaps toward the IC-leader profile.
        ("ic-leader", [3, 3, 3, 3, 3, 4, 2, 4, 3, 2, 4, 2, 3, 4], 8),
        // An IC going back to managing: 9 gaps.
        (
            "engineering-manager",
            [3, 3, 3, 2, 3, 2, 2, 2, 3, 2, 2, 3, 3, 2],
            9,
        ),
    ];
    for (profile_key, levels, gaps) in cases {
        let ws = Workspace::in_memory().unwrap();
        let person = add(ws.conn(), "Ana", None);
        let framework = framework_resolve(ws.conn(), "ai-native-ic-leader").unwrap();
        let ratings = KEYS
            .iter()
            .zip(levels)
            .map(|(k, l)| rating(k, l, None))
            .collect();
        assess(
            ws.conn(),
            person,
            framework.id,
            AssessorRole::SelfAssessed,
            "2026-01-02",
            ratings,
        );
        let profile = profile_resolve(ws.conn(), profile_key).unwrap();
        let report = gap_analysis(ws.conn(), person, profile.id).unwrap();
        assert_eq!(
            report.gaps.len(),
            gaps,
            "{profile_key}: the gaps the case means"
        );
        let input = PlanInput {
            person_id: person,
            profile_id: profile.id,
            start_date: "2026-01-05".into(),
            moves: vec![],
            direction: None,
            reports_stay: true,
            pace: None,
        };
        let pace = plan_preview(ws.conn(), &input, shipped_templates()).unwrap();
        assert!(
            pace.fits,
            "{profile_key} {levels:?}: {:?}",
            pace.unplaced_hours
        );
        assert!(
            pace.most_open <= 15,
            "{profile_key}: {} open",
            pace.most_open
        );
        for week in &pace.weeks {
            for h in &week.hours {
                assert!(
                    h.hours <= u32::from(pace.room.hours(h.kind)),
                    "{profile_key}: {week:?}"
                );
            }
        }
        // Before pacing every item of a phase was open for the whole phase.
        let checklist = checklist_generate(&report, shipped_templates());
        let before = (1..=3u8)
            .map(|phase| {
                let of = checklist.iter().filter(|i| i.phase == phase);
                let count = of.clone().count() + usize::from(phase == 3);
                let hours: u32 = of.map(|i| u32::from(i.hours_per_week)).sum();
                (count, hours + u32::from(phase == 3))
            })
            .collect::<Vec<_>>();
        let after: Vec<usize> = (1..=3u8)
            .map(|p| pace.items.iter().filter(|i| i.phase == p).count())
            .collect();
        eprintln!(
            "{profile_key}, {gaps} gaps, {} items: before, per phase (items, hours a week) {before:?}; \
             after, per phase {after:?}, at most {} open and {} hours a week (room {}: {}), per kind {:?}",
            pace.items.len(),
            pace.most_open,
            pace.most_hours,
            pace.room.total(),
            pace.budget.total(),
            TimeKind::ALL
                .iter()
                .map(|&k| {
                    let most = pace.weeks.iter().map(|w| {
                        w.hours.iter().find(|h| h.kind == k).map_or(0, |h| h.hours)
                    });
                    (k.as_str(), most.max().unwrap_or(0), pace.room.hours(k))
                })
                .collect::<Vec<_>>()
        );
    }
}
