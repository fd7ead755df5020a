//! Which way a transition goes (to an IC role, or back to managing) and what
//! follows from that: the weekly budget a plan starts with, the goals of its
//! three phases and the questions of its day-90 checkpoint.

use super::WeeklyBudget;
use crate::people::RoleTrack;

/// Which way the pendulum swings: from managing to leading as an IC, or back.
/// The target profile says it (stored with the profile); what it means for a
/// plan is here.
pub use crate::skills::framework::Direction;

impl Direction {
    /// The role track the person has from the plan's start: an IC leader
    /// leads without people reporting to them; a manager has reports.
    pub fn role_track(self) -> RoleTrack {
        match self {
            Direction::ToIc => RoleTrack::IcLeader,
            Direction::ToManager => RoleTrack::Manager,
        }
    }

    pub fn default_budget(self) -> WeeklyBudget {
        match self {
            Direction::ToIc => WeeklyBudget::default(),
            // A new manager's week: most of it with people, some review, a little
            // hands-on work to stay close to the code.
            Direction::ToManager => WeeklyBudget {
                hands_on: 6,
                agents: 4,
                reviews: 6,
                mentoring: 8,
                one_on_ones: 12,
            },
        }
    }

    /// Each phase's name and goal; `phase_title` puts its days before the name.
    pub(super) fn phases(self) -> &'static [(&'static str, &'static str); 3] {
        match self {
            Direction::ToIc => &PHASES,
            Direction::ToManager => &PHASES_TO_MANAGER,
        }
    }

    pub fn checkpoint_questions(self) -> &'static str {
        match self {
            Direction::ToIc => CHECKPOINT_QUESTIONS,
            Direction::ToManager => CHECKPOINT_QUESTIONS_TO_MANAGER,
        }
    }
}

pub(super) const PHASES_TO_MANAGER: [(&str, &str); 3] = [
    ("get to know the people", "Hold a first 1:1 with everyone, learn what each person needs, and keep one piece of hands-on work to stay close to the code."),
    ("set the rhythm", "Set up the team's routines, hand over the work you used to do yourself, and give a first round of feedback."),
    ("lead through others, then decide", "Let the team own a result end to end, then use the checkpoint to keep going, adjust, or go back."),
];

const PHASES: [(&str, &str); 3] = [
    ("learn the work again", "Close the biggest gaps first and get hands-on with the team's code, tools and agents."),
    ("lead through the work", "Take on the next level of each skill, delegate to people and agents, and review their output."),
    ("own outcomes, then decide", "Own a result end to end, then use the checkpoint to keep going, adjust, or go back."),
];

/// "Days 31–60: lead through the work": a phase's days in a plan of `days`
/// days (three phases of a third each), then its name.
pub(super) fn phase_title(phase: u8, name: &str, days: u32) -> String {
    let third = days / 3;
    let first = third * (u32::from(phase) - 1) + 1;
    format!("Days {first}–{}: {name}", third * u32::from(phase))
}

macro_rules! checkpoint_name {
    () => {
        "checkpoint: keep going, adjust, or go back"
    };
}

/// The checkpoint at the end of a 90-day plan, and the questions to answer there.
pub const CHECKPOINT_TITLE: &str = concat!("Day-90 ", checkpoint_name!());

/// The checkpoint's title in a plan of `days` days.
pub fn checkpoint_title(days: u32) -> String {
    format!("Day-{days} {}", checkpoint_name!())
}
pub const CHECKPOINT_QUESTIONS: &str = "Do I have more energy at the end of a week than I did as a manager? \
Which work of the last month am I proudest of, and was it hands-on, through agents, or through people? \
Which gaps closed, and which did not move? What would I need to change to stay, and is that change possible here? \
Would going back to managing be a step toward something, or away from something?";
pub const CHECKPOINT_QUESTIONS_TO_MANAGER: &str = "Do I have more energy at the end of a week than I did as an IC? \
Which result of the last month am I proudest of, and did it happen through the people I lead? \
Which gaps closed, and which did not move? Do the people I manage get what they need from me, and how do I know? \
Would going back to IC work be a step toward something, or away from something?";

/// The checkpoint's questions one by one; the checkpoint item stores them as one text.
pub(super) fn questions(text: &str) -> Vec<String> {
    text.split_inclusive('?')
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty())
        .collect()
}
