//! Input normalisation, shared by `build.rs` (index keys) and lookups.
//!
//! Real input comes from CRM exports and name cards: full-width letters and
//! digits, ideographic spaces, stray separators. Keys and queries go through
//! the same function so that they meet.

/// Normalise a name for lookup: full-width ASCII to half-width, ASCII
/// lower-cased, and white space and joining marks (`·`, `-`, `_`) removed.
pub fn key(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        let c = half_width(c);
        if c.is_whitespace() || matches!(c, '·' | '•' | '-' | '_' | '‧') {
            continue;
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Map a full-width ASCII form (U+FF01–U+FF5E) and the ideographic space to
/// their half-width equivalents.
pub fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}
