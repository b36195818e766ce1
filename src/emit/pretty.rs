//! A small JSON writer that prints exactly what `serde_json::to_string_pretty` prints (two-space
//! indent, `": "` after keys, strings escaped the same way) straight into a `String`, without building
//! a `serde_json::Value` first. It can also start inside an open document (`resume`), so a long
//! document can be written piece by piece (the folder roll-up, one department at a time).

use std::fmt::Write as _;

pub struct Pretty {
    out: String,
    depth: usize,
    /// Nothing written yet inside the innermost open object or array.
    first: bool,
}

impl Default for Pretty {
    fn default() -> Self {
        Pretty::new()
    }
}

impl Pretty {
    pub fn new() -> Pretty {
        Pretty::resume(0, true)
    }

    /// A writer continuing a document `depth` containers deep; `first` when that innermost container
    /// holds nothing yet.
    pub fn resume(depth: usize, first: bool) -> Pretty {
        Pretty {
            out: String::new(),
            depth,
            first,
        }
    }

    /// What was written so far (and the writer empty again, in the same place of the document).
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, c: char) -> &mut Self {
        self.out.push(c);
        self.depth += 1;
        self.first = true;
        self
    }

    fn close(&mut self, c: char) -> &mut Self {
        self.depth = self.depth.saturating_sub(1);
        if !self.first {
            self.newline();
        }
        self.out.push(c);
        self.first = false;
        self
    }

    pub fn begin_object(&mut self) -> &mut Self {
        self.open('{')
    }

    pub fn end_object(&mut self) -> &mut Self {
        self.close('}')
    }

    pub fn begin_array(&mut self) -> &mut Self {
        self.open('[')
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.close(']')
    }

    /// Before each element of an array.
    pub fn element(&mut self) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.newline();
        self.first = false;
        self
    }

    /// An object's key; its value follows.
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.element();
        self.escaped(k);
        self.out.push_str(": ");
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.out.push_str("null");
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.out.push_str(if b { "true" } else { "false" });
        self
    }

    pub fn number(&mut self, n: impl std::fmt::Display) -> &mut Self {
        let _ = write!(self.out, "{n}");
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.escaped(s);
        self
    }

    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// An array of strings.
    pub fn strs<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) -> &mut Self {
        self.begin_array();
        for s in items {
            self.element().str(s);
        }
        self.end_array()
    }

    /// A string the way serde_json escapes it: `"`, `\` and control characters only.
    fn escaped(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let esc: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0x00..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(s.get(start..i).unwrap_or_default());
            if esc.is_empty() {
                let _ = write!(self.out, "\\u{b:04x}");
            } else {
                self.out.push_str(esc);
            }
            start = i + 1;
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u32..0x80).filter_map(char::from_u32).collect();
        all.push_str("金额“引号”\u{2028}\u{7f}é😀");
        let mut p = Pretty::new();
        p.str(&all);
        assert_eq!(p.finish(), serde_json::to_string(&all).expect("serialises"));
    }

    #[test]
    fn layout_is_serde_json_pretty() {
        let want = json!({
            "a": 1,
            "empty_list": [],
            "empty_map": {},
            "list": ["x", null, true, { "k": [ { } ] }],
            "last": "y",
        });
        let mut p = Pretty::new();
        p.begin_object();
        p.key("a").number(1);
        p.key("empty_list").begin_array().end_array();
        p.key("empty_map").begin_object().end_object();
        p.key("list").begin_array();
        p.element().str("x");
        p.element().null();
        p.element().bool(true);
        p.element().begin_object();
        p.key("k")
            .begin_array()
            .element()
            .begin_object()
            .end_object();
        p.end_array();
        p.end_object();
        p.end_array();
        p.key("last").str("y");
        p.end_object();
        assert_eq!(
            p.finish(),
            serde_json::to_string_pretty(&want).expect("serialises")
        );
    }

    #[test]
    fn a_document_can_be_written_in_pieces() {
        let mut p = Pretty::new();
        p.begin_object().key("list").begin_array();
        let mut s = p.take();
        for (i, x) in ["a", "b"].iter().enumerate() {
            let mut q = Pretty::resume(2, i == 0);
            q.element().begin_object().key("x").str(x).end_object();
            s.push_str(&q.finish());
        }
        let mut q = Pretty::resume(2, false);
        q.end_array().end_object();
        s.push_str(&q.finish());
        let want = json!({ "list": [ { "x": "a" }, { "x": "b" } ] });
        assert_eq!(s, serde_json::to_string_pretty(&want).expect("serialises"));
    }
}
