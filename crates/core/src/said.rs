//! What `--json` prints: a report as it is, each finding in it with its
//! words in the reader's language.
//!
//! One serialiser serves every report (`diagnose`, `check`, `explain-log`,
//! `scan`): the report's own fields are serialised by its own derive, and
//! each finding found in it — an object with a finding's code, its severity
//! and its facts, wherever it sits — gains its title, explanation and fix
//! after its severity. A field added to a report shows in `--json` with
//! nothing else to change.

use serde::{Deserialize as _, Serialize};
use serde_json::{Map, Value};

use crate::finding::Finding;
use crate::i18n::Language;

/// `report` as JSON, every finding in it with its words in `language`.
pub fn said(report: &impl Serialize, language: Language) -> Result<Value, serde_json::Error> {
    let mut value = serde_json::to_value(report)?;
    tell(&mut value, language);
    Ok(value)
}

/// Adds the words of every finding in `value`.
fn tell(value: &mut Value, language: Language) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|item| tell(item, language)),
        Value::Object(fields) => match finding(fields) {
            Some(finding) => {
                let words = finding.words(language);
                let entries = [
                    ("title", words.title),
                    ("explanation", words.explanation),
                    ("fix", words.fix),
                ];
                insert_after(
                    fields,
                    "severity",
                    entries.map(|(k, v)| (k, Value::from(v))),
                );
            }
            None => fields.values_mut().for_each(|field| tell(field, language)),
        },
        _ => {}
    }
}

/// The finding `fields` are, when they hold a finding's code, severity and
/// facts.
fn finding(fields: &Map<String, Value>) -> Option<Finding> {
    let parts = ["code", "severity", "facts"].map(|name| {
        fields
            .get(name)
            .map(|value| (name.to_owned(), value.clone()))
    });
    let parts: Map<String, Value> = parts.into_iter().collect::<Option<_>>()?;
    Finding::deserialize(&Value::Object(parts)).ok()
}

/// `entries` placed after the field `key` (at the end when it is absent),
/// the other fields kept in their order.
pub fn insert_after(
    fields: &mut Map<String, Value>,
    key: &str,
    entries: impl IntoIterator<Item = (&'static str, Value)>,
) {
    let mut entries = Some(entries);
    for (name, value) in std::mem::take(fields) {
        let found = name == key;
        fields.insert(name, value);
        if found && let Some(entries) = entries.take() {
            fields.extend(entries.into_iter().map(|(k, v)| (k.to_owned(), v)));
        }
    }
    if let Some(entries) = entries {
        fields.extend(entries.into_iter().map(|(k, v)| (k.to_owned(), v)));
    }
}

/// `entry` placed first, the other fields kept in their order.
pub fn insert_first(fields: &mut Map<String, Value>, entry: (&'static str, Value)) {
    let rest = std::mem::take(fields);
    fields.insert(entry.0.to_owned(), entry.1);
    fields.extend(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Code, Severity};
    use crate::i18n::Facts;

    #[test]
    fn every_finding_gains_its_words_after_its_severity_and_nothing_else_changes() {
        let mut finding = Finding::new(Code::TcpRefused, Severity::Error);
        finding.facts = Facts::new().with("port", 8443u16);
        let report = serde_json::json!({
            "url": "wss://localhost:8443/ws",
            "findings": [finding],
            "nested": { "lines": [{ "count": 2, "code": "tcp-refused", "severity": "error", "facts": {} }] },
            // Not a finding: no severity.
            "close": { "code": "tcp-refused", "facts": {} },
        });
        let said = said(&report, Language::En).expect("JSON");
        let keys = |value: &Value| -> Vec<String> {
            value
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default()
        };
        assert_eq!(keys(&said), ["url", "findings", "nested", "close"]);
        assert_eq!(
            keys(&said["findings"][0]),
            ["code", "severity", "title", "explanation", "fix", "facts"]
        );
        assert!(
            said["findings"][0]["title"]
                .as_str()
                .is_some_and(|t| t.contains("8443"))
        );
        assert_eq!(
            keys(&said["nested"]["lines"][0]),
            [
                "count",
                "code",
                "severity",
                "title",
                "explanation",
                "fix",
                "facts"
            ]
        );
        assert_eq!(keys(&said["close"]), ["code", "facts"]);
    }
}
