//! Facts: the typed values a sentence is made from.
//!
//! A finding or an error carries its facts, never its words: the port, the
//! status line, the bytes seen, the days left. The catalogue turns them into
//! a sentence in the user's language, and `--json` shows them as they are,
//! so scripts never parse prose.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One fact: a whole number, a decimal, a text, or a list of texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Fact {
    /// A count, a port, a status code, a number of days.
    Whole(u32),
    /// A measurement (seconds, milliseconds), rounded for reading.
    Decimal(f64),
    /// A name, a quote of what a server sent, a selector's keyword.
    Text(String),
    /// Several names (a certificate's hosts, the addresses tried).
    List(Vec<String>),
}

/// Facts by name, in name order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct Facts(BTreeMap<String, Fact>);

impl Facts {
    /// No facts.
    pub fn new() -> Facts {
        Facts::default()
    }

    /// Adds (or replaces) the fact `name`.
    pub fn with(mut self, name: &str, value: impl Into<Fact>) -> Facts {
        self.set(name, value);
        self
    }

    /// Sets the fact `name`.
    pub fn set(&mut self, name: &str, value: impl Into<Fact>) {
        self.0.insert(name.to_owned(), value.into());
    }

    /// The fact `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.0.get(name)
    }

    /// The text fact `name`, if present.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.0.get(name)? {
            Fact::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The whole-number fact `name`, if present.
    pub fn whole(&self, name: &str) -> Option<u32> {
        match self.0.get(name)? {
            Fact::Whole(value) => Some(*value),
            _ => None,
        }
    }

    /// Every fact, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Fact)> {
        self.0.iter().map(|(name, fact)| (name.as_str(), fact))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Fact {
    /// A decimal rounded to one place, as reports show seconds and
    /// milliseconds (the catalogue prints it as it is, in every language).
    pub fn tenths(value: f64) -> Fact {
        Fact::Decimal((value * 10.0).round() / 10.0)
    }
}

impl From<u32> for Fact {
    fn from(value: u32) -> Fact {
        Fact::Whole(value)
    }
}

impl From<u16> for Fact {
    fn from(value: u16) -> Fact {
        Fact::Whole(u32::from(value))
    }
}

impl From<usize> for Fact {
    fn from(value: usize) -> Fact {
        Fact::Whole(u32::try_from(value).unwrap_or(u32::MAX))
    }
}

impl From<u64> for Fact {
    fn from(value: u64) -> Fact {
        Fact::Whole(u32::try_from(value).unwrap_or(u32::MAX))
    }
}

impl From<f64> for Fact {
    fn from(value: f64) -> Fact {
        Fact::Decimal(value)
    }
}

impl From<&str> for Fact {
    fn from(value: &str) -> Fact {
        Fact::Text(value.to_owned())
    }
}

impl From<String> for Fact {
    fn from(value: String) -> Fact {
        Fact::Text(value)
    }
}

impl From<&String> for Fact {
    fn from(value: &String) -> Fact {
        Fact::Text(value.clone())
    }
}

impl From<Vec<String>> for Fact {
    fn from(value: Vec<String>) -> Fact {
        Fact::List(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_round_trip_through_json_with_their_types() {
        let facts = Facts::new()
            .with("port", 8443u16)
            .with("waited_s", Fact::tenths(1.26))
            .with("host", "localhost")
            .with("names", vec!["a".to_owned(), "b".to_owned()]);
        let json = serde_json::to_string(&facts).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"host":"localhost","names":["a","b"],"port":8443,"waited_s":1.3}"#
        );
        let back: Facts = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, facts);
    }
}
