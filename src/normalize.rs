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
        if !dropped(c) {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn dropped(c: char) -> bool {
    c.is_whitespace() || matches!(c, '·' | '•' | '-' | '_' | '‧')
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

/// Suffixes of division names, longest first.
#[cfg_attr(not(feature = "runtime-data"), allow(dead_code))] // used by the data checks
const PLACE_SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
];

/// Whether a name of [`PEOPLES`] starts with `c`: a bit test over the
/// CJK block, the bits set at compile time (every name is CJK, tested).
pub(crate) fn starts_a_people(c: char) -> bool {
    static FIRST: [u64; 328] = {
        let mut bits = [0u64; 328];
        let mut i = 0;
        while i < PEOPLES.len() {
            let b = PEOPLES[i].as_bytes();
            // The first character: three UTF-8 bytes.
            let c =
                ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F);
            let o = (c - 0x4E00) as usize;
            bits[o / 64] |= 1 << (o % 64);
            i += 1;
        }
        bits
    };
    let o = (c as u32).wrapping_sub(0x4E00) as usize;
    FIRST.get(o / 64).is_some_and(|w| w >> (o % 64) & 1 == 1)
}

/// Peoples named in autonomous divisions' names (延边朝鲜族自治州 → 延边).
pub(crate) const PEOPLES: &[&str] = &[
    "维吾尔",
    "哈萨克",
    "柯尔克孜",
    "蒙古族",
    "蒙古",
    "土家族",
    "朝鲜族",
    "布依族",
    "景颇族",
    "傈僳族",
    "哈尼族",
    "仫佬族",
    "毛南族",
    "仡佬族",
    "纳西族",
    "拉祜族",
    "普米族",
    "独龙族",
    "撒拉族",
    "保安族",
    "东乡族",
    "裕固族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "锡伯族",
    "塔吉克",
    "壮族",
    "回族",
    "藏族",
    "苗族",
    "彝族",
    "侗族",
    "黎族",
    "傣族",
    "白族",
    "羌族",
    "满族",
    "畲族",
    "瑶族",
    "水族",
    "佤族",
    "怒族",
    "土族",
    "各族",
];

/// The names a division also goes by without its suffix (深圳市 → 深圳,
/// 延边朝鲜族自治州 → 延边, 延边州). Stems shorter than two characters are
/// not names (城区 → 城).
#[cfg_attr(not(feature = "runtime-data"), allow(dead_code))]
pub fn place_short_names(name: &str) -> Vec<String> {
    let Some(suffix) = PLACE_SUFFIXES.iter().find(|s| name.ends_with(*s)) else {
        return Vec::new();
    };
    let mut stem = &name[..name.len() - suffix.len()];
    if suffix.starts_with('自') {
        // 内蒙古 keeps its 蒙古: a stem of one character is not a name.
        while let Some(p) = PEOPLES
            .iter()
            .find(|p| stem.ends_with(*p) && stem.chars().count() >= p.chars().count() + 2)
        {
            stem = &stem[..stem.len() - p.len()];
        }
    }
    let mut out = Vec::new();
    if stem.chars().count() >= 2 {
        out.push(stem.to_string());
        if *suffix == "自治州" {
            out.push(format!("{stem}州"));
        }
    }
    out
}

/// String equality for the short names of the data, on the hot path of
/// resolution. Chinese names of one length share most bytes (级正职 / 级副职),
/// so the first and last four bytes are compared inline before any call to
/// `memcmp`.
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if let (Some(ha), Some(hb), Some(ta), Some(tb)) = (
        a.first_chunk::<4>(),
        b.first_chunk::<4>(),
        a.last_chunk::<4>(),
        b.last_chunk::<4>(),
    ) {
        if ha != hb || ta != tb {
            return false;
        }
    }
    a == b
}

#[cfg(test)]
mod tests {
    use super::{PEOPLES, starts_a_people};

    #[test]
    fn the_bits_are_the_first_characters_of_the_peoples() {
        let cjk = '\u{4E00}'..='\u{9FFF}';
        assert!(PEOPLES.iter().all(|p| p.chars().all(|c| cjk.contains(&c))));
        let firsts: Vec<char> = PEOPLES.iter().filter_map(|p| p.chars().next()).collect();
        for c in cjk.clone().chain(['a', '\u{3400}', '\u{20000}']) {
            assert_eq!(starts_a_people(c), firsts.contains(&c), "{c}");
        }
    }
}
