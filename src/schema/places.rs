//! `data/places.toml`: China's provincial, prefecture and county divisions.

use super::{List, Text};
use serde::{Deserialize, Serialize};

/// The kind of an administrative division. Serialised with its Chinese name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    #[serde(rename = "省")]
    Province,
    #[serde(rename = "自治区")]
    AutonomousRegion,
    #[serde(rename = "直辖市")]
    Municipality,
    #[serde(rename = "特别行政区")]
    Sar,
    #[serde(rename = "副省级市")]
    SubProvincialCity,
    #[serde(rename = "地级市")]
    PrefectureCity,
    #[serde(rename = "自治州")]
    AutonomousPrefecture,
    #[serde(rename = "地区")]
    Prefecture,
    #[serde(rename = "盟")]
    League,
    #[serde(rename = "市辖区")]
    District,
    #[serde(rename = "县")]
    County,
    #[serde(rename = "县级市")]
    CountyCity,
    #[serde(rename = "自治县")]
    AutonomousCounty,
    #[serde(rename = "旗")]
    Banner,
    #[serde(rename = "自治旗")]
    AutonomousBanner,
    #[serde(rename = "林区")]
    ForestryArea,
    #[serde(rename = "特区")]
    SpecialDistrict,
}

impl PlaceKind {
    /// The Chinese name of the kind.
    pub fn label(self) -> &'static str {
        use PlaceKind::*;
        match self {
            Province => "省",
            AutonomousRegion => "自治区",
            Municipality => "直辖市",
            Sar => "特别行政区",
            SubProvincialCity => "副省级市",
            PrefectureCity => "地级市",
            AutonomousPrefecture => "自治州",
            Prefecture => "地区",
            League => "盟",
            District => "市辖区",
            County => "县",
            CountyCity => "县级市",
            AutonomousCounty => "自治县",
            Banner => "旗",
            AutonomousBanner => "自治旗",
            ForestryArea => "林区",
            SpecialDistrict => "特区",
        }
    }

    /// 省级: province, autonomous region, municipality or SAR.
    pub fn is_provincial(self) -> bool {
        use PlaceKind::*;
        matches!(self, Province | AutonomousRegion | Municipality | Sar)
    }

    /// 地级, including the 副省级市.
    pub fn is_prefectural(self) -> bool {
        use PlaceKind::*;
        matches!(
            self,
            SubProvincialCity | PrefectureCity | AutonomousPrefecture | Prefecture | League
        )
    }
}

/// One division.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// 统计用区划代码 (six digits).
    pub code: Text,
    /// Official name with its suffix (南山区).
    pub name: Text,
    pub kind: PlaceKind,
    /// The code of the division above (a 直辖市 for its districts; the
    /// province for 省直辖县级行政区划).
    pub parent: Option<Text>,
    /// Provincial capital.
    #[serde(default)]
    pub capital: bool,
    /// 计划单列市.
    #[serde(default)]
    pub plan_listed: bool,
    /// County-level unit administered directly by its province.
    #[serde(default)]
    pub province_administered: bool,
}

/// The list, and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Places {
    pub version: Text,
    pub source: Text,
    pub generated: Text,
    #[serde(default)]
    pub place: List<Place>,
}

/// The contents of `data/places.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    pub places: Places,
}
