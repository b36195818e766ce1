//! What the client asks for at initialisation: the language of messages (`initializationOptions.locale`,
//! else the client's `locale`, else the process's), pinyin-initial matching of categories, and where a
//! code's page is (`initializationOptions.diagnosticPages`: a base URL such as an intranet mirror; by
//! default the pages embedded in bdl, written once to a cache folder).

use super::pages;
use crate::codes::Code;
use crate::messages::Lang;
use lsp_types as lsp;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Options {
    locale: Option<String>,
    pinyin_initials: bool,
    diagnostic_pages: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub pinyin_initials: bool,
    /// The URL a code's page name is appended to (`…/B3010.md`); `None` when there is nowhere.
    pub pages_base: Option<String>,
}

impl Settings {
    pub fn from_initialize(params: &lsp::InitializeParams) -> Settings {
        let options: Options = params
            .initialization_options
            .clone()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let lang = match options.locale.as_deref().or(params.locale.as_deref()) {
            Some(locale) => Lang::from_locale(Some(locale), None, None),
            None => Lang::from_env(),
        };
        let pages_base = match options.diagnostic_pages {
            Some(base) if base.ends_with('/') => Some(base),
            Some(base) => Some(format!("{base}/")),
            None => pages::cached_pages(),
        };
        Settings {
            lang,
            pinyin_initials: options.pinyin_initials,
            pages_base,
        }
    }

    /// The page of a code, for a diagnostic's `codeDescription`.
    pub fn page(&self, code: Code) -> Option<lsp::Uri> {
        let base = self.pages_base.as_ref()?;
        format!("{base}{}.md", code.as_str()).parse().ok()
    }
}
