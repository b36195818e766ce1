//! Every text bdl shows a person, in English and in Chinese, from one catalogue (`catalogue.rs`).
//!
//! The compiler builds each text in both languages at once ([`Text`]); only the edge that prints
//! (`report`, the command line) chooses one with a [`Lang`]. Codes, keywords, figures and JSON field
//! names are the same in both languages.

mod cli;
mod editor;
mod files;
mod help;
mod import;
mod serve;
pub mod shared;

pub use cli::*;
pub use editor::*;
pub use files::*;
pub use help::*;
pub use import::*;
pub use serve::*;
pub use shared::*;

/// The language of the texts shown to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The language of the process's locale: the first set and non-empty of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` (POSIX order); a value starting with `zh` is Chinese, anything else English.
    pub fn from_env() -> Lang {
        let var = |k: &str| std::env::var(k).ok();
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// [`Lang::from_env`] on given values, for tests.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let locale = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|v| !v.is_empty())
            .unwrap_or("");
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// One text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_the_language_in_posix_order() {
        assert_eq!(Lang::from_locale(None, None, Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(None, None, Some("zh_TW")), Lang::Zh);
        assert_eq!(Lang::from_locale(None, None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
        // LC_ALL wins, then LC_MESSAGES; empty values count as unset.
        assert_eq!(
            Lang::from_locale(Some("C"), None, Some("zh_CN.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(Some(""), None, Some("zh_CN.UTF-8")),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale(None, Some("zh_CN"), Some("en_US")),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale(Some("zh_HK"), Some("C"), Some("C")),
            Lang::Zh
        );
    }
}
