//! A file of ratings for one assessment, as people write them by hand or export
//! them from a spreadsheet: JSON (`{"skill": level}` or an array of
//! `{skill, level, interest?, note?}`) or CSV with the columns skill and level
//! (interest and note optional).

use super::assessment::RatingInput;
use crate::error::{Error, Result};

/// Reads ratings from `text`; `label` (the file's name) starts every message.
pub fn ratings_parse(label: &str, text: &str) -> Result<Vec<RatingInput>> {
    let bad = |why: String| Error::InvalidInput(format!("{label}: {why}"));
    if text.trim_start().starts_with(['{', '[']) {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| bad(format!("not valid JSON: {e}")))?;
        return match value {
            serde_json::Value::Object(map) => map
                .into_iter()
                .map(|(skill, level)| {
                    let level = level.as_u64().filter(|&l| l <= 255).ok_or_else(|| {
                        bad(format!("the level of \"{skill}\" is not a whole number"))
                    })?;
                    Ok(RatingInput {
                        skill_key: skill,
                        level: level as u8,
                        interest: None,
                        note: String::new(),
                    })
                })
                .collect(),
            serde_json::Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let skill = item
                        .get("skill")
                        .or_else(|| item.get("skill_key"))
                        .and_then(|s| s.as_str());
                    let level = item
                        .get("level")
                        .and_then(|l| l.as_u64())
                        .filter(|&l| l <= 255);
                    let (Some(skill), Some(level)) = (skill, level) else {
                        return Err(bad(format!(
                            "item {} needs \"skill\" and a whole-number \"level\"",
                            i + 1
                        )));
                    };
                    Ok(RatingInput {
                        skill_key: skill.to_string(),
                        level: level as u8,
                        interest: item
                            .get("interest")
                            .and_then(|v| v.as_u64())
                            .map(|v| v.min(255) as u8),
                        note: item
                            .get("note")
                            .and_then(|v| v.as_str())
                            .unwrap_or("")
                            .to_string(),
                    })
                })
                .collect(),
            _ => Err(bad("expected an object or an array of ratings".into())),
        };
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| bad(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(c_skill), Some(c_level)) = (col("skill"), col("level")) else {
        return Err(bad(
            "a CSV of ratings needs the columns skill and level".into()
        ));
    };
    let (c_interest, c_note) = (col("interest"), col("note"));
    reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| bad(e.to_string()))?;
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            let field =
                |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim).unwrap_or("");
            let level: u8 = field(Some(c_level)).parse().map_err(|_| {
                bad(format!(
                    "line {line}: level \"{}\" is not a whole number",
                    field(Some(c_level))
                ))
            })?;
            let interest = match field(c_interest) {
                "" => None,
                text => Some(text.parse().map_err(|_| {
                    bad(format!(
                        "line {line}: interest \"{text}\" is not a whole number"
                    ))
                })?),
            };
            Ok(RatingInput {
                skill_key: field(Some(c_skill)).to_string(),
                level,
                interest,
                note: field(c_note).to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(skill: &str, level: u8, interest: Option<u8>, note: &str) -> RatingInput {
        RatingInput {
            skill_key: skill.into(),
            level,
            interest,
            note: note.into(),
        }
    }

    #[test]
    fn json_maps_and_lists_and_csv_give_the_same_ratings() {
        let map = ratings_parse("r.json", r#"{"delegation": 3, "ai-review": 1}"#).unwrap();
        let mut map_sorted = map.clone();
        map_sorted.sort_by(|a, b| a.skill_key.cmp(&b.skill_key));
        assert_eq!(
            map_sorted,
            vec![
                rating("ai-review", 1, None, ""),
                rating("delegation", 3, None, "")
            ]
        );
        let list = ratings_parse(
            "r.json",
            r#"[{"skill": "delegation", "level": 3, "interest": 5, "note": "asks for it"},
                {"skill_key": "ai-review", "level": 1}]"#,
        )
        .unwrap();
        let csv = ratings_parse(
            "r.csv",
            "Skill, Level ,interest,note\ndelegation,3,5, asks for it \nai-review,1,,\n",
        )
        .unwrap();
        let expected = vec![
            rating("delegation", 3, Some(5), "asks for it"),
            rating("ai-review", 1, None, ""),
        ];
        assert_eq!(list, expected);
        assert_eq!(csv, expected);
    }

    #[test]
    fn a_bad_rating_is_named_with_its_file_and_line() {
        let err =
            ratings_parse("r.csv", "skill,level\ndelegation,3\nai-review,high\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.csv: line 3: level \"high\" is not a whole number"
        );
        let err = ratings_parse("r.csv", "name,score\nx,1\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("needs the columns skill and level"),
            "{err}"
        );
        let err = ratings_parse("r.json", r#"[{"skill": "x", "level": -1}]"#).unwrap_err();
        assert!(err.to_string().contains("item 1 needs"), "{err}");
    }
}
