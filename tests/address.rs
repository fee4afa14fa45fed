//! Forms of address: every case of tests/data/address_cases.toml (written
//! from forms_of_address.md independently of data/address.toml), one test per
//! rule, and the real binary.

use common::{json, run, stdout};
use rankinfo::address::{Address, Person, TitleKind};
use rankinfo::builtin;
use rankinfo::schema::Strength;
use serde::Deserialize;

mod common;

// ───────────────────────── the oracle table ─────────────────────────

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    title: String,
    surname: String,
    given_name: Option<String>,
    #[serde(default)]
    same_surname_as_head: bool,
    oral: Option<String>,
    /// `""` means no short form.
    oral_short: Option<String>,
    written: Option<String>,
    introduce: Option<String>,
    english: Option<String>,
    /// The English title for writing and name cards; `""` means none.
    english_title: Option<String>,
    /// The leadership post a 职级 holder held before.
    former: Option<String>,
    warnings_contain: Vec<String>,
    /// Substrings no warning may contain (debug sentences, other titles'
    /// forms).
    #[serde(default)]
    warnings_lack: Vec<String>,
    avoid_contain: Vec<String>,
    why: String,
}

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

fn person(c: &Case) -> Person {
    Person {
        surname: Some(c.surname.clone()).filter(|s| !s.is_empty()),
        given_name: c.given_name.clone(),
        same_surname_as_head: c.same_surname_as_head,
        former_title: c.former.clone(),
    }
}

/// Every mismatch of one case, so that a failing run lists them all.
fn mismatches(c: &Case, a: &Address<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, want: &Option<String>, got: Option<&str>| {
        if let Some(want) = want {
            let want = Some(want.as_str()).filter(|w| !w.is_empty() || field != "oral_short");
            if want != got {
                out.push(format!("{field}: want {want:?}, got {got:?}"));
            }
        }
    };
    check("oral", &c.oral, Some(&a.oral));
    check("oral_short", &c.oral_short, a.oral_short.as_deref());
    check("written", &c.written, Some(&a.written));
    check("introduce", &c.introduce, Some(&a.introduce));
    check("english", &c.english, Some(&a.english));
    if let Some(want) = &c.english_title {
        let got = a.english_title.as_deref().unwrap_or("");
        if want != got {
            out.push(format!("english_title: want {want:?}, got {got:?}"));
        }
    }
    for w in &c.warnings_lack {
        if a.warnings.iter().any(|x| x.contains(w.as_str())) {
            out.push(format!("warnings contain {w:?}: {:?}", a.warnings));
        }
    }
    // Issue 8: never a placeholder face to face.
    if a.oral.contains('×') {
        out.push(format!("oral has a placeholder: {}", a.oral));
    }
    for w in &c.warnings_contain {
        if !a.warnings.iter().any(|x| x.contains(w.as_str())) {
            out.push(format!("warnings lack {w:?}: {:?}", a.warnings));
        }
    }
    for f in &c.avoid_contain {
        if !a.avoid.iter().any(|x| &x.form == f) {
            let forms: Vec<&str> = a.avoid.iter().map(|x| x.form.as_str()).collect();
            out.push(format!("avoid lacks {f:?}: {forms:?}"));
        }
    }
    out
}

#[test]
fn every_oracle_case() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/address_cases.toml"
    ))
    .unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    assert!(cases.case.len() >= 60, "{} cases", cases.case.len());
    let data = builtin();
    let mut failures = Vec::new();
    for c in &cases.case {
        let label = format!(
            "{} {} {:?}{}",
            c.title,
            c.surname,
            c.given_name,
            if c.same_surname_as_head {
                " 同姓"
            } else {
                ""
            }
        );
        match data.address(&c.title, &person(c)) {
            Ok(a) => {
                for m in mismatches(c, &a) {
                    failures.push(format!("{label}: {m}  [{}]", c.why));
                }
            }
            Err(e) => failures.push(format!("{label}: error {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ───────────────────────── one test per rule ─────────────────────────

fn addr(title: &str, person: &Person) -> Address<'static> {
    builtin()
        .address(title, person)
        .unwrap_or_else(|e| panic!("{title}: {e}"))
}

fn wang(title: &str) -> Address<'static> {
    addr(title, &Person::surnamed("王"))
}

fn avoids(a: &Address<'_>, form: &str) -> bool {
    a.avoid.iter().any(|x| x.form == form)
}

fn warns(a: &Address<'_>, text: &str) -> bool {
    a.warnings.iter().any(|w| w.contains(text))
}

#[test]
fn default_is_surname_and_full_title_and_x_without_a_surname() {
    let a = wang("处长");
    assert_eq!(a.oral, "王处长");
    assert_eq!(a.basis.oral.rule, "oral.default");
    assert_eq!(a.basis.oral.strength, Strength::Press);
    // No surname: 王 as the example, the template shown once, no ×.
    let a = addr("处长", &Person::default());
    assert_eq!(
        (a.oral.as_str(), a.oral_short.as_deref(), a.written.as_str()),
        ("王处长（姓 + 处长）", Some("王处"), "尊敬的王处长：")
    );
    assert_eq!(a.english, "Director Wang");
    assert_eq!(a.example_surname, Some("王"));
    assert_eq!(wang("处长").example_surname, None);
    // Blank names count as unknown.
    let blank = Person {
        surname: Some("  ".into()),
        given_name: Some(String::new()),
        same_surname_as_head: false,
        former_title: None,
    };
    assert_eq!(addr("处长", &blank).oral, "王处长（姓 + 处长）");
}

#[test]
fn short_forms_only_where_sourced() {
    for (title, short) in [
        ("局长", "王局"),
        ("厅长", "王厅"),
        ("处长", "王处"),
        ("院长", "王院"),
        ("检察长", "王检"),
        ("县长", "王县"),
        ("科长", "王科"),
    ] {
        assert_eq!(wang(title).oral_short.as_deref(), Some(short), "{title}");
    }
    // 科长 and 县长 short forms rest on weak sources: said so.
    assert_eq!(
        wang("科长").basis.oral_short.unwrap().strength,
        Strength::Weak
    );
    // 王司 and 王部 are unconfirmed: not offered, but mentioned.
    for title in ["司长", "部长"] {
        let a = wang(title);
        assert_eq!(a.oral_short, None, "{title}");
        assert!(
            a.notes
                .iter()
                .any(|n| n.strength == Strength::Unconfirmed && n.text.contains("未见来源")),
            "{title}: {:?}",
            a.notes
        );
    }
    // No short form: 书记, 主任, 市长, 省长.
    for title in ["书记", "主任", "市长", "省长"] {
        let a = wang(title);
        assert_eq!(a.oral_short, None, "{title}");
        assert!(a.notes.iter().any(|n| n.text.starts_with(title)), "{title}");
    }
}

#[test]
fn deputies_drop_fu_orally_and_keep_it_in_writing() {
    let a = addr("副局长", &Person::surnamed("王").with_given_name("晓明"));
    assert!(a.deputy);
    assert_eq!(a.oral, "王局长");
    assert_eq!(a.basis.oral.rule, "oral.deputy_drop_fu");
    assert_eq!(a.written, "尊敬的王副局长：");
    assert_eq!(a.introduce, "这位是王晓明副局长");
    assert_eq!(a.english, "Director Wang");
    assert_eq!(
        a.english_title.as_deref(),
        Some("Deputy Director (of the Bureau)")
    );
    // Given name + title is offered, for later.
    assert!(a.oral_alternatives.iter().any(|x| x.form == "晓明局长"));
    let notes: Vec<&str> = a.notes.iter().map(|n| n.text.as_str()).collect();
    assert!(notes.iter().any(|n| n.contains("席卡")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("Deputy")), "{notes:?}");
    // 常务副职: 王县长, and 王常务 only as an unconfirmed alternative.
    let a = wang("常务副县长");
    assert_eq!(a.oral, "王县长");
    assert_eq!(a.written, "尊敬的王常务副县长：");
    let alt = a
        .oral_alternatives
        .iter()
        .find(|x| x.form == "王常务")
        .unwrap();
    assert_eq!(alt.strength, Strength::Unconfirmed);
    // An alias is kept: a 副镇长 is 王镇长, not 王乡长.
    assert_eq!(wang("副镇长").oral, "王镇长");
}

#[test]
fn same_surname_as_head_uses_the_given_name() {
    let p = Person::surnamed("李")
        .with_given_name("晓明")
        .with_head_of_same_surname();
    let a = addr("副局长", &p);
    assert_eq!(a.oral, "晓明局长");
    assert_eq!(a.oral_short, None);
    assert!(avoids(&a, "李局"));
    assert_eq!(a.basis.oral.rule, "oral.deputy_same_surname");
    // Without the given name: ask for it.
    let a = addr(
        "副局长",
        &Person::surnamed("李").with_head_of_same_surname(),
    );
    assert_eq!(a.oral, "名 + 局长");
    assert!(warns(&a, "名"));
    // The head himself, a 职级 holder, a military deputy: not applicable.
    for title in ["局长", "调研员", "副政委"] {
        let a = addr(title, &Person::surnamed("李").with_head_of_same_surname());
        assert!(!a.oral.contains("××"), "{title}: {}", a.oral);
        assert!(!a.warnings.is_empty(), "{title}");
    }
}

#[test]
fn surnames_that_sound_like_fu_use_the_given_name() {
    for s in ["傅", "付", "符"] {
        let a = addr("副处长", &Person::surnamed(s).with_given_name("海涛"));
        assert_eq!(a.oral, "海涛处长", "{s}");
        assert_eq!(a.oral_short, None, "{s}");
        assert!(avoids(&a, &format!("{s}处")), "{s}");
        assert!(avoids(&a, &format!("{s}处长")), "{s}");
        assert!(warns(&a, s) && warns(&a, "名 + 职务"), "{s}");
        assert_eq!(a.basis.oral.rule, format!("surname_pitfall:{s}"));
        // Writing is not affected: the characters differ.
        assert_eq!(a.written, format!("尊敬的{s}副处长："));
    }
    // Without the given name: ask for it, and introduce by full name.
    let a = addr("局长", &Person::surnamed("傅"));
    assert_eq!(a.oral, "名 + 局长");
    assert_eq!(a.introduce, "这位是傅××局长");
    assert!(warns(&a, "问清对方的名"));
}

#[test]
fn jia_avoids_surname_and_title_and_dai_only_warns() {
    let a = addr("局长", &Person::surnamed("贾").with_given_name("建国"));
    assert!(avoids(&a, "贾局长") && avoids(&a, "贾局"));
    assert_eq!(a.oral, "建国局长");
    assert!(warns(&a, "假"));
    // Without the given name, 贾 may use the bare title (傅 may not).
    let a = addr("书记", &Person::surnamed("贾"));
    assert_eq!(a.oral, "书记");
    assert!(avoids(&a, "贾书记") && !warns(&a, "问清"));
    // 戴: listed by S1 but the reading is unconfirmed — warn, change nothing.
    let a = addr("局长", &Person::surnamed("戴").with_given_name("建国"));
    assert_eq!(a.oral, "戴局长");
    assert_eq!(a.oral_short.as_deref(), Some("戴局"));
    assert!(warns(&a, "戴") && warns(&a, "未经证实"));
    assert!(!avoids(&a, "戴局长"));
}

#[test]
fn fan_ju_and_shi_ke_keep_the_full_title() {
    let a = addr("局长", &Person::surnamed("范"));
    assert_eq!((a.oral.as_str(), a.oral_short.as_deref()), ("范局长", None));
    assert!(avoids(&a, "范局") && warns(&a, "饭局"));
    let a = addr("副局长", &Person::surnamed("范"));
    assert_eq!((a.oral.as_str(), a.oral_short.as_deref()), ("范局长", None));
    let a = addr("科长", &Person::surnamed("史"));
    assert_eq!((a.oral.as_str(), a.oral_short.as_deref()), ("史科长", None));
    // Only those pairs.
    assert_eq!(
        addr("处长", &Person::surnamed("范")).oral_short.as_deref(),
        Some("范处")
    );
    assert_eq!(
        addr("局长", &Person::surnamed("史")).oral_short.as_deref(),
        Some("史局")
    );
    // The same pitfalls reach the forms used for 职级 holders.
    let a = addr("巡视员", &Person::surnamed("范"));
    assert_eq!(a.oral, "范局长");
    assert!(avoids(&a, "范局"));
    let a = addr("主任科员", &Person::surnamed("史"));
    assert_eq!((a.oral.as_str(), a.oral_short.as_deref()), ("史科长", None));
    assert!(avoids(&a, "史科"));
}

#[test]
fn deputies_named_xi_gu_zu_shu_yue_avoid_surname_plus_fu() {
    for s in ["席", "辜", "祖", "舒", "岳"] {
        let a = addr("副局长", &Person::surnamed(s));
        assert_eq!(a.oral, format!("{s}局长"));
        assert!(avoids(&a, &format!("{s}副")), "{s}");
        assert!(warns(&a, s), "{s}");
        let head = addr("局长", &Person::surnamed(s));
        assert!(!avoids(&head, &format!("{s}副")), "{s} 正职");
        assert!(head.warnings.is_empty(), "{s}: {:?}", head.warnings);
    }
}

#[test]
fn rank_holders_without_a_post() {
    let a = wang("巡视员");
    assert_eq!(a.kind, TitleKind::LegacyRank);
    assert_eq!(a.oral, "王局");
    assert!(a.oral_alternatives.iter().any(|x| x.form == "王厅"));
    assert!(avoids(&a, "王巡视员"));
    assert!(a.notes.iter().any(|n| n.text.contains("套转为一级巡视员")));
    let a = wang("调研员");
    assert_eq!(a.oral, "王处");
    assert!(a.oral_alternatives.iter().any(|x| x.form == "王调"));
    assert!(avoids(&a, "王调研员"));
    let a = wang("主任科员");
    assert_eq!(
        (a.oral.as_str(), a.oral_short.as_deref()),
        ("王科长", Some("王科"))
    );
    assert!(a.oral_alternatives.iter().any(|x| x.form == "王主任"));
    let a = wang("科员");
    assert_eq!(a.oral, "王老师");
    assert!(avoids(&a, "小王") && avoids(&a, "师傅"));
    // 老师 is right for a 科员: the warning about 老师 is for post holders.
    assert!(!a.avoid.iter().any(|x| x.form.starts_with("老师")));
    assert!(
        wang("局长")
            .avoid
            .iter()
            .any(|x| x.form.starts_with("老师"))
    );
    // Pre-2019 names the reference treats directly are not extrapolations.
    for t in ["巡视员", "调研员", "主任科员", "科员"] {
        assert!(!warns(&wang(t), "未经证实"), "{t}");
    }
}

#[test]
fn post_2019_and_other_sequences_are_marked_unconfirmed() {
    for (title, oral) in [
        ("一级巡视员", "王局"),
        ("二级巡视员", "王局"),
        ("三级调研员", "王处"),
        ("二级主任科员", "王科长"),
        ("二级科员", "王老师"),
        ("副调研员", "王处"),
    ] {
        let a = wang(title);
        assert_eq!(a.kind == TitleKind::Rank, !title.starts_with('副'));
        assert_eq!(a.oral, oral, "{title}");
        assert_eq!(a.basis.oral.strength, Strength::Unconfirmed, "{title}");
        assert!(warns(&a, "未经证实"), "{title}");
    }
    // 专业技术类 / 行政执法类: through the 综合管理类 equivalent.
    let a = wang("一级高级主管");
    assert_eq!(a.oral, "王处");
    assert!(warns(&a, "一级调研员"));
    assert_eq!(a.written, "尊敬的王××同志：");
    assert_eq!(a.introduce, "这位是××局一级高级主管王××");
    let a = wang("督办");
    assert_eq!(a.oral, "王局");
    assert!(warns(&a, "行政执法类"));
}

#[test]
fn pitfall_surnames_reach_rank_forms_too() {
    let a = addr("调研员", &Person::surnamed("傅").with_given_name("建国"));
    assert_eq!(a.oral, "建国处长");
    assert!(avoids(&a, "傅处") && avoids(&a, "傅调"));
    assert!(a.oral_alternatives.is_empty());
    // 老师 does not carry the pun.
    assert_eq!(addr("科员", &Person::surnamed("傅")).oral, "傅老师");
}

#[test]
fn military_titles_keep_fu() {
    let a = addr("副政委", &Person::surnamed("何"));
    assert_eq!(a.kind, TitleKind::Military);
    assert_eq!(a.oral, "何副政委");
    assert_eq!(a.oral_short, None);
    assert!(avoids(&a, "何政委"));
    assert_eq!(a.basis.oral.rule, "oral.military_keep_fu");
    assert_eq!(wang("政治委员").oral, "王政治委员");
    assert_eq!(wang("副司令员").oral, "王副司令员");
}

#[test]
fn forbidden_words_are_always_listed() {
    let a = wang("处长");
    for w in ["老板", "老大", "哥们", "兄弟", "首长", "师傅", "小王"] {
        let x = a.avoid.iter().find(|x| x.form == w).unwrap();
        assert!(x.general && !x.why.is_empty(), "{w}");
    }
    // "Comrade" is wrong for every official: a general word too.
    assert!(
        a.avoid
            .iter()
            .any(|x| x.form == "Comrade Wang" && x.general)
    );
    // The items for this title and person come first.
    let a = addr("局长", &Person::surnamed("傅").with_given_name("建国"));
    let first_general = a.avoid.iter().position(|x| x.general).unwrap();
    assert!(first_general > 0, "{:?}", a.avoid);
    assert!(a.avoid[first_general..].iter().all(|x| x.general));
    assert!(a.avoid[..first_general].iter().any(|x| x.form == "傅局"));
    // A plain title has no specific item: no word of the general list is
    // marked as specific.
    assert!(wang("处长").avoid.iter().all(|x| x.general));
}

#[test]
fn english_forms() {
    for (title, surname, english) in [
        ("司长", "王", "Director-General Wang"),
        ("副司长", "王", "Director-General Wang"),
        ("副省长", "李", "Governor Li"),
        ("副部长", "王", "Minister Wang"),
        ("部长助理", "王", "Minister Wang"),
        ("国家委员会主任", "王", "Minister Wang"),
        ("县长", "欧阳", "Mr./Ms. Ouyang"),
        ("科长", "单", "Section Chief Shan"),
        ("调研员", "王", "Mr./Ms. Wang"),
        ("院长", "王", "Mr./Ms. Wang"),
    ] {
        assert_eq!(
            addr(title, &Person::surnamed(surname)).english,
            english,
            "{title}"
        );
    }
    assert_eq!(
        wang("副省长").english_title.as_deref(),
        Some("Vice Governor")
    );
    // A surname not in the table: kept in Chinese, with a warning.
    let a = addr("局长", &Person::surnamed("𠀀"));
    assert_eq!(a.english, "Director 𠀀");
    assert!(warns(&a, "拼音"));
}

#[test]
fn how_titles_are_read() {
    let a = wang("县委书记");
    assert_eq!((a.title.as_str(), a.oral.as_str()), ("书记", "王书记"));
    // How the title was read is the program's reasoning: not a warning.
    assert!(a.reading.as_deref().is_some_and(|r| r.contains("县委书记")));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    let a = wang("市公安局副局长");
    assert_eq!(
        (a.oral.as_str(), a.written.as_str()),
        ("王局长", "尊敬的王副局长：")
    );
    let a = wang("副检察长");
    assert!(a.deputy);
    assert_eq!(a.oral_short.as_deref(), Some("王检"));
    // A deputy title not in the data is read as 副 + the head's title, with a warning.
    let a = wang("副校长");
    assert!(a.deputy && a.reading.as_deref().is_some_and(|r| r.contains("校长")));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    assert_eq!(wang("副总经理").oral_short.as_deref(), Some("王总"));
    assert_eq!(wang("Governor").oral, "王省长");
    assert_eq!(wang("国务院总理").oral, "王总理");
    assert_eq!(wang("总工程师").oral_short.as_deref(), Some("王总工"));
    assert_eq!(wang("总工").oral, "王总工"); // the word the user chose
}

#[test]
fn levels_unknown_and_ambiguous_names_are_errors() {
    use rankinfo::LookupError;
    let data = builtin();
    match data.address("正处级", &Person::default()) {
        Err(LookupError::NotATitle {
            level, suggestions, ..
        }) => {
            assert_eq!(level, "县处级正职");
            assert!(suggestions.iter().any(|s| s == "处长"), "{suggestions:?}");
        }
        other => panic!("{other:?}"),
    }
    // The same did-you-mean error as lookup.
    assert_eq!(
        data.address("调研猿", &Person::default()).unwrap_err(),
        data.lookup("调研猿").unwrap_err()
    );
    assert!(matches!(
        data.address("Director-General", &Person::default()),
        Err(LookupError::Ambiguous { .. })
    ));
}

#[test]
fn strange_input_never_panics() {
    let data = builtin();
    let long = "长".repeat(10_000);
    let inputs = [
        "",
        " ",
        "副",
        "常务",
        "常务副",
        "副副",
        "级",
        "×",
        "🙂",
        "ＡＢＣ",
        &long,
    ];
    // A miss computes suggestions: try the long title once, not per name.
    let _ = data.address(&long, &Person::surnamed(&long));
    for title in inputs[..10].iter().chain(&[
        "局长",
        "副县长",
        "调研员",
        "一级巡视员",
        "副政委",
        "董事长",
        "市人民医院院长",
    ]) {
        for name in &inputs {
            let p = Person {
                surname: Some(name.to_string()),
                given_name: Some(name.to_string()),
                same_surname_as_head: true,
                former_title: Some(name.to_string()),
            };
            let _ = data.address(title, &p);
            let _ = data.brief(title, &p);
        }
    }
}

#[test]
fn every_form_has_a_basis_and_real_sources() {
    let data = builtin();
    let ids: Vec<&str> = data.address.sources.iter().map(|s| &*s.id).collect();
    for title in [
        "局长",
        "副局长",
        "书记",
        "调研员",
        "一级科员",
        "副政委",
        "总经理",
    ] {
        let a = data
            .address(title, &Person::surnamed("王").with_given_name("建国"))
            .unwrap();
        for b in [
            &a.basis.oral,
            &a.basis.written,
            &a.basis.introduce,
            &a.basis.english,
        ] {
            assert!(!b.rule.is_empty(), "{title}");
        }
        assert_eq!(a.oral_short.is_some(), a.basis.oral_short.is_some());
        assert!(!a.sources.is_empty());
        for s in &a.sources {
            assert!(ids.contains(s), "{title}: {s}");
        }
    }
}

#[test]
fn json_field_names_are_the_contract() {
    let a = wang("副局长");
    let v = serde_json::to_value(&a).unwrap();
    for key in [
        "input",
        "title",
        "kind",
        "deputy",
        "oral",
        "oral_short",
        "oral_alternatives",
        "written",
        "introduce",
        "english",
        "english_title",
        "basis",
        "avoid",
        "warnings",
        "notes",
        "sources",
        // Added by issue 8.
        "certainty",
        "reading",
        "sector",
        "example_surname",
        "head_present",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["sector"], "civil_service");
    assert_eq!(v["head_present"]["introduce"], "这位是王副局长");
    assert_eq!(v["kind"], "post");
    assert_eq!(v["basis"]["oral"]["rule"], "oral.deputy_drop_fu");
    assert_eq!(v["basis"]["oral"]["strength"], "press");
    assert_eq!(v["basis"]["written"]["strength"], "weak");
    let avoid = &v["avoid"][0];
    for key in ["form", "why", "strength", "general"] {
        assert!(avoid.get(key).is_some(), "avoid.{key}");
    }
    assert!(serde_json::to_value(wang("书记")).unwrap()["oral_short"].is_null());
}

// ───────────────────────── data: run-time copy and checks ─────────────────────────

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Load the data files at run time with `ranks` and `address` texts as given.
fn load_with(ranks: &str, address: &str) -> Result<rankinfo::Dataset, rankinfo::DataErrors> {
    let (o, p) = (read("data/organisations.toml"), read("data/places.toml"));
    rankinfo::Dataset::from_toml(
        ("ranks.toml", ranks),
        ("organisations.toml", &o),
        ("places.toml", &p),
        ("address.toml", address),
    )
}

#[test]
fn runtime_loading_reads_the_same_address_data_as_the_baked_copy() {
    let ranks = read("data/ranks.toml");
    let address = read("data/address.toml");
    let loaded = load_with(&ranks, &address).unwrap();
    assert_eq!(loaded.address, builtin().address);
    assert_eq!(loaded.ranks, builtin().ranks);
    assert_eq!(
        loaded
            .address("副局长", &Person::surnamed("王"))
            .unwrap()
            .oral,
        "王局长"
    );
}

#[test]
fn bad_address_data_is_reported() {
    let ranks = read("data/ranks.toml");
    let good = read("data/address.toml");
    let load = |address: &str| load_with(&ranks, address).unwrap_err();
    // A TOML error is placed.
    let errs = load("[[rule]]\nid = 3\n");
    assert_eq!((errs[0].file.as_str(), errs[0].line), ("address.toml", 2));
    // Broken references are all listed.
    let bad = good
        .replacen(
            "sources = [\"address:S1\"]",
            "sources = [\"address:S999\"]",
            1,
        )
        .replacen(
            "title = \"局长\"\nshort = \"局\"",
            "title = \"局座\"\nshort = \"局\"",
            1,
        )
        .replacen("id = \"oral.default\"", "id = \"oral.fallback\"", 1)
        .replacen("template = \"{姓}{职务}\"", "template = \"{姓}{职称}\"", 1)
        .replacen(
            "applies_to = [\"科员\", \"办事员\"]",
            "applies_to = [\"科员\"]",
            1,
        )
        .replacen(
            "without_given_name = \"oral.title_only\"",
            "without_given_name = \"oral.given_name\"",
            1,
        )
        .replacen(
            "english = \"County Magistrate\"",
            "english = \"County Head\"",
            1,
        )
        .replacen("at = [\"省\",", "at = [\"某地\",", 1);
    let messages: Vec<String> = load(&bad).into_iter().map(|e| e.message).collect();
    let all = messages.join("\n");
    for want in [
        "address:S999",
        "局座",
        "rule oral.default: missing",
        "{职称}",
        "rank 办事员: no [[rank_address]]",
        "without_given_name `oral.given_name`",
        "english `County Head` differs from data/ranks.toml's `County Magistrate`",
        "unknown kind of organisation `某地`",
    ] {
        assert!(all.contains(want), "{want} not in:\n{all}");
    }
}

// ───────────────────────── brief ─────────────────────────

#[test]
fn brief_for_a_deputy_with_context_dependent_level() {
    let data = builtin();
    let b = data.brief("副局长", &Person::surnamed("王")).unwrap();
    let s = b.summary.as_ref().unwrap();
    assert_eq!(s.level, None, "depends on the organisation");
    assert_eq!(s.cases.len(), 10);
    assert_eq!(b.line_authority, Some(true));
    assert_eq!(b.reporting.len(), 10);
    let city = b.reporting.iter().find(|r| r.at == Some("地级市")).unwrap();
    assert_eq!(city.level, Some("县处级副职"));
    assert_eq!(city.grade.map(|g| (g.highest, g.lowest)), Some((14, 20)));
    assert_eq!(city.reports_to[0].who, "局长");
    assert_eq!(city.reports_to[0].level, Some("县处级正职"));
    assert_eq!(city.oversees[0].level, Some("乡科级正职"));
    assert_eq!(b.address.oral, "王局长");
    assert_eq!(b.weakest, Strength::Weak);
    assert!(
        b.sources
            .iter()
            .any(|s| s.id == "address:S1" && s.grade == "press")
    );
    assert!(b.sources.iter().any(|s| s.id.starts_with("titles:")));
}

#[test]
fn brief_for_a_head_and_a_county_party_secretary() {
    let data = builtin();
    let b = data.brief("县长", &Person::surnamed("李")).unwrap();
    let r = &b.reporting[0];
    assert_eq!(r.level, Some("县处级正职"));
    assert!(r.reports_to.iter().any(|l| l.who.contains("一把手")));
    let whos: Vec<&str> = r.oversees.iter().map(|l| l.who.as_str()).collect();
    assert_eq!(whos, ["副县长", "下属机构负责人"]);
    assert_eq!(r.oversees[0].level, Some("县处级副职"));
    assert_eq!(r.oversees[1].level, Some("乡科级正职"));
    assert!(b.notes.iter().any(|n| n.text.contains("一把手")));
    // Upward links are floors; unit heads a full level below only under a
    // 正职-level head (a 副厅级 bureau's divisions are not reliably 副处).
    assert!(r.reports_to[0].or_higher);
    let b = data.brief("局长", &Person::surnamed("王")).unwrap();
    let at = |ctx: &str| b.reporting.iter().find(|r| r.at == Some(ctx)).unwrap();
    assert_eq!(at("地级市").oversees[1].level, Some("乡科级正职"));
    assert_eq!(at("副省级市").oversees[1].level, None);
    assert_eq!(
        at("副省级市").oversees[0].level,
        Some("县处级正职"),
        "副局长 from the data"
    );
    assert_eq!(at("县").oversees[1].who, "一般工作人员");
    // 县委书记: only the 县 case.
    let b = data.brief("县委书记", &Person::surnamed("王")).unwrap();
    let s = b.summary.as_ref().unwrap();
    assert_eq!(s.cases.len(), 1);
    assert_eq!(s.cases[0].at, "县");
    assert_eq!(b.reporting.len(), 1);
    assert_eq!(b.reporting[0].reports_to[0].who, "上级党委");
}

#[test]
fn brief_for_ranks_and_titles_outside_the_level_data() {
    let data = builtin();
    let b = data.brief("二级巡视员", &Person::surnamed("王")).unwrap();
    assert_eq!(b.line_authority, Some(false));
    assert_eq!(b.reporting[0].level, Some("厅局级副职"));
    assert!(b.reporting[0].oversees.is_empty());
    assert_eq!(b.weakest, Strength::Unconfirmed);
    let b = data.brief("总经理", &Person::surnamed("王")).unwrap();
    assert!(b.summary.is_none() && b.reporting.is_empty());
    assert_eq!(b.line_authority, None);
    assert_eq!(b.address.oral_short.as_deref(), Some("王总"));
    let b = data.brief("副校长", &Person::surnamed("王")).unwrap();
    assert!(b.summary.is_none());
    assert_eq!(b.line_authority, Some(true));
    assert!(b.reporting.iter().all(|r| r.reports_to[0].who == "校长"));
    assert!(data.brief("正处", &Person::default()).is_err());
}

// ───────────────────────── the binary ─────────────────────────

#[test]
fn cli_deputy_director_wang() {
    let o = run(&["address", "副局长", "--surname", "王"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let line = |label: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label} in\n{text}"))
            .to_string()
    };
    assert!(line("当面").contains("王局长"), "{text}");
    assert!(line("书面").contains("尊敬的王副局长："), "{text}");
    assert!(line("介绍").contains("这位是王副局长"), "{text}");
    assert!(line("英文").contains("Director Wang"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");

    let v = json(&["address", "副局长", "--surname", "王"]);
    assert_eq!(v["oral"], "王局长");
    assert_eq!(v["oral_short"], "王局");
    assert_eq!(v["written"], "尊敬的王副局长：");
    assert_eq!(v["introduce"], "这位是王副局长");
    assert_eq!(v["english"], "Director Wang");
    assert!(v["avoid"].is_array() && v["warnings"].is_array());
    assert!(
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "address:S1")
    );
}

#[test]
fn cli_fu_warns_and_suggests_the_given_name() {
    let args = ["address", "局长", "--surname", "傅", "--given-name", "建国"];
    let text = stdout(&run(&args));
    assert!(text.contains("建国局长"), "{text}");
    assert!(text.contains("姓“傅”"), "{text}");
    let v = json(&args);
    assert_eq!(v["oral"], "建国局长");
    assert!(v["oral_short"].is_null());
    assert!(v["warnings"][0].as_str().unwrap().contains('傅'));
    assert!(
        v["avoid"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["form"] == "傅局")
    );
}

#[test]
fn cli_same_surname_flag_and_templates() {
    let v = json(&[
        "address",
        "副局长",
        "--surname",
        "李",
        "--given-name",
        "晓明",
        "--same-surname-as-head",
    ]);
    assert_eq!(v["oral"], "晓明局长");
    let v = json(&["address", "调研员"]);
    assert_eq!(v["oral"], "王处（姓 + 处）");
}

#[test]
fn cli_unknown_title_and_level_exit_1_with_suggestions() {
    let o = run(&["address", "调研猿", "--surname", "王"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("调研员"));
    let o = run(&["address", "调研猿", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"], "unknown");
    assert!(
        v["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "调研员")
    );
    let o = run(&["brief", "正处级", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"], "not_a_title");
    assert_eq!(v["level"], "县处级正职");
    assert_eq!(run(&["address"]).status.code(), Some(2));
    assert_eq!(run(&["brief", "处长", "--surname"]).status.code(), Some(2));
}

#[test]
fn cli_brief() {
    let o = run(&["brief", "副处长", "--surname", "李"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for want in [
        "李处长",
        "县处级副职",
        "级别14–20",
        "领导职务",
        "尊敬的李副处长：",
        "通常",
        "来源",
    ] {
        assert!(text.contains(want), "{want} in\n{text}");
    }
    assert!(text.lines().count() < 45, "one screen:\n{text}");
    let v = json(&["brief", "副处长", "--surname", "李"]);
    assert_eq!(v["address"]["oral"], "李处长");
    assert_eq!(v["summary"]["level"], "县处级副职");
    assert_eq!(v["line_authority"], true);
    assert_eq!(v["reporting"][0]["reports_to"][0]["who"], "处长");
    assert_eq!(v["weakest"], "weak");
    assert!(v["sources"][0]["grade"].is_string());
    let v = json(&["brief", "二级巡视员"]);
    assert_eq!(v["line_authority"], false);
    let o = run(&["brief", "局长", "--surname", "王", "--color", "always"]);
    assert!(stdout(&o).contains('\x1b'));
}

#[test]
fn cli_strange_input_never_panics() {
    for input in ["", " ", "副", "🙂", &"长".repeat(10_000)] {
        for cmd in ["address", "brief"] {
            let o = run(&[
                cmd,
                input,
                "--surname",
                input,
                "--given-name",
                input,
                "--former",
                input,
            ]);
            assert!(matches!(o.status.code(), Some(0 | 1)), "{cmd} {input:?}");
            assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
        }
    }
}

// ───────────────────────── issue 8: reading, certainty ─────────────────────────

#[test]
fn no_debug_sentence_in_warnings() {
    let data = builtin();
    for title in [
        "深圳市南山区区长",
        "副检察长",
        "县委书记",
        "常务副县长",
        "市公安局副局长",
        "县委副书记、县长",
    ] {
        let a = data.address(title, &Person::surnamed("王")).unwrap();
        for w in &a.warnings {
            assert!(
                !w.contains("未收录") && !w.contains("处理") && !w.contains("视为单位"),
                "{title}: {w}"
            );
        }
        let b = data.brief(title, &Person::surnamed("王")).unwrap();
        assert!(
            b.address.warnings.iter().all(|w| !w.contains("未收录")),
            "{title}: {:?}",
            b.address.warnings
        );
    }
    // The reading is kept, in its own field.
    let a = wang("深圳市南山区区长");
    assert!(a.reading.as_deref().is_some_and(|r| r.contains("区长")));
    assert!(wang("区长").reading.is_none());
}

#[test]
fn certainty_from_the_weakest_form_or_the_reader() {
    use rankinfo::resolve::Certainty;
    // Written and introduction forms rest on weak sources: medium.
    assert_eq!(wang("局长").certainty, Certainty::Medium);
    // A post-2019 职级: the forms are an unconfirmed extrapolation.
    assert_eq!(wang("一级调研员").certainty, Certainty::Low);
    // A full title: no surer than the reader.
    let data = builtin();
    let read = data.resolve("鼓楼区区长");
    let a = wang("鼓楼区区长");
    assert!(a.certainty >= read.confidence, "{:?}", a.certainty);
    let v = serde_json::to_value(wang("副局长")).unwrap();
    assert_eq!(v["certainty"], "medium");
    assert!(v.get("reading").is_some());
}

// ───────────────────────── issue 8: forms that fit the title ─────────────────────────

#[test]
fn pitfalls_name_the_titles_own_forms() {
    // A 副县长 surnamed 付: 付县长 and 付县, never 付局.
    let a = addr("副县长", &Person::surnamed("付"));
    let forms: Vec<&str> = a.avoid.iter().map(|x| x.form.as_str()).collect();
    assert!(
        forms.contains(&"付县长") && forms.contains(&"付县"),
        "{forms:?}"
    );
    for text in a
        .warnings
        .iter()
        .chain(a.avoid.iter().map(|x| &x.why))
        .chain(a.notes.iter().map(|n| &n.text))
    {
        assert!(!text.contains('局'), "{text}");
        assert!(!text.contains("建国"), "a made-up given name: {text}");
    }
    assert!(
        warns(&a, "“付县长”“付县”听着像“副县长”“副县”"),
        "{:?}",
        a.warnings
    );
    // No given name: 名 as the placeholder face to face, ×× in the introduction.
    assert_eq!(a.oral, "名 + 县长");
    assert_eq!(a.introduce, "这位是付××副县长");
    assert!(warns(&a, "名 + 县长"), "{:?}", a.warnings);
    // With the given name, the guidance names it.
    let a = addr("副县长", &Person::surnamed("傅").with_given_name("海涛"));
    assert_eq!(a.oral, "海涛县长");
    assert!(warns(&a, "名 + 职务（海涛县长）"), "{:?}", a.warnings);
    // 范: the short form of this title only.
    let a = addr("副局长", &Person::surnamed("范"));
    assert!(warns(&a, "“范局”听着像“饭局”") && warns(&a, "用全称：范局长"));
    // 祖 deputy: the title's own full form.
    let a = addr("副处长", &Person::surnamed("祖"));
    assert!(
        warns(&a, "祖处长") && !warns(&a, "祖局长"),
        "{:?}",
        a.warnings
    );
}

#[test]
fn short_form_advice_only_where_the_title_has_one() {
    let progression = |a: &Address<'_>| {
        a.notes
            .iter()
            .find(|n| n.text.contains("先用"))
            .map(|n| n.text.clone())
    };
    // 厅长: 张厅长 then 张厅 — not 王局长 / 王局.
    let a = addr("厅长", &Person::surnamed("张"));
    let text = progression(&a).unwrap();
    assert!(
        text.contains("先用张厅长") && text.contains("再用张厅"),
        "{text}"
    );
    assert!(!text.contains('局'), "{text}");
    // No short form: no such advice.
    for title in ["书记", "主任", "市长", "司长", "部长"] {
        assert_eq!(progression(&wang(title)), None, "{title}");
    }
}

#[test]
fn no_placeholder_in_any_face_to_face_form() {
    let data = builtin();
    let people = [
        Person::default(),
        Person::surnamed("付"),
        Person::surnamed("贾"),
        Person::surnamed("王").with_head_of_same_surname(),
        Person::surnamed("付").with_head_of_same_surname(),
    ];
    for title in [
        "副县长",
        "县长",
        "局长",
        "副局长",
        "书记",
        "调研员",
        "一级巡视员",
        "科员",
        "副政委",
        "总经理",
        "深圳市南山区区长",
    ] {
        for p in &people {
            let a = data.address(title, p).unwrap();
            let mut spoken = vec![a.oral.as_str(), a.english.as_str()];
            spoken.extend(a.oral_short.as_deref());
            spoken.extend(a.oral_alternatives.iter().map(|x| x.form.as_str()));
            spoken.extend(a.head_present.as_ref().map(|h| h.oral.as_str()));
            for f in spoken {
                assert!(!f.contains('×'), "{title} {p:?}: {f}");
                assert!(!f.contains("建国") && !f.contains("晓明"), "{title}: {f}");
            }
        }
    }
}

#[test]
fn deputies_when_the_head_is_in_the_room() {
    // The introduction keeps 副; conversation keeps the oral form.
    let a = addr("副县长", &Person::surnamed("王"));
    let h = a.head_present.as_ref().unwrap();
    assert_eq!(
        (h.oral.as_str(), h.introduce.as_str()),
        ("王县长", "这位是王副县长")
    );
    assert_eq!(h.strength, Strength::CommonPractice);
    assert!(
        a.notes
            .iter()
            .any(|n| n.text.contains("这位是王副县长") && n.text.contains("王县长")),
        "{:?}",
        a.notes
    );
    // English keeps Vice/Deputy with the superior present (S23).
    let h = addr("副省长", &Person::surnamed("李"))
        .head_present
        .unwrap();
    assert_eq!(h.english.as_deref(), Some("Vice Governor Li"));
    let h = addr("副司长", &Person::surnamed("王"))
        .head_present
        .unwrap();
    assert_eq!(h.english.as_deref(), Some("Deputy Director-General Wang"));
    // 付/傅/符: given name + title, which the head's presence does not spoil.
    for s in ["付", "傅", "符"] {
        let a = addr("副局长", &Person::surnamed(s).with_given_name("建国"));
        let h = a.head_present.unwrap();
        assert_eq!(h.oral, "建国局长", "{s}");
        assert_eq!(h.introduce, format!("这位是{s}建国副局长"));
    }
    // 贾 deputy: the bare title means the head, so 名 + 职务 (S1; §1.1 title only).
    let a = addr("副县长", &Person::surnamed("贾"));
    assert_eq!(a.oral, "名 + 县长");
    assert!(
        avoids(&a, "贾县长") && warns(&a, "一般指正职"),
        "{:?}",
        a.warnings
    );
    assert!(!warns(&a, "只称职务"), "{:?}", a.warnings);
    let a = addr("副县长", &Person::surnamed("贾").with_given_name("建国"));
    assert_eq!(a.head_present.unwrap().oral, "建国县长");
    // The 贾 head may still be called by the bare title.
    assert_eq!(addr("县长", &Person::surnamed("贾")).oral, "县长");
    // Same surname as the head: given name + title (S1), with the head present too.
    let p = Person::surnamed("李")
        .with_given_name("晓明")
        .with_head_of_same_surname();
    let a = addr("副县长", &p);
    assert_eq!(a.oral, "晓明县长");
    assert_eq!(a.head_present.unwrap().oral, "晓明县长");
    // Heads, ranks and military deputies have none.
    for t in ["县长", "调研员", "副政委"] {
        assert!(wang(t).head_present.is_none(), "{t}");
    }
}

#[test]
fn english_per_post_as_the_reference_gives_it() {
    let title = |t: &str| wang(t).english_title.unwrap_or_default();
    // 纪委书记: the Commission's secretary, never "Party Secretary".
    for (t, want) in [
        (
            "纪委书记",
            "Secretary of the … Commission for Discipline Inspection",
        ),
        (
            "县纪委书记",
            "Secretary of the County Commission for Discipline Inspection",
        ),
        (
            "市纪委书记",
            "Secretary of the Municipal Commission for Discipline Inspection",
        ),
        (
            "中央纪委书记",
            "Secretary of the CPC Central Commission for Discipline Inspection",
        ),
    ] {
        assert_eq!(title(t), want, "{t}");
        let a = wang(t);
        assert!(!a.english.contains("Party"), "{t}: {}", a.english);
        assert!(avoids(&a, "Party Secretary Wang"), "{t}");
    }
    // A territorial Party committee's secretary (titles_by_org §5).
    assert_eq!(
        title("县委书记"),
        "Secretary of the County Committee of the CPC"
    );
    assert_eq!(
        title("广东省委书记"),
        "Secretary of the Provincial Committee of the CPC"
    );
    assert_eq!(wang("县委书记").english, "Secretary Wang");
    // 人大常委会副主任 and 政协副主席.
    assert_eq!(
        title("县人大常委会副主任"),
        "Vice Chairman of the Standing Committee of the County People's Congress"
    );
    assert_eq!(
        title("人大常委会副主任"),
        "Vice Chairman of the Standing Committee of the … People's Congress"
    );
    assert_eq!(wang("县人大常委会副主任").english, "Chairman Wang");
    // Only the body right before the title: the 人大's office director is not its Chairman.
    assert_eq!(title("县人大常委会办公室主任"), "Director");
    assert_eq!(
        title("市政协副主席"),
        "Vice Chairman of the Municipal Committee of the CPPCC"
    );
    assert_eq!(
        title("政协副主席"),
        "Vice Chairman of the … Committee of the CPPCC"
    );
    // A Party 部长 is Head of the … Department, never Minister.
    for t in ["县委组织部部长", "市委宣传部部长", "市委常委、宣传部部长"] {
        let a = wang(t);
        let en = a.english_title.clone().unwrap_or_default();
        assert!(
            en.starts_with("Head of the") && !en.contains("Minister"),
            "{t}: {en}"
        );
        assert!(!a.english.contains("Minister"), "{t}: {}", a.english);
        assert!(avoids(&a, "Minister Wang"), "{t}");
    }
    // A State Council 部长 stays Minister.
    assert_eq!(wang("部长").english, "Minister Wang");
    // 县长 = County Magistrate, also as input.
    assert_eq!(title("县长"), "County Magistrate");
    assert_eq!(wang("County Magistrate").title, "县长");
    assert!(!wang("副县长").english.contains("County Head"));
}

#[test]
fn one_english_for_each_title_across_show_address_and_brief() {
    let data = builtin();
    for t in [
        "县长",
        "区长",
        "局长",
        "厅长",
        "处长",
        "副处长",
        "科长",
        "司长",
        "副司长",
        "省长",
        "副省长",
        "市长",
        "副市长",
        "书记",
        "主任",
        "部长",
        "副部长",
        "纪委书记",
        "巡视员",
        "调研员",
        "主任科员",
        "科员",
        "一级巡视员",
        "二级调研员",
    ] {
        let shown = data.summary(data.lookup(t).unwrap()).english;
        let a = wang(t);
        assert_eq!(a.english_title.as_deref(), shown, "{t}");
        let b = data.brief(t, &Person::surnamed("王")).unwrap();
        assert_eq!(b.address.english_title, a.english_title, "{t}");
        assert_eq!(b.summary.unwrap().english, shown, "{t}");
    }
    // The CLI: show finds 县长 by its English, and says it.
    let v = json(&["show", "County Magistrate"]);
    assert_eq!(
        (v["name"].as_str(), v["english"].as_str()),
        (Some("县长"), Some("County Magistrate"))
    );
    let v = json(&["brief", "深圳市南山区区长", "--surname", "王"]);
    assert_eq!(v["address"]["english_title"], v["summary"]["english"]);
}

#[test]
fn rank_holders_are_written_to_and_introduced_as_they_are_spoken_to() {
    for (t, oral) in [
        ("一级调研员", "王处"),
        ("二级巡视员", "王局"),
        ("调研员", "王处"),
        ("巡视员", "王局"),
        ("一级主任科员", "王科长"),
        ("主任科员", "王科长"),
    ] {
        let a = wang(t);
        assert_eq!(a.oral, oral, "{t}");
        assert_eq!(a.written, "尊敬的王××同志：", "{t}");
        assert_eq!(a.introduce, format!("这位是××局{t}王××"), "{t}");
        // Never introduce or write with a form the answer says not to say.
        for x in a.avoid.iter().filter(|x| !x.general) {
            assert!(
                !a.written.contains(&x.form),
                "{t}: {} in {}",
                x.form,
                a.written
            );
            assert!(
                !a.introduce.contains(&x.form),
                "{t}: {} in {}",
                x.form,
                a.introduce
            );
        }
        // Formal text keeps the 职级 with its level (§3).
        assert!(
            a.notes.iter().any(|n| n.text.contains(&format!("{t}王××"))),
            "{t}: {:?}",
            a.notes
        );
    }
    // The 同志 salutation is unconfirmed for an outsider (§5.4).
    assert_eq!(wang("调研员").basis.written.strength, Strength::Unconfirmed);
    // The unit, where the input names one; the given name, where known.
    let a = addr(
        "市发改委一级调研员",
        &Person::surnamed("王").with_given_name("建国"),
    );
    assert_eq!(a.introduce, "这位是市发改委一级调研员王建国");
    assert_eq!(a.written, "尊敬的王建国同志：");
    // 科员: 王××同志 as §3 gives it.
    assert_eq!(wang("科员").written, "尊敬的王××同志：");
}

#[test]
fn a_former_head_now_holding_a_rank_is_called_by_the_former_post() {
    // 巡视员: the previous leadership title (S3, S1: PRESS).
    let a = addr(
        "巡视员",
        &Person::surnamed("张").with_former_title("副厅长"),
    );
    assert_eq!(a.oral, "张厅长");
    assert_eq!(a.oral_short.as_deref(), Some("张厅"));
    assert_eq!(a.basis.oral.rule, "oral.former_post_zhiji");
    assert_eq!(a.basis.oral.strength, Strength::Press);
    assert!(a.oral_alternatives.iter().any(|x| x.form == "张局"));
    // A former 局长 now 一级调研员: 王局长 / 王局, the 职级's forms as
    // alternatives; post-2019, so unconfirmed.
    let a = addr(
        "一级调研员",
        &Person::surnamed("王").with_former_title("局长"),
    );
    assert_eq!(
        (a.oral.as_str(), a.oral_short.as_deref()),
        ("王局长", Some("王局"))
    );
    assert!(a.oral_alternatives.iter().any(|x| x.form == "王处"));
    assert_eq!(a.basis.oral.strength, Strength::Unconfirmed);
    assert!(avoids(&a, "王调研员"));
    // 调研员 (pre-2019): the general custom (S19, S2: weak).
    let a = addr("调研员", &Person::surnamed("王").with_former_title("处长"));
    assert_eq!(a.oral, "王处长");
    assert_eq!(a.basis.oral.strength, Strength::Weak);
    // Without the former post, the custom is a note.
    assert!(
        wang("一级调研员")
            .notes
            .iter()
            .any(|n| n.text.contains("原职务"))
    );
    // Surname pitfalls reach the former post's forms.
    let a = addr(
        "二级巡视员",
        &Person::surnamed("范").with_former_title("局长"),
    );
    assert!(avoids(&a, "范局") && a.oral_short.is_none());
    // A post holder is called by the post held now; a rank is not a former post.
    let a = addr("局长", &Person::surnamed("王").with_former_title("处长"));
    assert_eq!(a.oral, "王局长");
    assert!(warns(&a, "现任职务"));
    let a = addr(
        "一级调研员",
        &Person::surnamed("王").with_former_title("巡视员"),
    );
    assert_eq!(a.oral, "王处");
    assert!(warns(&a, "巡视员"));
    // The CLI flag.
    let v = json(&[
        "address",
        "一级调研员",
        "--surname",
        "王",
        "--former",
        "局长",
    ]);
    assert_eq!(v["oral"], "王局长");
}

#[test]
fn titles_outside_the_civil_service_get_a_helpful_answer() {
    use rankinfo::resolve::Sector;
    let data = builtin();
    let note = |a: &Address<'_>, text: &str| a.notes.iter().any(|n| n.text.contains(text));
    // A company: what it is, no level; 姓 + 职务 is not sourced for it.
    let a = wang("董事长");
    assert_eq!(
        (a.kind, a.sector),
        (TitleKind::Enterprise, Some(Sector::Enterprise))
    );
    assert_eq!(a.oral, "王董事长");
    assert_eq!(a.basis.oral.strength, Strength::Unconfirmed);
    assert!(note(&a, "没有公务员职务层次"), "{:?}", a.notes);
    assert_eq!(a.level, None);
    let a = wang("某某集团董事长");
    assert_eq!(
        (a.title.as_str(), a.introduce.as_str()),
        ("董事长", "这位是某某集团王董事长")
    );
    // A village: 王书记, no level.
    for t in ["村支书", "村党支部书记"] {
        let a = wang(t);
        assert_eq!(
            (a.kind, a.oral.as_str()),
            (TitleKind::Village, "王书记"),
            "{t}"
        );
        assert!(note(&a, "村干部不是公务员"), "{t}");
    }
    assert_eq!(wang("村主任").oral, "王主任");
    // A hospital's 院长: not the court's level or English.
    let a = wang("市人民医院院长");
    assert_eq!(a.kind, TitleKind::PublicInstitution);
    assert_eq!(a.sector, Some(Sector::PublicInstitution));
    assert_eq!((a.level, a.english_title.as_deref()), (None, None));
    assert!(note(&a, "不是公务员"), "{:?}", a.notes);
    let b = data
        .brief("市人民医院院长", &Person::surnamed("王"))
        .unwrap();
    assert!(b.summary.is_none() && b.reporting.is_empty());
    assert_eq!(b.line_authority, None);
    // A military rank: what it is; the form is unconfirmed.
    let a = wang("少将");
    assert_eq!(a.kind, TitleKind::Military);
    assert!(note(&a, "军衔"), "{:?}", a.notes);
    assert_eq!(a.basis.oral.strength, Strength::Unconfirmed);
    // A researcher: 王老师, as for experts (§5.5); 老师 is not a word to avoid here.
    let a = wang("研究员");
    assert_eq!(a.oral, "王老师");
    assert!(!a.avoid.iter().any(|x| x.form.starts_with("老师")));
    // 巡视组组长 is not the 职级 巡视员.
    for t in ["巡视组组长", "省委巡视组组长"] {
        let a = wang(t);
        assert_eq!(a.oral, "王组长", "{t}");
        assert!(note(&a, "不是职级“巡视员”"), "{t}");
    }
    assert_eq!(wang("省委巡视组组长").introduce, "这位是省委巡视组王组长");
    // The unit a title's full name carries, though the title is said without it.
    assert_eq!(wang("县纪委书记").introduce, "这位是县纪委王书记");
    // The CLI answers, exit 0.
    for t in ["董事长", "村支书", "少将", "巡视组组长", "市人民医院院长"] {
        let o = run(&["address", t, "--surname", "王"]);
        assert_eq!(o.status.code(), Some(0), "{t}");
        let o = run(&["brief", t, "--surname", "王"]);
        assert_eq!(o.status.code(), Some(0), "{t}");
    }
}

#[test]
fn a_party_deputy_head_of_department_is_not_a_vice_minister() {
    let a = addr("县委组织部副部长", &Person::surnamed("李"));
    let en = a.english_title.clone().unwrap_or_default();
    assert!(!en.contains("Minister"), "{en}");
    assert!(!a.english.contains("Minister"), "{}", a.english);
    assert!(avoids(&a, "Minister Li"));
    assert!(a.head_present.unwrap().english.is_none());
    // A State Council 副部长 stays Vice-Minister.
    assert_eq!(
        wang("副部长").english_title.as_deref(),
        Some("Vice-Minister")
    );
}

#[test]
fn a_buzhang_below_the_centre_is_the_party_committees() {
    let data = builtin();
    for (at, tier) in [
        ("县", "County"),
        ("地级市", "Municipal"),
        ("省", "Provincial"),
    ] {
        let a = data
            .address_at("部长", &Person::surnamed("王"), at)
            .unwrap();
        assert_eq!(
            a.english_title.as_deref(),
            Some(format!("Head of the … Department of the {tier} Committee of the CPC").as_str()),
            "{at}"
        );
        assert!(!a.english.contains("Minister"), "{at}");
        let b = data.brief_at("部长", &Person::surnamed("王"), at).unwrap();
        assert_eq!(b.address.english_title, a.english_title, "{at}");
    }
    let a = data
        .address_at("部长", &Person::surnamed("王"), "正部级机关")
        .unwrap();
    assert_eq!(a.english, "Minister Wang");
}

#[test]
fn every_title_and_person_has_its_own_forms() {
    let data = builtin();
    let names: Vec<String> = data
        .ranks
        .titles
        .iter()
        .map(|t| t.name.to_string())
        .chain(data.ranks.ranks.iter().map(|r| r.name.to_string()))
        .chain(data.address.other_titles.iter().map(|o| o.name.to_string()))
        .collect();
    let people = [
        Person::default(),
        Person::surnamed("付"),
        Person::surnamed("贾"),
        Person::surnamed("范"),
        Person::surnamed("岳"),
        Person::surnamed("李").with_head_of_same_surname(),
        Person::surnamed("王").with_former_title("局长"),
    ];
    let mut bad = Vec::new();
    for name in &names {
        for p in &people {
            let Ok(a) = data.address(name, p) else {
                bad.push(format!("{name}: error"));
                continue;
            };
            let mut spoken = vec![a.oral.as_str()];
            spoken.extend(a.oral_short.as_deref());
            spoken.extend(a.oral_alternatives.iter().map(|x| x.form.as_str()));
            if spoken.iter().any(|f| f.contains('×') || f.is_empty()) {
                bad.push(format!("{name} {p:?}: {spoken:?}"));
            }
            // Nothing invents a given name; no debug sentence.
            let texts: Vec<&str> = a
                .warnings
                .iter()
                .chain(a.notes.iter().map(|n| &n.text))
                .chain(a.avoid.iter().map(|x| &x.why))
                .map(String::as_str)
                .chain([a.written.as_str(), a.introduce.as_str()])
                .collect();
            for t in texts {
                if t.contains("建国") || t.contains("未收录，按") || t.contains('{') {
                    bad.push(format!("{name} {p:?}: {t}"));
                }
                // Plain Chinese: no source id, section number or data label.
                let source_id = t
                    .as_bytes()
                    .windows(2)
                    .any(|w| w[0] == b'S' && w[1].is_ascii_digit());
                if source_id || t.contains('§') || t.contains('_') {
                    bad.push(format!("{name} {p:?}: reference id in {t}"));
                }
            }
            // A pitfall names this title's forms, not 局 of another title.
            if !name.contains('局') && a.oral_short.as_deref() != Some("王局") {
                for w in &a.warnings {
                    if w.starts_with("姓") && w.contains("局") && !a.oral.contains('局') {
                        bad.push(format!("{name} {p:?}: {w}"));
                    }
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} problem(s):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn random_titles_from_address_words_never_panic() {
    let data = builtin();
    let pieces = [
        "副",
        "常务",
        "县",
        "市",
        "区",
        "省",
        "委",
        "人大常委会",
        "政协",
        "纪委",
        "组织部",
        "局长",
        "处长",
        "书记",
        "主任",
        "主席",
        "部长",
        "县长",
        "巡视员",
        "一级调研员",
        "村支书",
        "董事长",
        "医院",
        "院长",
        "巡视组组长",
        "少将",
        "、",
        "（正处级）",
        "原",
        "总",
        "级",
        "×",
        " ",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    for _ in 0..600 {
        let n = 1 + next() % 5;
        let title: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
        let p = Person {
            surname: ["付", "贾", "王", ""]
                .get(next() % 4)
                .map(|s| s.to_string()),
            given_name: None,
            same_surname_as_head: next() % 2 == 0,
            former_title: (next() % 3 == 0).then(|| "局长".to_string()),
        };
        if let Ok(a) = data.address(&title, &p) {
            assert!(
                !a.oral.contains('×') || title.contains('×'),
                "{title}: {}",
                a.oral
            );
        }
        let _ = data.brief(&title, &p);
    }
}
