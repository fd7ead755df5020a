//! How a chain of command or a reporting cycle is written in a message. It sits
//! below both `people` (which refuses moves that would close a cycle) and `org`
//! (which refuses a stored structure that has one), so neither imports the other
//! for it.

/// "Ana → Bo → Cy", shortened in the middle when long: a cycle or chain of
/// command can run through 100,000 people, and a message should stay readable.
pub fn chain_text<S: AsRef<str>>(names: &[S]) -> String {
    const ENDS: usize = 5;
    if names.len() <= 2 * ENDS + 2 {
        return names
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(" → ");
    }
    let head: Vec<&str> = names[..ENDS].iter().map(AsRef::as_ref).collect();
    let tail: Vec<&str> = names[names.len() - ENDS..]
        .iter()
        .map(AsRef::as_ref)
        .collect();
    format!(
        "{} → … ({} more) … → {}",
        head.join(" → "),
        names.len() - 2 * ENDS,
        tail.join(" → ")
    )
}

/// "the file has a reporting cycle: Ana → Bo → Ana", for every cycle.
pub fn cycle_message(cycles: &[Vec<&str>]) -> String {
    let described: Vec<String> = cycles
        .iter()
        .map(|names| {
            let mut chain: Vec<&str> = names.clone();
            chain.push(names[0]);
            chain_text(&chain)
        })
        .collect();
    format!(
        "the file has {}: {}. Nobody in or under a cycle has a place in the org; repair it by moving one person of each cycle to the top (the app offers this, or run `leadline repair`)",
        if cycles.len() == 1 {
            "a reporting cycle".to_string()
        } else {
            format!("{} reporting cycles", cycles.len())
        },
        described.join("; ")
    )
}
