//! The data model: what `data/*.toml` holds.
//!
//! One set of types serves both the data baked into the binary and data read
//! at run time. `build.rs` includes this file, parses `data/*.toml` into these
//! types, validates it and writes it out as Rust statics without pointers
//! (every [`Text`] and [`List`] then a start and length in a table, so start-up
//! parses and relocates nothing). A file loaded at run time fills the same
//! types with owned strings and vectors.

use serde::{Deserialize, Serialize};

mod baked;
pub use baked::{List, Table, Text};

pub mod organisations;
pub mod places;

pub use organisations::{
    BodyRule, DepartmentOverride, Organ, OrganisationsFile, PlaqueHead, UnitLevel, UnitOverride,
};
pub use places::{Place, PlaceKind, Places, PlacesFile};
pub mod address;
pub mod careers;

/// How sure the data is of a fact. Shown to the user with every answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The text of a law or regulation, read at its article.
    Official,
    /// A regulation quoted word for word on third-party pages, cross-checked.
    Secondary,
    /// Widely stated, but no citable text was found.
    CommonKnowledge,
    /// Real in practice (高配, "treated as"), not a formal rule.
    Customary,
    /// No source text, sources disagree, or an inference: not authoritative.
    Unconfirmed,
}

impl Confidence {
    /// The Chinese label shown to users.
    ///
    /// ```
    /// use rankinfo::schema::Confidence;
    /// assert_eq!(Confidence::Unconfirmed.label(), "未经证实");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Official => "法规原文",
            Confidence::Secondary => "转引法规",
            Confidence::CommonKnowledge => "通行说法",
            Confidence::Customary => "惯例",
            Confidence::Unconfirmed => "未经证实",
        }
    }
}

/// How strong the evidence for a convention of address is
/// (the labels of `forms_of_address.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// The text of a Party or State regulation or national standard.
    Official,
    /// Mainstream press quoting officials or scholars.
    Press,
    /// Etiquette textbooks, Q&A sites, forums, blogs.
    Weak,
    /// Widely repeated, no authoritative source.
    CommonPractice,
    /// Plausible, not found in any source.
    Unconfirmed,
}

impl Strength {
    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Strength::Official => "官方规定",
            Strength::Press => "媒体报道",
            Strength::Weak => "弱来源",
            Strength::CommonPractice => "通行做法",
            Strength::Unconfirmed => "未经证实",
        }
    }
}

/// A document, page or file that facts cite by `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Namespaced id: `legal:P1`, `titles:W5`, `address:S1`, `central:S2`.
    pub id: Text,
    /// The document, and what it supports.
    pub title: Text,
    /// Where it was read.
    #[serde(default)]
    pub url: List<Text>,
    /// The reference's grade for the source (primary, secondary, press, weak …).
    pub grade: Text,
}

/// A 级别 band: grade 1 is the highest, 27 the lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// The highest (numerically smallest) 级别 of the band.
    pub highest: u8,
    /// The lowest (numerically largest) 级别 of the band.
    pub lowest: u8,
}

/// One of the 10 leadership levels of 《公务员法》第十八条, or the staff levels
/// 科员级 and 办事员级 below them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Canonical name: `县处级正职`.
    pub name: Text,
    /// The colloquial short name: `正处级`.
    pub short: Text,
    /// Position on the ladder, 1 = 国家级正职 … 12 = 办事员级.
    pub order: u8,
    /// Conventional English label.
    pub english: Text,
    /// Colloquial and other names that mean this level.
    #[serde(default)]
    pub aliases: List<Text>,
    /// The 级别 band.
    pub grade: Grade,
    /// GB/T 12407-2008 职务级别代码, where the reference has it.
    pub gb12407: Option<Text>,
    /// How sure the data is of the level and its band.
    pub confidence: Confidence,
    /// Source ids (`legal:P1` …).
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// The 职级 sequences, plus the pre-2019 非领导职务.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sequence {
    /// 综合管理类 (since 2019-06-01).
    General,
    /// 专业技术类.
    Professional,
    /// 行政执法类.
    Enforcement,
    /// 非领导职务 of the 2005 law, in force until 2019-05-31.
    Legacy,
    /// 执法勤务警员职务等级 (公安机关; the reform document was not seen).
    PoliceOfficer,
    /// 警务技术职务 (公安机关).
    PoliceTechnical,
    /// 警衔 (《人民警察警衔条例》第七条): a rank insignia, not a post.
    PoliceRank,
    /// 法官等级 (《法官法》第二十六条): its own 职务序列.
    Judge,
    /// 检察官等级 (《检察官法》第二十七条): its own 职务序列.
    Procurator,
    /// 事业单位管理岗位职员等级: the 事业单位's own ladder, not the civil service.
    InstitutionStaff,
}

impl Sequence {
    /// The Chinese name of the sequence.
    pub fn label(self) -> &'static str {
        match self {
            Sequence::General => "综合管理类职级",
            Sequence::Professional => "专业技术类职级",
            Sequence::Enforcement => "行政执法类职级",
            Sequence::Legacy => "2019年前非领导职务",
            Sequence::PoliceOfficer => "执法勤务警员职务等级",
            Sequence::PoliceTechnical => "警务技术职务",
            Sequence::PoliceRank => "警衔",
            Sequence::Judge => "法官等级",
            Sequence::Procurator => "检察官等级",
            Sequence::InstitutionStaff => "事业单位管理岗位职员等级",
        }
    }

    /// A sequence with no stated correspondence to the leadership levels,
    /// 职级 or 级别 (法官、检察官等级; 警衔, which spans several posts): its
    /// entries carry neither `level` nor `general_equivalent`.
    pub fn stands_alone(self) -> bool {
        matches!(
            self,
            Sequence::Judge | Sequence::Procurator | Sequence::PoliceRank
        )
    }

    /// Outside the civil service: a 事业单位's own ladder.
    pub fn outside_civil_service(self) -> bool {
        self == Sequence::InstitutionStaff
    }
}

/// Minimum service before promotion to a 职级.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Promotion {
    /// Minimum years.
    pub years: u8,
    /// Posts or 职级 that count ("任厅局级副职或者二级巡视员4年以上").
    pub from: List<Text>,
    /// How sure the data is of the rule.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
}

/// A 职级 (rank), current or pre-2019.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    /// Canonical name: `一级调研员`.
    pub name: Text,
    /// The sequence it belongs to.
    pub sequence: Sequence,
    /// Position within its sequence, 1 = highest.
    pub order: u8,
    /// Other names that mean this rank.
    #[serde(default)]
    pub aliases: List<Text>,
    /// Conventional English, where the reference gives one.
    pub english: Option<Text>,
    /// The 级别 band; `None` where no source gives it.
    pub grade: Option<Grade>,
    /// Set when the band is less certain than the rest of the entry.
    pub grade_confidence: Option<Confidence>,
    /// The leadership level this rank is equivalent to (or 科员级/办事员级).
    pub level: Option<Text>,
    /// Set when the equivalence is less certain than the rest of the entry.
    pub level_confidence: Option<Confidence>,
    /// The leadership level for which this is the lowest corresponding 职级.
    pub min_rank_for: Option<Text>,
    /// Set when `min_rank_for` is less certain than the rest of the entry.
    pub min_rank_confidence: Option<Confidence>,
    /// For 专业技术类 and 行政执法类: the 综合管理类 rank it equals.
    pub general_equivalent: Option<Text>,
    /// Minimum service before promotion to it, where the reference gives it.
    pub promotion: Option<Promotion>,
    /// For pre-2019 titles: the 2019 职级 it was converted to (套转).
    pub converts_to: Option<Text>,
    /// For pre-2019 titles: the last day it was in force.
    pub in_force_until: Option<Text>,
    /// How sure the data is of the entry.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// Which 综合管理类 职级 an organisation may set (《公务员职务与职级并行规定》第十条).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankSetting {
    /// The organisations the clause names: `副省级城市的区机关`.
    pub unit: Text,
    /// The highest 职级 set there: it and every rank below it.
    pub from: Option<Text>,
    /// Or exactly these 职级.
    #[serde(default)]
    pub only: List<Text>,
    /// The article and item: `第十条（一）`.
    pub clause: Text,
    /// How sure the data is of the clause.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
}

/// The 警衔 that go with a post (《人民警察警衔条例》第八、九条, 职务等级编制警衔).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InsigniaRange {
    /// The post as the article names it: `处(局)级正职`, `高级专业技术职务`.
    pub post: Text,
    /// The leadership level (or 科员级/办事员级) of the post; `None` for the
    /// professional-technical posts of 第九条.
    pub level: Option<Text>,
    /// The highest 警衔 of the range (a rank of sequence `police_rank`).
    pub highest: Text,
    /// The lowest 警衔 of the range.
    pub lowest: Text,
    /// `第八条`, `第九条`.
    pub clause: Text,
    /// How sure the range is.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
}

/// The 法官等级 a court post was given under the 1997 《法官等级暂行规定》
/// (职务编制等级): historical, whether it still applies is unconfirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgePostRange {
    /// `最高人民法院`, `高级人民法院`, `中级人民法院`, `基层人民法院`.
    pub court: Text,
    /// `院长`, `副院长`, `庭长`, `审判员`.
    pub post: Text,
    /// The highest 法官等级 of the range (a rank of sequence `judge`).
    pub highest: Text,
    /// The lowest 法官等级 of the range.
    pub lowest: Text,
    /// How sure the range is.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
}

/// A kind of organisation that decides what a context-dependent title means
/// (`--at 地级市`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Canonical name: `地级市`.
    pub name: Text,
    /// Other names accepted for it (`--at 地级`).
    #[serde(default)]
    pub aliases: List<Text>,
    /// What falls under it.
    pub description: Text,
}

/// What a title's holder is within the unit: decides 副 in address and the
/// half-step of the derivation rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 正职: heads the unit.
    Head,
    /// 副职.
    Deputy,
    /// A member of a leadership team (常委, 委员).
    Member,
    /// Other posts (秘书长 …).
    Other,
}

/// The kind of body a post belongs to: decides which rule gives its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// 党委 (省委, 县委, 镇党委, 街道党工委) and its departments' heads as 常委.
    Party,
    /// 人民政府 (省长, 市长, 县长, 镇长).
    Government,
    /// 人大常委会.
    Congress,
    /// 政协.
    Cppcc,
    /// A working department of a government or Party committee (局, 委, 办).
    Department,
    /// 纪委 (监委).
    Discipline,
    /// 人民法院.
    Court,
    /// 人民检察院.
    Procuratorate,
    /// A 群团 organisation: 总工会, 共青团 (团委), 妇联, 科协, 侨联, 文联.
    MassOrg,
}

impl Body {
    /// The Chinese name of the body.
    pub fn label(self) -> &'static str {
        match self {
            Body::Party => "党委",
            Body::Government => "政府",
            Body::Congress => "人大常委会",
            Body::Cppcc => "政协",
            Body::Department => "工作部门",
            Body::Discipline => "纪委",
            Body::Court => "法院",
            Body::Procuratorate => "检察院",
            Body::MassOrg => "群团组织",
        }
    }
}

/// The level of a context-dependent title in one kind of organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleCase {
    /// A [`Context`] name.
    pub at: Text,
    /// The post in that context: `市直部门局长`.
    pub post: Text,
    /// Which body, where the title means different posts in one context
    /// (主任 of the 人大常委会 or of a 委).
    pub body: Option<Body>,
    /// `None` where the reference gives no level (股长) or says it varies.
    pub level: Option<Text>,
    /// What the regulations call it when that differs from the level
    /// (副省级市局长: 名义正局级).
    pub nominal: Option<Text>,
    /// A level the holder often has personally (高配): shown as "often", never
    /// as the answer.
    pub often: Option<Text>,
    /// Where `often` holds only for some units of the kind: `公安` (a
    /// department whose name holds the word) or `省会` (a provincial
    /// capital). 高配 is never a blanket note on every head.
    pub often_for: Option<Text>,
    /// How sure the data is of this case.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// A post title (职务名称).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    /// Canonical name: `局长`.
    pub name: Text,
    /// Other names of the post.
    #[serde(default)]
    pub aliases: List<Text>,
    /// Conventional English, where the reference gives one (not an official translation).
    pub english: Option<Text>,
    /// Head, deputy, member or other.
    pub role: Role,
    /// The body the post always belongs to (县长: government), if any.
    pub body: Option<Body>,
    /// The level when it does not depend on the organisation.
    pub level: Option<Text>,
    /// The levels in each kind of organisation, when it does.
    #[serde(default)]
    pub cases: List<TitleCase>,
    /// What the answer depends on, for context-dependent titles.
    pub depends_on: Option<Text>,
    /// The only kinds of organisation (contexts) that have this post, for a
    /// title that names its kind of place (县长: 县): elsewhere it is not a
    /// post, and no level is derived for it.
    #[serde(default)]
    pub only_at: List<Text>,
    /// Endings of department names whose head has a title of its own
    /// (主任: 局, whose head is its 局长; an 办公厅 is still an office's).
    /// Written after one (财政局主任), the title is a post of a unit inside
    /// it, whose level the text does not give.
    #[serde(default)]
    pub not_head_of: List<Text>,
    /// How sure the data is of the entry.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: List<Text>,
    /// Caveats, in Chinese, shown with the answer.
    #[serde(default)]
    pub notes: List<Text>,
}

/// The contents of `data/ranks.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RanksFile {
    /// The version stamp and data policy.
    pub meta: Meta,
    /// `[[source]]`: the sources the file's facts cite.
    #[serde(default, rename = "source")]
    pub sources: List<Source>,
    /// `[[level]]`: the leadership levels, top to bottom, then 科员级 and 办事员级.
    #[serde(default, rename = "level")]
    pub levels: List<Level>,
    /// `[[rank]]`: the 职级 of every sequence, and the pre-2019 非领导职务.
    #[serde(default, rename = "rank")]
    pub ranks: List<Rank>,
    /// `[[rank_setting]]`: where each 综合管理类 职级 may be set.
    #[serde(default, rename = "rank_setting")]
    pub rank_settings: List<RankSetting>,
    /// 警衔 ranges of posts (`[[insignia_range]]`).
    #[serde(default, rename = "insignia_range")]
    pub insignia_ranges: List<InsigniaRange>,
    /// 法官等级 of court posts, 1997 (`[[judge_post_range]]`).
    #[serde(default, rename = "judge_post_range")]
    pub judge_post_ranges: List<JudgePostRange>,
    /// `[[context]]`: the kinds of organisation.
    #[serde(default, rename = "context")]
    pub contexts: List<Context>,
    /// `[[title]]`: post titles.
    #[serde(default, rename = "title")]
    pub titles: List<Title>,
}

/// Version stamp and data policy of the built-in data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// `YYYY-MM-DD.N`: when the data was last revised.
    pub version: Text,
    /// What the data rests on, in one sentence.
    pub basis: Text,
    /// Notes on English renderings.
    pub english_policy: Text,
}

/// What a lookup key points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Target {
    /// Index into [`RanksFile::levels`].
    Level(u16),
    /// Index into [`RanksFile::ranks`].
    Rank(u16),
    /// Index into [`RanksFile::titles`].
    Title(u16),
}

/// One lookup key (a normalised name, alias or English name) and its target.
/// The index is sorted by key; a key may occur more than once (English names
/// shared by several titles).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct IndexEntry {
    /// The normalised name.
    pub key: Text,
    /// The entry it names.
    pub target: Target,
}

/// A name and the index of the place, organ or lookup entry it names, in an
/// index sorted by key. Names shared by several places occur once per place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct NameIndex {
    /// The normalised name (reversed, in the index of name endings).
    pub key: Text,
    /// The position of what it names in its list: a place, an organ, or an
    /// entry of the lookup index.
    pub id: u16,
}

/// A node of a [`NameTable`]'s character trie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TrieNode {
    /// Its edges: `edges[edges_start..edges_start + edges_len]`, by character.
    pub edges_start: u32,
    /// The number of edges.
    pub edges_len: u32,
    /// The entries whose key ends here: `entries[hits_start..hits_start + hits_len]`.
    pub hits_start: u32,
    /// The number of entries.
    pub hits_len: u32,
}

/// An edge of the trie: a character and the node it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TrieEdge {
    /// The character, as a Unicode scalar value.
    pub ch: u32,
    /// The index of the node it leads to.
    pub node: u32,
}

/// Names sorted by key, with a character trie over the keys: the longest name
/// at the start of a text is found in one walk, a few integer comparisons a
/// character, however many names there are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct NameTable {
    /// The names, sorted by key.
    pub entries: List<NameIndex>,
    /// The trie's nodes; node 0 is the root.
    pub nodes: List<TrieNode>,
    /// The trie's edges, each node's sorted by character.
    pub edges: List<TrieEdge>,
    /// The root's edges by hash of their character (index + 1; 0 is empty),
    /// open addressing over a power-of-two table: the root has thousands of
    /// edges, and a binary search over them was a fifth of the reader's time.
    pub root: List<u16>,
}

/// The slot of a character in a root table of `2^bits` slots.
fn root_slot(code: u32, bits: u32) -> usize {
    (code.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

impl NameTable {
    /// Sort the entries and build the trie.
    // Used by build.rs and by run-time loading; without `runtime-data` the
    // library itself only reads baked tables.
    #[cfg_attr(not(feature = "runtime-data"), allow(dead_code))]
    pub fn new(mut entries: Vec<NameIndex>) -> NameTable {
        entries.sort_by(|a, b| a.key.cmp(&b.key).then(a.id.cmp(&b.id)));
        entries.dedup();
        // Build with child maps, then lay the nodes out with sorted edges.
        let mut children: Vec<std::collections::BTreeMap<char, usize>> = vec![Default::default()];
        let mut hits: Vec<(u32, u32)> = vec![(0, 0)];
        let mut i = 0;
        while i < entries.len() {
            let same = entries[i..]
                .iter()
                .take_while(|e| e.key == entries[i].key)
                .count();
            let mut node = 0;
            for c in entries[i].key.chars() {
                let next = children.len();
                node = *children[node].entry(c).or_insert(next);
                if node == next {
                    children.push(Default::default());
                    hits.push((0, 0));
                }
            }
            hits[node] = (i as u32, same as u32);
            i += same;
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        for (n, kids) in children.iter().enumerate() {
            nodes.push(TrieNode {
                edges_start: edges.len() as u32,
                edges_len: kids.len() as u32,
                hits_start: hits[n].0,
                hits_len: hits[n].1,
            });
            edges.extend(kids.iter().map(|(&ch, &node)| TrieEdge {
                ch: u32::from(ch),
                node: node as u32,
            }));
        }
        // Twice as many slots as root edges keeps probes short.
        let roots = nodes[0].edges_len as usize;
        assert!(roots < usize::from(u16::MAX), "too many first characters");
        let size = (roots * 2).next_power_of_two().max(2);
        let bits = size.trailing_zeros();
        let mut root = vec![0u16; size];
        for (i, e) in edges[..roots].iter().enumerate() {
            let mut slot = root_slot(e.ch, bits);
            while root[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            root[slot] = i as u16 + 1;
        }
        NameTable {
            entries: entries.into(),
            nodes: nodes.into(),
            edges: edges.into(),
            root: root.into(),
        }
    }

    /// The node the root's edge for `code` leads to, in `edges` and `nodes`
    /// (this table's, dereferenced once by the caller).
    fn root_child<'t>(
        &self,
        code: u32,
        edges: &[TrieEdge],
        nodes: &'t [TrieNode],
    ) -> Option<&'t TrieNode> {
        let root = &*self.root;
        let size = root.len();
        if size < 2 || !size.is_power_of_two() {
            return None;
        }
        let mut slot = root_slot(code, size.trailing_zeros());
        loop {
            let at = *root.get(slot)?;
            let edge = edges.get(usize::from(at).checked_sub(1)?)?;
            if edge.ch == code {
                return nodes.get(edge.node as usize);
            }
            slot = (slot + 1) & (size - 1);
        }
    }

    /// The entries whose key is the longest prefix of the characters `chars`
    /// (read in order), and that key's length in bytes.
    pub fn longest(&self, chars: impl Iterator<Item = char>) -> Option<(usize, &[NameIndex])> {
        // Each list dereferenced once: a baked list finds its table at every
        // use, three times a character in the walk.
        let (nodes, edges, entries) = (&*self.nodes, &*self.edges, &*self.entries);
        let hits = |node: &TrieNode| {
            let start = node.hits_start as usize;
            &entries[start..start + node.hits_len as usize]
        };
        let mut chars = chars;
        let first = chars.next()?;
        let mut node = self.root_child(u32::from(first), edges, nodes)?;
        let mut bytes = first.len_utf8();
        let mut best = None;
        if node.hits_len > 0 {
            best = Some((bytes, hits(node)));
        }
        for c in chars {
            let edges =
                &edges[node.edges_start as usize..(node.edges_start + node.edges_len) as usize];
            let code = u32::from(c);
            // Most nodes have an edge or two: scan those.
            let at = if edges.len() <= 8 {
                edges.iter().position(|e| e.ch == code)
            } else {
                edges.binary_search_by_key(&code, |e| e.ch).ok()
            };
            let Some(at) = at else { break };
            node = &nodes[edges[at].node as usize];
            bytes += c.len_utf8();
            if node.hits_len > 0 {
                best = Some((bytes, hits(node)));
            }
        }
        best
    }
}
