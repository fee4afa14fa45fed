//! Organisations: named central organs, the levels of the units of each kind
//! of place (titles_by_org.md §3.7), and the words that name bodies.

use crate::data::Dataset;
use crate::places::longest_prefix;
use crate::schema::{Body, DepartmentOverride, Organ, UnitLevel, UnitOverride};

impl Dataset {
    /// A named organ by name or alias (`国家统计局`, `发改委`).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let o = data.organ("发改委").unwrap();
    /// assert_eq!((&*o.name, o.level.as_deref()), ("国家发展和改革委员会", Some("省部级正职")));
    /// assert_eq!(data.organ("国家统计局").unwrap().level.as_deref(), Some("省部级副职"));
    /// ```
    pub fn organ(&self, name: &str) -> Option<&Organ> {
        let key = crate::normalize::key(name);
        let (len, hits) = longest_prefix(&self.organ_index, &key)?;
        (len == key.len()).then(|| &self.organisations.organs[hits[0].id as usize])
    }

    /// The longest organ name at the start of normalised `text`.
    pub(crate) fn organ_at(&self, text: &str) -> Option<(usize, &Organ)> {
        let (len, hits) = longest_prefix(&self.organ_index, text)?;
        Some((len, &self.organisations.organs[hits[0].id as usize]))
    }

    /// The levels of the units of a context (`地级市`).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let u = data.unit_level("地级市").unwrap();
    /// assert_eq!((&*u.head, u.department.as_deref()), ("厅局级正职", Some("县处级正职")));
    /// ```
    pub fn unit_level(&self, context: &str) -> Option<&UnitLevel> {
        self.organisations
            .unit_levels
            .iter()
            .find(|u| crate::normalize::same(&u.context, context))
    }

    /// A department whose head is below the usual level by name, in one
    /// context (a province's 监狱管理局).
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let d = data.department_override("省", "福建省监狱管理局").unwrap();
    /// assert_eq!(d.head, "厅局级副职");
    /// assert!(data.department_override("省", "福建省财政厅").is_none());
    /// ```
    pub fn department_override(
        &self,
        context: &str,
        department: &str,
    ) -> Option<&DepartmentOverride> {
        self.organisations
            .department_overrides
            .iter()
            .find(|d| d.context == context && d.names.iter().any(|n| department.ends_with(&**n)))
    }

    /// A place whose head has a level of its own (湖北's 省直管市).
    ///
    /// ```
    /// use rankinfo::schema::Confidence;
    /// let data = rankinfo::builtin();
    /// let u = data.unit_override("仙桃市").unwrap();
    /// assert_eq!((&*u.head, u.confidence), ("厅局级副职", Confidence::Unconfirmed));
    /// ```
    pub fn unit_override(&self, place_name: &str) -> Option<&UnitOverride> {
        self.organisations.unit_overrides.iter().find(|u| {
            u.places
                .iter()
                .any(|p| crate::normalize::same(p, place_name))
        })
    }
}

/// Words that name a body, longest first within each body: what follows a
/// place name (`深圳市` + `委`, `南山区` + `人民政府`). Not 青联: a youth
/// federation has no office of its own (central_organs §9: 全国青联不单设机关),
/// its chair is a post held beside the 团委's, of no level by itself.
const BODY_WORDS: &[(&str, Body)] = &[
    ("中级人民法院", Body::Court),
    ("高级人民法院", Body::Court),
    ("人民法院", Body::Court),
    ("中级法院", Body::Court),
    ("高级法院", Body::Court),
    ("基层法院", Body::Court),
    ("法院", Body::Court),
    ("中院", Body::Court),
    ("人民检察院分院", Body::Procuratorate),
    ("检察分院", Body::Procuratorate),
    ("人民检察院", Body::Procuratorate),
    ("检察院", Body::Procuratorate),
    ("人大常委会", Body::Congress),
    ("人民代表大会常务委员会", Body::Congress),
    ("人大", Body::Congress),
    // 江苏省政协第十一届委员会副主席, its ordinal taken out.
    ("政协委员会", Body::Cppcc),
    ("政协", Body::Cppcc),
    ("纪委监委", Body::Discipline),
    ("纪工委", Body::Discipline),
    ("纪委", Body::Discipline),
    ("监委", Body::Discipline),
    // 辽宁省监察委员会主任: the 监委, one office with the 纪委, not a
    // government commission (省发展改革委).
    ("监察委员会", Body::Discipline),
    ("行政公署", Body::Government),
    ("行署", Body::Government),
    ("人民政府", Body::Government),
    ("政府", Body::Government),
    ("总工会", Body::MassOrg),
    ("工会", Body::MassOrg),
    ("妇女联合会", Body::MassOrg),
    ("妇联", Body::MassOrg),
    ("科学技术协会", Body::MassOrg),
    ("科协", Body::MassOrg),
    ("侨联", Body::MassOrg),
    ("文联", Body::MassOrg),
    ("残联", Body::MassOrg),
    ("工商联", Body::MassOrg),
    ("团委", Body::MassOrg),
    ("党工委", Body::Party),
    ("党委", Body::Party),
    ("委", Body::Party),
];

/// National bodies whose leaders' posts are listed as 中央 (全国人大常委会秘书长,
/// 最高人民法院副院长): only when nothing follows the name.
pub(crate) const NATIONAL_BODIES: &[(&str, Body)] = &[
    ("全国人民代表大会常务委员会", Body::Congress),
    ("全国人大常委会", Body::Congress),
    ("全国政协", Body::Cppcc),
    ("最高人民法院", Body::Court),
    ("最高人民检察院", Body::Procuratorate),
];

/// Party committees named without a place: 县委 says the place is a county.
pub(crate) const BARE_COMMITTEES: &[(&str, &str)] = &[
    ("省委", "省"),
    ("县委", "县"),
    ("县政府", "县"),
    ("县人民政府", "县"),
    ("旗委", "县"),
    ("州委", "地级市"),
    ("地委", "地级市"),
    ("盟委", "地级市"),
    ("乡党委", "乡镇"),
    ("镇党委", "乡镇"),
    ("街道党工委", "乡镇"),
];

/// The body named at the start of `text`, and its length in bytes.
pub(crate) fn body_at(text: &str) -> Option<(Body, usize)> {
    // Most text after a place names a department: rule it out by its first
    // character before comparing the words.
    if !matches!(
        text.chars().next()?,
        '中' | '高'
            | '人'
            | '法'
            | '基'
            | '检'
            | '纪'
            | '监'
            | '行'
            | '政'
            | '党'
            | '委'
            | '总'
            | '工'
            | '妇'
            | '科'
            | '侨'
            | '文'
            | '残'
            | '青'
            | '团'
    ) {
        return None;
    }
    BODY_WORDS
        .iter()
        .find(|(w, _)| text.starts_with(w))
        .map(|&(w, b)| (b, w.len()))
}

/// Endings of the names of working departments and internal units.
const UNIT_ENDINGS: &[&str] = &[
    "委员会",
    "办公室",
    "办公厅",
    "管理局",
    "事务局",
    "总局",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "署",
    "司",
    "室",
    "庭",
    "处",
    "科",
    "股",
];

/// Split a run of unit names (`公安厅刑侦局`) into the names, each ending in a
/// unit word. Text that ends in none comes last as it is.
pub(crate) fn split_units(text: &str) -> Units<'_> {
    Units { text, start: 0 }
}

/// The names of [`split_units`].
#[derive(Clone)]
pub(crate) struct Units<'t> {
    text: &'t str,
    start: usize,
}

impl<'t> Iterator for Units<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let (text, start) = (self.text, self.start);
        if start >= text.len() {
            return None;
        }
        for (offset, c) in text[start..].char_indices() {
            // Every ending starts with one of these: test the endings only there.
            if !matches!(
                c,
                '委' | '办'
                    | '管'
                    | '事'
                    | '总'
                    | '局'
                    | '厅'
                    | '部'
                    | '署'
                    | '司'
                    | '室'
                    | '庭'
                    | '处'
                    | '科'
                    | '股'
            ) {
                continue;
            }
            let i = start + offset;
            // 科技, 科学, 科研 are words inside a name (经济科技司, 省科学技术厅),
            // not a 科 ending one.
            if c == '科' && text[i + c.len_utf8()..].starts_with(['技', '学', '研']) {
                continue;
            }
            // 司法 is a word inside a name (监察和司法委员会), not a 司 ending one.
            if c == '司' && text[i + c.len_utf8()..].starts_with('法') {
                continue;
            }
            let Some(w) = UNIT_ENDINGS.iter().find(|w| text[i..].starts_with(*w)) else {
                continue;
            };
            // A name has two characters before a one-character ending
            // (公安部, 预算司; not 干部, 一局) or is a longer word of its own (办公室);
            // a commission's short name has one (经委, 计委, 科委), unless it is
            // a place's or the Party's committee (市委, 党委).
            let before = &text[start..i];
            let short_commission = c == '委'
                && before.chars().count() == 1
                && !before.starts_with([
                    '省', '市', '县', '区', '州', '旗', '盟', '地', '乡', '镇', '党', '团',
                ]);
            if w.len() > c.len_utf8() || before.chars().nth(1).is_some() || short_commission {
                self.start = i + w.len();
                return Some(&text[start..self.start]);
            }
        }
        self.start = text.len();
        Some(&text[start..])
    }
}

/// Whether a name ends as a working department or internal unit does. A
/// place's committee (东胜市委) is not a department, whatever its ending.
pub(crate) fn is_unit_name(name: &str) -> bool {
    // Decided by the last character: every ending of UNIT_ENDINGS ends in
    // one of these, and only 委员会 needs more (tested against the list).
    // Reading it once, not a comparison per ending, was a tenth of a read.
    let ends_as_unit = match name.chars().next_back() {
        Some('局' | '厅' | '办' | '署' | '室' | '庭' | '处' | '科' | '股') => true,
        Some('会') => name.ends_with("委员会"),
        // A place's committee (东胜市委) is not a department.
        Some('委') => !matches!(
            name[..name.len() - '委'.len_utf8()].chars().next_back(),
            Some('市' | '县' | '区' | '州' | '旗' | '地' | '盟' | '省')
        ),
        // A 公司 ends in 司 but is not a 司; a 党支部 ends in 部 but is a
        // Party branch, no department (丽江县委农工部副部长、党支部书记).
        Some('司') => !name.ends_with("公司"),
        Some('部') => !name.ends_with("支部"),
        _ => false,
    };
    ends_as_unit && !names_no_department(name)
}

/// Units whose names end as a department's but that are none, and whose
/// level the reference does not give: a 党校 and its offices (江苏省委党校
/// 办公室), the Young Pioneers' work committee of a Youth League (省少工委,
/// which is no 省政府委员会), the committee for the next generation's care
/// (河南省关工委, of retired cadres), a supply and marketing co-operative and
/// its offices (临朐县供销社办公室, 供销合作社人事教育处).
const NOT_DEPARTMENTS: &[&str] = &[
    "党校",
    "少工委",
    "关工委",
    "供销社",
    "供销合作社",
    "供销合作总社",
];

/// Whether `name` holds one of [`NOT_DEPARTMENTS`]: looked for only where
/// one can start (a test checks their first characters).
fn names_no_department(name: &str) -> bool {
    name.char_indices()
        .filter(|&(i, c)| match c {
            '党' | '少' | '供' => true,
            // Not the 关工委 inside 机关工委 (省直机关工委: a 工委 of the organs).
            '关' => !name[..i].ends_with('机'),
            _ => false,
        })
        .any(|(i, _)| NOT_DEPARTMENTS.iter().any(|w| name[i..].starts_with(w)))
}

/// A township or street named at the start of `text` (`虎门镇`, `西湖街道`),
/// when what follows is only a body word, one of its offices (库木巴什乡企业办:
/// no county department) or nothing: `城乡建设局` is not one.
pub(crate) fn township_at(text: &str) -> Option<usize> {
    const ENDINGS: &[&str] = &[
        "街道办事处",
        "街道办",
        "街道",
        "人民公社",
        "公社",
        "镇",
        "乡",
        "苏木",
    ];
    for (i, c) in text.char_indices().take(9).skip(1) {
        if !matches!(c, '街' | '镇' | '乡' | '苏' | '人' | '公') {
            continue;
        }
        let rest = &text[i..];
        if let Some(w) = ENDINGS.iter().find(|w| rest.starts_with(*w)) {
            let end = i + w.len();
            let after = &text[end..];
            if after.is_empty()
                || body_at(after).is_some()
                || after.starts_with("办事处")
                || township_office(&text[..i], after)
            {
                return Some(end);
            }
        }
    }
    None
}

/// Whether `after` is an office of the township named `stem` + 乡/镇/街道
/// rather than the rest of a county department's name: the stem is a name
/// of two characters or more, not the end of a compound word (城乡建设局,
/// 规划和城乡建设局, 农村乡镇企业局, 扶贫开发和乡村振兴局).
fn township_office(stem: &str, after: &str) -> bool {
    stem.chars().nth(1).is_some()
        && !stem.ends_with(['城', '村', '乡', '集', '和', '与', '及', '、'])
        && !after.starts_with(['镇', '乡', '村'])
        // 劲松街道工委: the street's Party working committee, its body.
        && !after.starts_with("工委")
        && split_units(after).next().is_some_and(is_unit_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading of [`is_unit_name`] by its lists, one comparison each.
    fn is_unit_name_by_lists(name: &str) -> bool {
        const COMMITTEES: &[&str] = &[
            "市委", "县委", "区委", "州委", "旗委", "地委", "盟委", "省委",
        ];
        UNIT_ENDINGS.iter().any(|w| name.ends_with(w))
            && !COMMITTEES.iter().any(|c| name.ends_with(c))
            && !name.ends_with("公司")
            && !name.ends_with("支部")
            && !NOT_DEPARTMENTS
                .iter()
                .any(|w| name.replace("机关工委", "").contains(w))
    }

    #[test]
    fn is_unit_name_is_its_lists() {
        let mut names: Vec<String> = Vec::new();
        for ending in UNIT_ENDINGS.iter().chain(NOT_DEPARTMENTS) {
            for before in [
                "",
                "公安",
                "市",
                "县",
                "东胜市",
                "党",
                "公",
                "支",
                "员",
                "供销",
                "委员",
                "省直机",
            ] {
                names.push(format!("{before}{ending}"));
                names.push(format!("{ending}{before}"));
                names.push(format!("{before}{ending}办公室"));
            }
        }
        let data = include_str!("../tests/data/realworld_extra.tsv");
        for line in data.lines() {
            let text = line.split('\t').next().unwrap_or_default();
            for (i, _) in text.char_indices() {
                names.extend(split_units(&text[i..]).map(str::to_string));
            }
        }
        for w in NOT_DEPARTMENTS {
            assert!(w.starts_with(['党', '少', '关', '供']), "{w}");
        }
        let mut both = [0; 2];
        for name in &names {
            let want = is_unit_name_by_lists(name);
            assert_eq!(is_unit_name(name), want, "{name}");
            both[usize::from(want)] += 1;
        }
        assert!(both[0] > 1000 && both[1] > 1000, "{both:?}");
    }

    #[test]
    fn body_words_start_with_the_characters_body_at_checks() {
        for (word, body) in super::BODY_WORDS {
            assert_eq!(super::body_at(word), Some((*body, word.len())), "{word}");
        }
    }
}
