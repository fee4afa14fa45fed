//! Careers: how officials are promoted and assessed.
//!
//! `path` walks the promotion steps between two 职级 or leadership levels
//! (《公务员职务与职级并行规定》第十七–二十二条; 《党政领导干部选拔任用工作条例》
//! 第八、九条); `kaohe` lays out the assessment system (考核). The rules are in
//! `data/careers.toml`, baked like the rest of the data.

use crate::schema::careers::{CareersFile, Fact, Topic};

pub mod kaohe;
pub mod path;

static CAREERS: CareersFile = include!(concat!(env!("OUT_DIR"), "/careers.rs"));

/// The rules of promotion and assessment built into rankinfo.
pub fn builtin() -> &'static CareersFile {
    &CAREERS
}

impl CareersFile {
    /// Every fact of a topic, in the order of the data.
    pub fn topic(&self, topic: Topic) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.topic == topic)
    }

    /// The fact of a topic with this label.
    pub fn fact(&self, topic: Topic, label: &str) -> Option<&Fact> {
        self.topic(topic).find(|f| f.label == label)
    }
}

#[cfg(feature = "runtime-data")]
/// Read a careers file of the schema of `data/careers.toml` at run time,
/// checked as strictly as the built-in one against `data` (its levels, ranks
/// and sources).
///
/// ```
/// let data = rankinfo::builtin();
/// let text = "[[fact]]\ntopic = \"rank_promotion\"\nlabel = \"第十七条\"\ndocument = \"x\"\ntext = \"y\"\nconfidence = \"unconfirmed\"\nsources = []\n";
/// // Incomplete: the facts the answers need are missing.
/// assert!(rankinfo::careers::from_toml(text, data).is_err());
/// ```
pub fn from_toml(text: &str, data: &crate::Dataset) -> Result<CareersFile, Vec<String>> {
    let file: CareersFile = toml::from_str(text).map_err(|e| vec![e.to_string()])?;
    crate::validate::careers(&file, &data.ranks, &data.organisations)?;
    Ok(file)
}
