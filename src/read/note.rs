//! The reasoning of a reading, as structured notes turned into Chinese text
//! only when asked.

use super::Sector;
use super::clean::Aside;
use std::fmt;

/// One step of the reasoning, written out by
/// [`Resolution::explanation`](super::Resolution::explanation).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Note<'a> {
    /// Something cleaning took out of the text.
    Aside(Aside),
    /// 原: the post is a former one.
    Former,
    /// A title on a plaque (牌子) itself: no level of its own.
    Plaque {
        /// The plaque (`国家海洋局`).
        plaque: &'a str,
        /// The organ that carries it (`自然资源部`).
        host: &'a str,
        /// Usually held by one of the host's deputies, as the reference
        /// says of the ministries' plaques.
        deputy: bool,
    },
    /// The post named in news of an investigation (…副省长彭宇行涉嫌…): held
    /// then, often left since.
    Investigated,
    /// 代 or 代理: acting in the post.
    Acting,
    /// 提名人选, 候选人: not (yet) holding the post.
    NotHeld,
    /// A level stated in the text for the person, other than the post's.
    Stated(&'a str),
    /// A level stated for a post in a department of a place, above the
    /// place's own head (枣庄市委组织部副部级巡视员: 副部级 there is likely the
    /// department's 副部长级, which the reference does not give).
    StatedAbovePlace {
        /// The level the words state (`省部级副职`).
        stated: &'a str,
        /// The place (`枣庄市`).
        place: &'a str,
        /// The level of its head (`厅局级正职`).
        head: &'a str,
    },
    /// Outside the civil service.
    Sector(Sector),
    /// A place read by its suffix, not found in today's gazetteer.
    TypedPlace,
    /// A city read as county-level then (县级吴忠市; today a 地级市).
    CountyThen,
    /// A tier without a place (县委, 省政协): the usual case of that tier.
    NoPlace,
    /// A unit named without its organisation, placed in the earlier post's
    /// (青干科科长 after 组织部副部长).
    EarlierUnit,
    /// The text went past a limit and was not read.
    TooLong(super::TooLong),
    /// An aside that names a level or a post the reader could not place.
    Unplaced,
    /// 副市级, 正市级: read as the level of that city's (deputy) mayor.
    CityLevel,
    /// A development zone or new area and its 管委会.
    DevZone,
    /// An internal unit one step below a department at the lowest level.
    BelowLadder {
        /// The level of the department's head (`乡科级正职`).
        unit: &'a str,
    },
    /// Another post of the string was not understood.
    PartNotUnderstood,
    /// Another post of the string was read, but the reference gives its
    /// title no level at all: it rests on the holder (市长助理).
    PartLevelUnknown(&'a str),
    /// Another post of the string is outside the civil service, and this
    /// one names no place or organ: it may be in the same company or
    /// hospital (本钢销售处副处长兼上海销售分公司经理).
    BesideOutside(Sector),
    /// A post held concurrently (兼) that reads a whole level or more above
    /// the post it is held with: its level is not taken.
    ConcurrentAbove {
        /// The level of the post it is held with (`县处级副职`).
        main: &'a str,
        /// The level the concurrent post reads as (`厅局级正职`).
        read: &'a str,
    },
    /// The place's head is raised by a named exception (湖北's 省直管市:
    /// 一把手 副厅, unconfirmed), and this post was read by the ordinary
    /// rules, which the reference does not confirm there.
    RaisedPlace {
        /// The place (`天门市`).
        place: &'a str,
        /// The level of its head (`厅局级副职`).
        head: &'a str,
    },
    /// A nomination beside the posts held, reading above the answer (its
    /// post's level).
    NominatedAbove(&'a str),
    /// A 职级 held beside the post, above the post's level (副主任、巡视员):
    /// the answer is the post's level; the person's own is higher.
    RankAbove {
        /// The 职级 (`巡视员`).
        rank: &'a str,
        /// The level it is equivalent to (`厅局级正职`).
        held: &'a str,
        /// The post's level, the answer (`厅局级副职`).
        post: &'a str,
    },
    /// A province's 局 or 办公室 that may be a 部门管理机构 (副厅) rather
    /// than a 组成部门 or 直属机构 (正厅): the reference does not list it.
    KindUnknown {
        /// The unit (`药品监督管理局`).
        unit: String,
    },
    /// A title that names its own kind of unit (处长) where that unit is
    /// not what the title's level presumes (titles_by_org §3.1–3.3 place a
    /// 处 in central, provincial and 副省级市 organs): inside a department
    /// that heads at or below the title's level (a 地级市局's 预算处), or
    /// directly under a place whose departments head below it (a 区's 处).
    UnitOutOfPlace {
        /// The title (`处长`).
        title: &'a str,
        /// The title's usual level (`县处级正职`).
        usual: &'a str,
        /// The unit (`预算处`).
        unit: String,
        /// The level of the head of a department of the place (`县处级正职`).
        department: &'a str,
        /// Whether the unit is inside a department: its level is then
        /// derived from the department's; else none is given.
        inside: bool,
    },
    /// A unit named by a title's own kind (处) directly under a place whose
    /// departments head at that title's level but go by other names (a
    /// 地级市's 局, 委, 办): the title's usual level, not confirmed there.
    UnitAsDepartment {
        /// The title (`处长`).
        title: &'a str,
        /// The title's usual level (`县处级正职`).
        usual: &'a str,
        /// The unit (`排水管理处`).
        unit: String,
    },
    /// A title written after a department it does not head (主任 after a
    /// 局: 财政局副主任): the post of a unit inside it, not named.
    NotItsHead {
        /// The title (`副主任`).
        title: &'a str,
        /// The department (`财政局`).
        unit: String,
    },
    /// The title is not a post of that kind of organisation (县长 at 地级市).
    NotAt {
        /// The title (`县长`).
        title: &'a str,
        /// The kind of organisation (`地级市`).
        at: &'a str,
    },
    /// The rule of the post's body: `steps` half-steps below the place's
    /// head (`place`).
    BodyRule {
        /// The body's Chinese name (`法院`).
        body: &'static str,
        /// The level of the place's own head (`厅局级正职`).
        place: &'a str,
        /// Half-steps below it: 1 is half a level (正 → 副), 2 a whole level.
        steps: usize,
    },
    /// A note from the data.
    Data(&'a str),
    /// No title or 职级 was found.
    NoTitle,
    /// Text before the title that was not understood.
    Leftover(String),
    /// A 党组 named after an internal unit (办公室党组书记 read as a
    /// committee's office): internal units have none, so the chain is not
    /// understood.
    GroupInInternalUnit(String),
    /// A unit named under a central organ that is not one of its 司局: a
    /// 委员会 (水利部黄河水利委员会), a branch in a place (中国人民银行广东省
    /// 分行办公室) or an institute's unit (中科院…研究所开发办), of a level
    /// the reference does not give.
    UnitUnderOrgan(String),
    /// The text names a 职级, which is not a leadership post.
    Rank {
        /// The 职级 (`一级调研员`).
        rank: &'a str,
        /// The leadership level it is equivalent to.
        level: &'a str,
    },
    /// A 职级 whose equivalent level could not be determined.
    RankWithoutLevel(&'a str),
    /// The title's case for the context.
    Case {
        /// The post in that context (`市直部门局长`).
        post: &'a str,
        /// Its level there; `None` where the data gives none.
        level: Option<&'a str>,
    },
    /// The derivation rule.
    Derived {
        /// The level the rule starts from: that of the unit's head or of its
        /// departments' heads (`县处级正职`).
        base: Option<&'a str>,
        /// The post is in a working department.
        department: bool,
        /// The post is in an internal unit of a department: one whole level lower.
        internal: bool,
        /// The post is a deputy (副职) or a member (常委): half a level lower.
        deputy: bool,
    },
    /// The title depends on its organisation, which the text does not name.
    DependsOn {
        /// The title (`局长`).
        title: &'a str,
        /// What its level depends on, in the data's words.
        on: &'a str,
    },
    /// Several divisions share a name.
    SharedName {
        /// The name as read (`鼓楼区`).
        name: &'a str,
        /// Each division so named: the name of the division above it, and its own.
        places: Vec<(&'a str, &'a str)>,
        /// Whether every one of them gives the same level.
        agree: bool,
    },
    /// A level holders of the post often have personally (高配): not the post's level.
    Often(&'a str),
    /// The post's nominal level where it differs (副省级市局长: 名义正局级).
    Nominal(&'a str),
}

impl fmt::Display for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Data(text) => f.write_str(text),
            Note::Aside(a) => match a {
                Aside::Level(l) => write!(f, "括号中注明“{l}”"),
                Aside::InCharge => {
                    f.write_str("主持工作：以副职主持全面工作，职位层次仍按所任职务")
                }
                Aside::Concurrent => f.write_str("兼任"),
                Aside::Probation => f.write_str("试用期"),
                Aside::Secondment => f.write_str("挂职"),
                Aside::CountyThen => f.write_str("括号中注明当时为县级市"),
                Aside::Dropped(t) => write!(f, "“{t}”未计入"),
            },
            Note::Former => f.write_str("“原”：曾任职务，单位可能已改名或调整规格，把握不作“高”"),
            Note::Plaque {
                plaque,
                host,
                deputy,
            } => {
                write!(f, "{plaque}是{host}的牌子，不单设机构，本身不定规格；")?;
                if *deputy {
                    write!(f, "对外负责人通常由{host}的副职兼任（惯例），")?;
                }
                write!(f, "层次按其在{host}所任的职务，仅凭此职务名称无法确定")
            }
            Note::Investigated => {
                f.write_str("新闻：涉嫌违纪违法接受调查时所任职务，其后多已免职，把握不作“高”")
            }
            Note::Acting => f.write_str("代理职务：按所代理职务的层次"),
            Note::NotHeld => f.write_str("提名人选或候选人尚未任职，不计层次"),
            Note::Stated(l) => write!(f, "文中注明个人层次为{l}"),
            Note::StatedAbovePlace {
                stated,
                place,
                head,
            } => write!(
                f,
                "文中注明的层次读作{stated}，却高于{place}本身的负责人（{head}），而职务在其工作部门内，不合常理：所注的可能是本部门的（副）部长级之类，参考资料未载，不给层次"
            ),
            Note::Sector(s) => f.write_str(s.why()),
            Note::TooLong(super::TooLong::Text) => write!(
                f,
                "输入过长（超过 {} 字节），未解读：请每行只给一个人的职务",
                super::MAX_TEXT_BYTES
            ),
            Note::TooLong(super::TooLong::Posts) => write!(
                f,
                "职务过多（超过 {} 项），未解读：请分行给出",
                super::MAX_POSTS
            ),
            Note::NoPlace => f.write_str("未写明地名：按该层级的一般情形，个别地方（如副省级市、省直管县）可能不同"),
            Note::EarlierUnit => f.write_str(
                "单位没有写明所属机构：按前一职务的机构理解（其内设机构或同级机构），把握不作“高”",
            ),
            Note::CountyThen => f.write_str(
                "文中写明当时为县级市（今为地级市）：按一般县级市的规格推定，把握不作“高”",
            ),
            Note::TypedPlace => {
                f.write_str("地名不在现行区划（2023）中，按名称后缀判断层级（可能已撤并或改名）")
            }
            Note::BelowLadder { unit } => write!(
                f,
                "所在部门负责人为{unit}，其内设股、科、室的负责人已无法定职务层次（股级不是法定层次）"
            ),
            Note::DevZone => f.write_str(
                "开发区、新区及其管委会不是一级政府，规格由各地确定（常见副厅或正处，常高配），参考资料未给定，故不给层次",
            ),
            Note::CityLevel => {
                f.write_str("“市级”按所在城市市长（副市级：副市长）的层次理解（通行说法）")
            }
            Note::Unplaced => f.write_str("括号中的层次或职务无法确定，把握不作“高”"),
            Note::PartNotUnderstood => {
                f.write_str("另有职务未能识别，可能高于此职务，把握不作“高”")
            }
            Note::PartLevelUnknown(title) => {
                write!(f, "另有职务（{title}）层次不明，可能高于此职务，把握不作“高”")
            }
            Note::ConcurrentAbove { main, read } => write!(
                f,
                "兼任的职务读作{read}，高于本职（{main}），不合常规：所兼的可能是本单位或挂靠机构的职务，规格低于按名称推定的层次；未按其定层次，把握不作“高”"
            ),
            Note::RaisedPlace { place, head } => write!(
                f,
                "{place}一把手高配为{head}，其他职务的层次参考资料未说明，按一般规定推定，把握不作“高”"
            ),
            Note::NominatedAbove(level) => write!(
                f,
                "另有提名人选或候选人职务（{level}），尚未任职，未计入；计入则层次更高，把握不作“高”"
            ),
            Note::RankAbove { rank, held, post } => write!(
                f,
                "另任职级“{rank}”，相当{held}，高于职务的层次（{post}）：职务按{post}，个人职级按{held}，看问的是哪一个，把握不作“高”"
            ),
            Note::UnitOutOfPlace {
                title,
                usual,
                unit,
                department,
                inside: true,
            } => write!(
                f,
                "“{title}”通常为{usual}，但这里的“{unit}”是部门的内设机构，部门负责人为{department}，内设机构的负责人低于部门：按部门推导层次，不按“{title}”，把握不作“高”"
            ),
            Note::UnitOutOfPlace {
                title,
                usual,
                unit,
                department,
                inside: false,
            } => write!(
                f,
                "“{title}”通常为{usual}，但在这一级地方，工作部门的负责人才是{department}，“{unit}”不会高于它们；它属哪类机构、什么规格，参考资料未给出，不给层次"
            ),
            Note::UnitAsDepartment { title, usual, unit } => write!(
                f,
                "“{unit}”直接写在这一级地方之下：这里的工作部门通常称局、委、办，它可能是一个工作部门，也可能是部门下属机构或事业单位，参考资料未列出；按“{title}”的通常层次（{usual}），把握不作“高”"
            ),
            Note::KindUnknown { unit } => write!(
                f,
                "省属的局、办公室，是组成部门或直属机构的，负责人为正厅；是部门管理机构的（如省监狱管理局），为副厅。“{unit}”属哪一种，参考资料未列出，按前者推定，把握不作“高”"
            ),
            Note::BesideOutside(s) => write!(
                f,
                "另有职务在{}，此职务未写明地方或机关，可能同在该单位，把握不作“高”",
                s.label()
            ),
            Note::NotItsHead { title, unit } => write!(
                f,
                "“{title}”不是“{unit}”本身的职务，当是其中某个机构（如{}）的，文中没有写明是哪个，故不给层次",
                if title.ends_with("部长") { "组织部、宣传部" } else { "办公室、中心" }
            ),
            Note::NotAt { title, at } => write!(f, "{at}没有“{title}”这一职务，无法给出层次"),
            Note::BodyRule { body, place, steps } => {
                let by = match steps {
                    0 => "同级".to_string(),
                    1 => "低半级".to_string(),
                    n if n % 2 == 0 => format!("低{}级", n / 2),
                    n => format!("低{}级半", n / 2),
                };
                write!(f, "{body}的职务比同级党政正职（{place}）{by}")
            }
            Note::NoTitle => f.write_str("没有识别出职务或职级名称"),
            Note::Leftover(text) => write!(f, "未能识别“{text}”"),
            Note::UnitUnderOrgan(unit) => write!(
                f,
                "“{unit}”不是部委内设的司局（司、局、厅、室），是其下设或在地方的机构，规格参考资料未给出，故不给层次"
            ),
            Note::GroupInInternalUnit(unit) => write!(
                f,
                "党组设在机关、部门，不设在内设机构：“{unit}党组”所在的单位无法确定，故不给层次"
            ),
            Note::Rank { rank, level } => write!(f, "{rank}是职级，相当于{level}，不是领导职务"),
            Note::RankWithoutLevel(rank) => write!(f, "{rank}没有可确定的对应层次"),
            Note::Case { post, level } => {
                f.write_str(post)?;
                f.write_str("：")?;
                f.write_str(level.unwrap_or("层次不明"))
            }
            Note::Derived {
                base,
                department,
                internal,
                deputy,
            } => {
                let what = if *department {
                    "工作部门正职"
                } else {
                    "单位正职"
                };
                write!(
                    f,
                    "按规格推导：{what}为{}",
                    base.unwrap_or("不明")
                )?;
                if *internal {
                    f.write_str("，内设机构正职低一级")?;
                }
                if *deputy {
                    f.write_str("，副职（或常委）低半级")?;
                }
                Ok(())
            }
            Note::DependsOn { title, on } => {
                write!(
                    f,
                    "{title}的层次取决于{on}，字符串没有说明（可用 rankinfo show {title} 查看各种情况）"
                )
            }
            Note::SharedName {
                name,
                places,
                agree,
            } => {
                let list: Vec<String> = places
                    .iter()
                    .map(|(parent, p)| format!("{parent}{p}"))
                    .collect();
                write!(f, "{name}有{}处：{}；", places.len(), list.join("、"))?;
                f.write_str(if *agree {
                    "各处层次相同"
                } else {
                    "各处规格不同，层次无法确定"
                })
            }
            Note::Often(level) => write!(f, "任职者常高配为{level}（个人，不是职位规格）"),
            Note::Nominal(level) => write!(f, "名义上为{level}"),
        }
    }
}
