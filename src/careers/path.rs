//! `rankinfo path`: the promotion steps from one 职级 or leadership level to
//! another, the minimum years of each, the conditions, and — given the years
//! served and the 考核 results — when the person is eligible at the earliest.
//!
//! Eligibility is not promotion: meeting the minimum years is one of the
//! basic conditions of 第十七条 (《公务员职务与职级并行规定》), within the
//! quota of each 职级, and every answer says so.

use crate::careers::builtin;
use crate::data::{Dataset, Entry};
use crate::error::LookupError;
use crate::schema::careers::{Fact, Topic};
use crate::schema::{Confidence, Rank, Sequence, Text};
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};

/// Years already served in the current step and their 年度考核 results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Served {
    /// Years in the current 职级 or post.
    pub years: f64,
    /// How many of those years were assessed 优秀.
    pub excellent: u32,
    /// How many were 基本称职 or 不定等次 (not counted, 第十九条).
    pub not_counted: u32,
    /// Today, to turn the years still needed into a month (`None`: years only).
    pub as_of: Option<YearMonth>,
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    /// `2023-06`, `2023-6` or `2023` (January).
    pub fn parse(text: &str) -> Option<YearMonth> {
        let mut parts = text.trim().splitn(2, ['-', '.', '/']);
        let year: i32 = parts.next()?.trim().parse().ok()?;
        let month: u32 = match parts.next() {
            Some(m) => m.trim().parse().ok()?,
            None => 1,
        };
        ((1900..=2200).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// The month containing a moment given in seconds since 1970 (UTC).
    pub fn from_unix(secs: i64) -> YearMonth {
        // Howard Hinnant's civil_from_days.
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        YearMonth { year, month }
    }

    /// Whole months from `self` to `later` (negative if earlier).
    pub fn months_until(self, later: YearMonth) -> i64 {
        (i64::from(later.year) - i64::from(self.year)) * 12 + i64::from(later.month)
            - i64::from(self.month)
    }

    /// The month `years` later, rounded up to a whole month (at the earliest).
    pub fn plus_years(self, years: f64) -> YearMonth {
        // NaN clamps to NaN, which casts to 0 months.
        let months = (years.clamp(0.0, 200.0) * 12.0 - 1e-9).ceil() as i64;
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months.max(0);
        YearMonth {
            year: total.div_euclid(12) as i32,
            month: total.rem_euclid(12) as u32 + 1,
        }
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}年{}月", self.year, self.month)
    }
}

impl Served {
    /// Whether the numbers make sense together: finite, not negative, at
    /// most 60 years, and no more assessed years than years served.
    pub fn check(&self) -> Result<(), String> {
        if !self.years.is_finite() || self.years < 0.0 || self.years > 60.0 {
            return Err(format!("任职年数应在0到60之间：{}", self.years));
        }
        let assessed = f64::from(self.excellent) + f64::from(self.not_counted);
        if assessed > self.years.floor() {
            return Err(format!(
                "优秀（{}年）与基本称职、不定等次（{}年）合计不能多于已任职的整年数（{}年）",
                self.excellent,
                self.not_counted,
                years_text(self.years.floor())
            ));
        }
        Ok(())
    }
}

/// Which ladder a path climbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Track {
    /// 职级 (any sequence with stated years), possibly from a leadership post
    /// that counts toward it (任县处级正职3年 → 一级调研员).
    Rank,
    /// Leadership posts (选拔任用条例第八条).
    Leadership,
}

/// One promotion step.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Step<'a> {
    /// The 职级 or level a step starts from.
    pub from: &'a str,
    /// The 职级 or level it leads to.
    pub to: &'a str,
    /// Minimum years in `from`; `None` where no source states it.
    pub years: Option<u8>,
    /// The rule, in plain Chinese.
    pub rule: String,
    /// How sure the rule is.
    pub confidence: Confidence,
    /// Source ids of the rule.
    pub sources: &'a [Text],
    /// For a 综合管理类 职级: the organisations that may set it (第十条).
    pub settable_at: Vec<&'a str>,
    /// The data's notes on the step.
    pub notes: &'a [Text],
    /// Whether 第十九条 (优秀 −½ year, 基本称职 not counted) applies.
    pub assessment_adjusts: bool,
}

/// The earliest eligibility, from [`Served`].
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Earliest {
    /// The service and assessment results given (`--served`, `--excellent`, `--not-counted`).
    pub served: Served,
    /// Years that count toward the first step (served less 基本称职/不定等次).
    pub counted: f64,
    /// The first step's minimum after the 优秀 reduction (`None` when its
    /// years are unknown).
    pub required: Option<f64>,
    /// Years still needed for the first step, at the earliest.
    pub first_step: Option<f64>,
    /// Years still needed for the whole path, at the earliest, every later
    /// year 称职 (`None` when a step's years are unknown).
    pub total: Option<f64>,
    /// The month the first step's years are met, at the earliest (with
    /// `as_of`).
    pub first_step_on: Option<YearMonth>,
    /// The month the whole path's years are met, at the earliest.
    pub total_on: Option<YearMonth>,
}

/// The answer to `rankinfo path`.
///
/// JSON: `from`, `to`, `track`, `steps`, `total_years`, `earliest`,
/// `conditions`, `notes`; fields may be added, never renamed or removed.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Path<'a> {
    /// Where the path starts, as named.
    pub from: &'a str,
    /// Where it ends, as named.
    pub to: &'a str,
    /// The ladder it climbs (职级 of one sequence, or leadership levels), when one does.
    pub track: Option<Track>,
    /// The steps, lowest first; empty when there is no stated path.
    pub steps: Vec<Step<'a>>,
    /// The sum of the minimum years (`None` when a step's years are unknown).
    pub total_years: Option<u32>,
    /// Set with `--served`.
    pub earliest: Option<Earliest>,
    /// The rules that apply, from `data/careers.toml`.
    pub conditions: Vec<&'a Fact>,
    /// Why there is no path, or what to keep in mind.
    pub notes: Vec<String>,
    /// The least sure of the steps.
    pub confidence: Confidence,
    /// How sure the answer is: from `confidence`.
    pub certainty: crate::read::Certainty,
}

/// A node: a leadership level or a rank, by canonical name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Node<'a> {
    Level(&'a str),
    Rank(&'a str),
}

impl Dataset {
    /// The promotion path from one 职级 or leadership level to another.
    ///
    /// ```
    /// let data = rankinfo::builtin();
    /// let p = data.path("四级主任科员", "二级主任科员", None).unwrap();
    /// assert_eq!(p.steps.len(), 2);
    /// assert_eq!(p.total_years, Some(4));
    /// let p = data.path("县处级副职", "厅局级正职", None).unwrap();
    /// assert_eq!(p.total_years, Some(7)); // 2 + 3 + 2 (第八条（三）)
    /// ```
    pub fn path<'a>(
        &'a self,
        from: &'a str,
        to: &'a str,
        served: Option<Served>,
    ) -> Result<Path<'a>, LookupError> {
        let (a, a_note) = self.path_node(from)?;
        let (b, b_note) = self.path_node(to)?;
        let careers = builtin();
        let mut notes: Vec<String> = a_note.into_iter().collect();
        notes.extend(b_note.filter(|n| !notes.contains(n)));
        let mut p = Path {
            from: node_name(a),
            to: node_name(b),
            track: None,
            steps: Vec::new(),
            total_years: None,
            earliest: None,
            conditions: Vec::new(),
            notes,
            confidence: Confidence::Official,
            certainty: crate::read::Certainty::High,
        };
        if a == b {
            // The answer's headline says it: the same rung.
            return Ok(p);
        }
        let track = match b {
            Node::Level(_) => Track::Leadership,
            Node::Rank(_) => Track::Rank,
        };
        let Some(nodes) = self.shortest(a, b, track) else {
            p.notes.push(self.no_path(a, b));
            return Ok(p);
        };
        p.track = Some(track);
        for w in nodes.windows(2) {
            if let Some(step) = self.step(w[0], w[1]) {
                p.steps.push(step);
            }
        }
        p.confidence = p
            .steps
            .iter()
            .map(|s| s.confidence)
            .max()
            .unwrap_or(Confidence::Official);
        p.certainty = crate::read::Certainty::of(p.confidence);
        p.total_years = p
            .steps
            .iter()
            .map(|s| s.years.map(u32::from))
            .sum::<Option<u32>>();
        // The rules that apply to this ladder.
        let labels: &[(Topic, &str)] = match track {
            Track::Leadership => &[
                (Topic::LeadershipPromotion, "第四十五条"),
                (Topic::LeadershipPromotion, "第八条（一）"),
                (Topic::LeadershipPromotion, "第八条（二）"),
                (Topic::LeadershipPromotion, "第八条（四）"),
                (Topic::LeadershipPromotion, "第九条"),
                (Topic::LeadershipPromotion, "第四十六条"),
                (Topic::LeadershipPromotion, "年龄"),
            ],
            Track::Rank if p.steps.iter().any(|s| s.assessment_adjusts) => &[
                (Topic::RankPromotion, "第十七条"),
                (Topic::RankPromotion, "第十九条"),
                (Topic::RankPromotion, "优秀缩短上限"),
                (Topic::RankPromotion, "第二十一条"),
                (Topic::RankPromotion, "第二十二条"),
                (Topic::RankPromotion, "第二十条"),
            ],
            Track::Rank => &[],
        };
        p.conditions = labels
            .iter()
            .filter_map(|(t, l)| careers.fact(*t, l))
            .collect();
        let sequence = match b {
            Node::Rank(r) => self.rank(r).map(|r| r.sequence),
            Node::Level(_) => None,
        };
        match sequence {
            Some(Sequence::PoliceRank) => p.conditions.extend(
                careers
                    .topic(Topic::PoliceRank)
                    .filter(|f| f.label.starts_with('第')),
            ),
            Some(Sequence::PoliceOfficer) => {
                p.conditions
                    .extend(careers.fact(Topic::PoliceRank, "执法勤务警员年限"));
            }
            Some(Sequence::Judge | Sequence::Procurator) => {
                p.conditions
                    .extend(careers.fact(Topic::JudicialAssessment, "等级晋升"));
            }
            _ => {}
        }
        let adjusts = p.steps.iter().any(|s| s.assessment_adjusts);
        let assessed = served.is_some_and(|s| s.excellent + s.not_counted > 0);
        if track == Track::Rank && !adjusts {
            p.notes.push(
                "第十九条（优秀缩短半年、基本称职不计年限）只见于公务员职级晋升；这一序列参考资料未载"
                    .into(),
            );
        } else if track == Track::Leadership && assessed {
            p.notes.push(
                "优秀、基本称职对年限的调整（第十九条）是职级晋升的规则；领导职务的年限（第八条）参考资料未载这种调整，按已任年数计"
                    .into(),
            );
        }
        match (track, sequence) {
            (Track::Leadership, _) => p.notes.push(
                "领导职务逐级提拔，不得越两级；破格须从严掌握（第九条）。年限满了只是具备资格，要经动议、推荐、考察、决定"
                    .into(),
            ),
            (_, Some(Sequence::General)) => p.notes.push(
                "够年限只是具备资格，不等于晋升：还要在职级职数内，德才、实绩、公认度都符合（第十七条）".into(),
            ),
            (_, Some(Sequence::PoliceRank)) => {}
            _ => p.notes.push("够年限只是具备资格，不等于晋升".into()),
        }
        if let Some(s) = served {
            p.earliest = Some(earliest(&p.steps, s));
        }
        Ok(p)
    }

    /// A name as a node of the promotion graph: a rank, a leadership level,
    /// a title with a fixed level, or a full title the reader places.
    fn path_node<'a>(&'a self, name: &'a str) -> Result<(Node<'a>, Option<String>), LookupError> {
        let entry = match self.lookup(name) {
            Ok(e) => e,
            Err(err) => match self.resolve(name).level {
                Some(l) => {
                    return Ok((
                        Node::Level(&l.name),
                        Some(format!("{name}按其层次{}计", l.name)),
                    ));
                }
                None => return Err(err),
            },
        };
        Ok(match entry {
            Entry::Rank(r) if r.sequence == Sequence::Legacy => match &r.converts_to {
                Some(to) => (
                    Node::Rank(self.rank(to).map(|r| &*r.name).unwrap_or(&r.name)),
                    Some(format!("{}已于2019年6月1日套转为{to}，按{to}计", r.name)),
                ),
                None => (Node::Rank(&r.name), None),
            },
            Entry::Rank(r) => (Node::Rank(&r.name), None),
            Entry::Level(l) => (Node::Level(&l.name), None),
            Entry::Title(t) => match t.level.as_deref().and_then(|l| self.level(l)) {
                Some(l) => (
                    Node::Level(&l.name),
                    Some(format!("{}按其层次{}计", t.name, l.name)),
                ),
                None => (Node::Rank(&t.name), None),
            },
        })
    }

    /// Edges out of a node: (to, years, the rule), up one step.
    fn edges<'a>(&'a self, node: Node<'a>, track: Track) -> Vec<Node<'a>> {
        let name = node_name(node);
        let mut out = Vec::new();
        if track == Track::Leadership {
            for s in builtin().leadership_steps.iter() {
                if s.from == name {
                    out.push(Node::Level(&s.to));
                }
            }
            return out;
        }
        // 职级: a rank whose promotion counts service in `name`. A
        // leadership level leads into the 职级 only as the start.
        for r in self.ranks.ranks.iter() {
            if let Some(p) = &r.promotion {
                if p.from.iter().any(|f| f == name) {
                    out.push(Node::Rank(&r.name));
                }
            }
        }
        out
    }

    /// The fewest steps from `a` to `b`, breadth first (the graph is a few
    /// ladders: every step goes up).
    fn shortest<'a>(&'a self, a: Node<'a>, b: Node<'a>, track: Track) -> Option<Vec<Node<'a>>> {
        let mut prev: BTreeMap<Node<'a>, Node<'a>> = BTreeMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(n) = queue.pop_front() {
            if n == b {
                let mut path = vec![b];
                let mut cur = b;
                while let Some(&p) = prev.get(&cur) {
                    path.push(p);
                    cur = p;
                }
                path.reverse();
                return Some(path);
            }
            // Only the start may be a leadership level on a 职级 path.
            if track == Track::Rank && n != a && matches!(n, Node::Level(_)) {
                continue;
            }
            for m in self.edges(n, track) {
                if m != a && !prev.contains_key(&m) {
                    prev.insert(m, n);
                    queue.push_back(m);
                }
            }
        }
        None
    }

    fn step<'a>(&'a self, from: Node<'a>, to: Node<'a>) -> Option<Step<'a>> {
        let (f, t) = (node_name(from), node_name(to));
        match to {
            Node::Level(_) => {
                let s = builtin()
                    .leadership_steps
                    .iter()
                    .find(|s| s.from == f && s.to == t)?;
                Some(Step {
                    from: f,
                    to: t,
                    years: s.years,
                    rule: s.rule.to_string(),
                    confidence: s.confidence,
                    sources: &s.sources,
                    settable_at: Vec::new(),
                    notes: &s.notes,
                    assessment_adjusts: false,
                })
            }
            Node::Rank(_) => {
                let r: &Rank = self.rank(t)?;
                let p = r.promotion.as_ref()?;
                let general = r.sequence == Sequence::General;
                let article = if general {
                    "（《公务员职务与职级并行规定》第十八条）"
                } else {
                    ""
                };
                Some(Step {
                    from: f,
                    to: t,
                    years: Some(p.years),
                    rule: format!(
                        "晋升{t}，须任{}{}年以上{article}",
                        p.from.iter().map(|x| &**x).collect::<Vec<_>>().join("或"),
                        p.years
                    ),
                    confidence: p.confidence,
                    sources: &p.sources,
                    settable_at: self.settable_at(r).iter().map(|s| &*s.unit).collect(),
                    notes: &r.notes,
                    assessment_adjusts: general,
                })
            }
        }
    }

    /// Why two names have no stated path.
    fn no_path(&self, a: Node<'_>, b: Node<'_>) -> String {
        for n in [a, b] {
            if let Ok(Entry::Title(t)) = self.lookup(node_name(n)) {
                return format!(
                    "{}的层次取决于所在机构：请给出层次（如县处级正职）、职级，或带机构的全称（如某市财政局局长）",
                    t.name
                );
            }
        }
        let order = |n: Node<'_>| match n {
            Node::Level(l) => self.level(l).map(|l| (None, l.order)),
            Node::Rank(r) => self.rank(r).map(|r| (Some(r.sequence), r.order)),
        };
        match (a, b, order(a), order(b)) {
            (_, _, Some((sa, oa)), Some((sb, ob))) if sa == sb && oa < ob => {
                format!("{}高于{}：没有向下的晋升路径", node_name(a), node_name(b))
            }
            (_, _, Some((Some(seq), _)), Some((Some(sb), _))) if seq == sb => {
                let why = match seq {
                    Sequence::Judge => {
                        "；1997年《法官等级暂行规定》：一级法官以上实行选升（是否仍适用未经证实）"
                    }
                    Sequence::PoliceRank => {
                        "；一级警督以上警衔按德才表现和工作实绩选升（《人民警察警衔条例》第十五条）"
                    }
                    _ => "",
                };
                format!(
                    "参考资料没有{}晋升到{}的年限规定{why}",
                    seq.label(),
                    node_name(b)
                )
            }
            (Node::Rank(_), Node::Level(_), _, _) => format!(
                "参考资料没有从职级按年限晋升领导职务的规定：从{}到{}要经选拔任用（动议、推荐、考察、决定，《公务员法》第四十五、四十六条）",
                node_name(a),
                node_name(b)
            ),
            _ => format!(
                "参考资料没有规定从{}到{}的晋升路径（不同序列之间没有规定的对应晋升）",
                node_name(a),
                node_name(b)
            ),
        }
    }
}

fn node_name(n: Node<'_>) -> &str {
    match n {
        Node::Level(s) | Node::Rank(s) => s,
    }
}

/// 第十九条 on the first step; later steps at their minimum, every year 称职.
fn earliest(steps: &[Step<'_>], s: Served) -> Earliest {
    let first = steps.first();
    let adjusts = first.is_some_and(|st| st.assessment_adjusts);
    // 基本称职 and 不定等次 years do not count; 优秀 years cut half a year
    // each. Both only where 第十九条 applies (综合管理类 职级).
    let counted = if adjusts {
        (s.years - f64::from(s.not_counted)).max(0.0)
    } else {
        s.years
    };
    let required = first.and_then(|st| st.years).map(|m| {
        let m = f64::from(m);
        if adjusts {
            (m - 0.5 * f64::from(s.excellent)).max(0.0)
        } else {
            m
        }
    });
    let first_step = required.map(|r| (r - counted).max(0.0));
    let rest: Option<u32> = steps.iter().skip(1).map(|st| st.years.map(u32::from)).sum();
    let total = first_step.zip(rest).map(|(f, r)| f + f64::from(r));
    Earliest {
        served: s,
        counted,
        required,
        first_step,
        total,
        first_step_on: s.as_of.zip(first_step).map(|(t, y)| t.plus_years(y)),
        total_on: s.as_of.zip(total).map(|(t, y)| t.plus_years(y)),
    }
}

/// "2", "1.5", "0.3": years as the answer says them (two decimals at most).
pub fn years_text(y: f64) -> String {
    if !y.is_finite() {
        return "?".into();
    }
    let s = format!("{y:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
