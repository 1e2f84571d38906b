//! The two languages every user-facing text is rendered in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language for rendered messages and labels: Indonesian (the language of the law and of
/// the regional governments using this crate) or English.
///
/// Stored records never hold rendered text; they hold facts, and a [`Lang`] is chosen when a
/// message is read ([`crate::lifecycle::Violation::message`]).
///
/// ```
/// use kerjasama::law::Lang;
/// assert_eq!("id".parse::<Lang>(), Ok(Lang::Id));
/// assert_eq!(Lang::En.to_string(), "en");
/// assert!("fr".parse::<Lang>().is_err());
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lang {
    /// Bahasa Indonesia (default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Indonesian first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// Picks the text of this language from an (Indonesian, English) pair.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.pick("id", "en"))
    }
}

/// A text that names no supported language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a supported language: use `id` or `en` (bahasa tidak dikenal)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "id" => Ok(Lang::Id),
            "en" => Ok(Lang::En),
            other => Err(UnknownLang(other.to_owned())),
        }
    }
}
