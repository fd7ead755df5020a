//! The planner's reasons and misses in plain English, for a workshop to read.

use super::Readiness;

fn people(n: u32) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{n} people")
    }
}

/// "Dana manages 1 person (single-report span); wants to grow the IC-leader
/// skills (gap 3)".
pub(super) fn conversion(
    name: &str,
    span: u32,
    manager_reports: u32,
    narrow_span_max: u32,
    readiness: Option<&Readiness>,
    agents: u32,
) -> String {
    let mut text = format!("{name} manages {}", people(span));
    if span == 1 {
        text.push_str(" (single-report span)");
    } else if span <= narrow_span_max {
        text.push_str(" (narrow span)");
    }
    if manager_reports > 0 {
        text.push_str(&format!(
            ", {manager_reports} of them {}",
            if manager_reports == 1 {
                "a manager"
            } else {
                "managers"
            }
        ));
    }
    text.push_str("; ");
    text.push_str(&readiness_words(readiness));
    if agents > 0 {
        text.push_str(&format!(
            "; keeps {} AI agent{}",
            agents,
            if agents == 1 { "" } else { "s" }
        ));
    }
    text
}

fn readiness_words(readiness: Option<&Readiness>) -> String {
    match readiness {
        None => "not assessed against the IC-leader profile".into(),
        Some(Readiness {
            gap,
            interest: None,
        }) => format!("assessed (gap {gap} to the IC-leader profile), no interest stated"),
        Some(Readiness {
            gap,
            interest: Some(x),
        }) => {
            let stance = if *x >= 1.5 {
                "wants to grow"
            } else if *x >= 1.0 {
                "is open to"
            } else {
                "said \"not now\" to"
            };
            format!("{stance} the IC-leader skills (gap {gap})")
        }
    }
}

/// "ratio reached 3.50, target 3.90 (short by 0.40): …why it stopped".
pub(super) fn ratio_miss(target: f64, reached: f64, for_room: u32, for_moves: u32) -> String {
    let mut why = Vec::new();
    if for_room > 0 {
        why.push(format!(
            "{} had nobody with room for all their reports",
            managers(for_room)
        ));
    }
    if for_moves > 0 {
        why.push(format!(
            "{} needed more moves than were left",
            managers(for_moves)
        ));
    }
    if why.is_empty() {
        why.push(
            "no other manager could become an IC leader (the top of the org keeps its role)".into(),
        );
    }
    format!(
        "ratio reached {reached:.2}, target {target:.2} (short by {:.2}): {}",
        target - reached,
        why.join("; ")
    )
}

fn managers(n: u32) -> String {
    if n == 1 {
        "1 manager".into()
    } else {
        format!("{n} managers")
    }
}

/// "span 16 > 10 (by 6): 3 managers above it".
pub(super) fn span_miss(max: u32, reached: u32, over: usize, moves_ran_out: bool) -> String {
    format!(
        "span {reached} > {max} (by {}): {} above it{}",
        reached - max,
        managers(over as u32),
        if moves_ran_out {
            "; the moves ran out before their reports could be spread"
        } else {
            "; their peers and team had no room for the reports above it"
        }
    )
}
