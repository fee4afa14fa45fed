//! A [`Resolution`] as one tab-separated line for shell pipelines
//! (`rankinfo resolve --format tsv`): input, level, certainty, title (or
//! 职级), organisation chain. Tabs and line ends inside a value become
//! spaces, so that every answer is exactly one line of five fields.

use super::Resolution;
use super::json::certainty_code;

impl Resolution<'_> {
    /// Append this answer's TSV line, line end included, to `out`.
    pub fn write_tsv(&self, out: &mut Vec<u8>) {
        field(out, &self.input);
        out.push(b'\t');
        field(out, self.level.map_or("", |l| &l.name));
        out.push(b'\t');
        out.extend_from_slice(certainty_code(self.confidence).as_bytes());
        out.push(b'\t');
        field(out, self.title.or(self.rank).unwrap_or(""));
        out.push(b'\t');
        for (i, u) in self.organisation.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(" › ".as_bytes());
            }
            field(out, &u.name);
        }
        out.push(b'\n');
    }
}

/// `s` with tabs and line ends as spaces.
fn field(out: &mut Vec<u8>, s: &str) {
    let start = out.len();
    out.extend_from_slice(s.as_bytes());
    for b in &mut out[start..] {
        if matches!(*b, b'\t' | b'\n' | b'\r') {
            *b = b' ';
        }
    }
}
