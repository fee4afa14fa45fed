//! Outside the civil service: hospitals, schools, companies, villages, the
//! army. Their posts carry no civil-service level (titles_by_org.md §4); a
//! title such as 院长 or 书记 there must not borrow a government's rule.

use serde::Serialize;

/// Where a post is, as far as the civil service goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sector {
    /// A Party or state organ: a civil-service post.
    CivilService,
    /// A 事业单位: hospital, school, research institute, media.
    PublicInstitution,
    /// A state-owned or private company.
    Enterprise,
    /// A village or neighbourhood committee.
    Village,
    /// The army or armed police.
    Military,
    /// Not a post: study, 知青, a delegate's seat.
    NotAPost,
}

impl Sector {
    /// The plain sentence an answer gives.
    pub fn why(self) -> &'static str {
        match self {
            Sector::CivilService => "党政机关职务",
            Sector::PublicInstitution => {
                "事业单位（医院、学校、科研院所等）的职务，任职者不是公务员，没有公务员职务层次；部分单位参照主管部门定规格，属惯例，各地不一"
            }
            Sector::Enterprise => {
                "企业职务，没有公务员职务层次；国有企业领导人员有时比照行政级别，属惯例，不是法定层次"
            }
            Sector::Village => "村（社区）是基层群众性自治组织，村干部不是公务员，没有职务层次",
            Sector::Military => "军队职务按军衔和军队职级，不属于公务员职务层次",
            Sector::NotAPost => "不是职务（学习、知青、代表资格等），没有职务层次",
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Sector::CivilService => "党政机关",
            Sector::PublicInstitution => "事业单位",
            Sector::Enterprise => "企业",
            Sector::Village => "村（社区）",
            Sector::Military => "军队",
            Sector::NotAPost => "非职务",
        }
    }
}

/// Words that place a post outside the civil service, by sector, sorted (by
/// bytes) so that the markers starting with one character are found by a
/// binary search. Checked on the whole post; a named organ in the data that
/// is itself such a unit (中管高校, 中国科学院) overrides them, a ministry
/// over one (交通部 › 公路科学研究所) does not.
const MARKERS: &[(&str, Sector)] = &[
    ("上将", Sector::Military),
    ("中学", Sector::PublicInstitution),
    ("中将", Sector::Military),
    ("人大代表", Sector::NotAPost),
    // 内蒙古超高压供电局, 呼和浩特供电局: the grid's supply bureaus are the
    // power company's (State Grid's, 内蒙古电力's), not a government's.
    ("供电局", Sector::Enterprise),
    ("党代表", Sector::NotAPost),
    ("公司", Sector::Enterprise),
    // 金华军分区党委第一书记: a military district's Party committee, held by
    // the city's secretary, is the army's, not a civil-service post.
    ("军分区", Sector::Military),
    ("军区", Sector::Military),
    ("军长", Sector::Military),
    ("出版社", Sector::PublicInstitution),
    ("医师", Sector::PublicInstitution),
    ("医院", Sector::PublicInstitution),
    ("卫戍区", Sector::Military),
    ("卫生院", Sector::PublicInstitution),
    // A factory (电缆厂财务科, 汽车制造总厂财务处): no organ of the state is
    // a 厂 (see NOT_MARKERS).
    ("厂", Sector::Enterprise),
    ("厂长", Sector::Enterprise),
    ("司令员", Sector::Military),
    ("大学", Sector::PublicInstitution),
    ("大队", Sector::Village),
    ("学习", Sector::NotAPost),
    ("学校", Sector::PublicInstitution),
    ("学生", Sector::NotAPost),
    ("学院", Sector::PublicInstitution),
    ("小学", Sector::PublicInstitution),
    ("少将", Sector::Military),
    ("居委会", Sector::Village),
    ("工厂", Sector::Enterprise),
    ("师长", Sector::Military),
    ("总经理", Sector::Enterprise),
    ("战士", Sector::Military),
    ("报社", Sector::PublicInstitution),
    ("排长", Sector::Military),
    ("插队", Sector::NotAPost),
    ("教师", Sector::PublicInstitution),
    ("有限公司", Sector::Enterprise),
    ("有限责任公司", Sector::Enterprise),
    ("杂志社", Sector::PublicInstitution),
    ("村主任", Sector::Village),
    ("村党支部", Sector::Village),
    ("村委会", Sector::Village),
    ("村支书", Sector::Village),
    ("村支部", Sector::Village),
    ("村民委员会", Sector::Village),
    ("武警", Sector::Military),
    ("生产队", Sector::Village),
    ("电业局", Sector::Enterprise),
    ("电视台", Sector::PublicInstitution),
    ("知青", Sector::NotAPost),
    // 开滦矿务局, 盘江矿务局: the state's coal-mining enterprises (later
    // 集团公司), not government bureaus.
    ("矿务局", Sector::Enterprise),
    ("矿长", Sector::Enterprise),
    // 经济研究中心: a research centre is a 事业单位, as 研究所 and 研究院
    // are (a named organ, 国务院发展研究中心, overrides).
    ("研究中心", Sector::PublicInstitution),
    ("研究所", Sector::PublicInstitution),
    ("研究院", Sector::PublicInstitution),
    // 省科学院, 水科院, 林科院: academies are 事业单位, as 研究院 are (a named
    // organ, 中国科学院, overrides).
    ("科学院", Sector::PublicInstitution),
    ("科院", Sector::PublicInstitution),
    ("经理", Sector::Enterprise),
    ("股份", Sector::Enterprise),
    ("营长", Sector::Military),
    ("董事长", Sector::Enterprise),
    ("警备区", Sector::Military),
    ("设计院", Sector::PublicInstitution),
    ("连长", Sector::Military),
    ("部队", Sector::Military),
    // 济南铁路局: the railway's regional bureaus are enterprises (China
    // Railway's 集团公司 now), not the city's department.
    ("铁路局", Sector::Enterprise),
    ("集团", Sector::Enterprise),
];

/// Words that hold a marker but name no such unit: read past whole.
const NOT_MARKERS: &[&str] = &[
    // 大厂回族自治县: a county, not a factory.
    "大厂",
    // A youth league's school department, not a school, and an organ's
    // divisions for universities and schools (共青团中央学校部大学处).
    "学校部",
    "大学处",
    "中学处",
    "中学中专处",
];

/// The sector a post's text names, if any: at each character that starts a
/// marker, and with the next one starts a word of either list, only the
/// markers that start with it are compared.
pub(super) fn of(text: &str) -> Option<Sector> {
    let b = text.as_bytes();
    let mut i = 0;
    // Every marker starts with a CJK character (three UTF-8 bytes, led by
    // 0xE4..=0xE9): other bytes, continuation bytes included, are stepped
    // over one at a time, so `i` is on a character boundary at each test.
    while let Some(&[lead, b1, b2]) = b.get(i..i + 3) {
        if !(0xE4..=0xE9).contains(&lead) {
            i += 1;
            continue;
        }
        let c = three_byte_char(lead, b1, b2);
        // Every word read past starts as a marker does (tested), so both
        // lists are only compared where the bit tests let them: most
        // characters that start a marker (部, 科, 公) start none with the
        // character after them (部长, 科长, 公安), and comparing the lists
        // there was a quarter of this scan.
        let next = || match b.get(i + 3..i + 6) {
            Some(&[l, n1, n2]) => three_byte_char(l, n1, n2),
            _ => 0,
        };
        if starts_a_marker(c) && (pair_may_start(c, next()) || ALONE.contains(&c)) {
            let rest = &b[i..];
            if let Some(w) = NOT_MARKERS.iter().find(|w| rest.starts_with(w.as_bytes())) {
                i += w.len();
                continue;
            }
            let first = &rest[..3];
            let lo = MARKERS.partition_point(|(w, _)| &w.as_bytes()[..3] < first);
            let hit = MARKERS[lo..]
                .iter()
                .take_while(|(w, _)| w.as_bytes().starts_with(first))
                .find(|(w, _)| rest.starts_with(w.as_bytes()));
            if let Some(&(_, sector)) = hit {
                return Some(sector);
            }
        }
        i += 3;
    }
    None
}

/// Which characters of U+4E00..U+9FFF start a marker, built from
/// [`MARKERS`] at compile time: one bit test per character of a post.
static FIRST: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < MARKERS.len() {
        // The first character of each marker: three UTF-8 bytes.
        let b = MARKERS[i].0.as_bytes();
        let c = three_byte_char(b[0], b[1], b[2]);
        let o = (c - 0x4E00) as usize;
        bits[o / 64] |= 1 << (o % 64);
        i += 1;
    }
    bits
};

/// The markers of one character (厂): they start no pair.
const ALONE: [u32; 1] = ['厂' as u32];

/// The slot of a pair of characters in [`PAIRS`].
const fn pair_slot(c: u32, next: u32) -> usize {
    ((c << 16 | (next & 0xFFFF)).wrapping_mul(0x9E37_79B1) >> (32 - 12)) as usize
}

/// The first two characters of every word of both lists, hashed into 4,096
/// bits at compile time: a clear bit says no word starts with the pair (a
/// set one may be another pair's).
static PAIRS: [u64; 64] = {
    let mut bits = [0u64; 64];
    let mut i = 0;
    while i < MARKERS.len() + NOT_MARKERS.len() {
        let b = if i < MARKERS.len() {
            MARKERS[i].0.as_bytes()
        } else {
            NOT_MARKERS[i - MARKERS.len()].as_bytes()
        };
        if b.len() >= 6 {
            let slot = pair_slot(
                three_byte_char(b[0], b[1], b[2]),
                three_byte_char(b[3], b[4], b[5]),
            );
            bits[slot / 64] |= 1 << (slot % 64);
        }
        i += 1;
    }
    bits
};

/// Whether a word of either list may start with `c` and then `next`.
fn pair_may_start(c: u32, next: u32) -> bool {
    let slot = pair_slot(c, next);
    PAIRS[slot / 64] >> (slot % 64) & 1 == 1
}

/// The character a three-byte UTF-8 sequence encodes.
const fn three_byte_char(lead: u8, b1: u8, b2: u8) -> u32 {
    ((lead as u32 & 0x0F) << 12) | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F)
}

/// Whether the character `c` starts a marker.
fn starts_a_marker(c: u32) -> bool {
    let o = c.wrapping_sub(0x4E00) as usize;
    FIRST.get(o / 64).is_some_and(|w| w >> (o % 64) & 1 == 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn markers_are_sorted_and_every_word_passes_the_bit_test() {
        assert!(super::MARKERS.windows(2).all(|w| w[0].0 < w[1].0));
        let firsts = super::MARKERS.iter().map(|(w, _)| *w);
        for w in firsts.chain(super::NOT_MARKERS.iter().copied()) {
            assert!(
                super::starts_a_marker(w.chars().next().map_or(0, u32::from)),
                "{w}"
            );
        }
    }

    #[test]
    fn words_are_cjk_and_only_the_alone_are_one_character() {
        let words = super::MARKERS.iter().map(|(w, _)| *w);
        for w in words.chain(super::NOT_MARKERS.iter().copied()) {
            assert!(
                w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{w}"
            );
            let alone = super::ALONE.contains(&w.chars().next().map_or(0, u32::from));
            assert_eq!(w.chars().count() == 1, alone && w.len() == 3, "{w}");
            if let [c, next, ..] = w.chars().map(u32::from).collect::<Vec<_>>()[..] {
                assert!(super::pair_may_start(c, next), "{w}");
            }
        }
    }

    #[test]
    fn longer_markers_win_over_their_prefixes() {
        // 有限公司 and 有限责任公司 both say enterprise; 村支部 before 村支书.
        assert_eq!(
            super::of("某某有限责任公司总经理"),
            Some(super::Sector::Enterprise)
        );
        assert_eq!(
            super::of("沧州市人民医院院长"),
            Some(super::Sector::PublicInstitution)
        );
        assert_eq!(super::of("县委书记"), None);
    }

    #[test]
    fn a_factory_but_not_a_county_or_a_leagues_department() {
        use super::Sector::*;
        assert_eq!(super::of("南平电缆厂财务科科员"), Some(Enterprise));
        assert_eq!(super::of("大厂回族自治县县委常委"), None);
        assert_eq!(super::of("沈阳市委常委、学校部部长"), None);
        assert_eq!(super::of("实验学校校长"), Some(PublicInstitution));
    }
}
