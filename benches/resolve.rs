//! Resolution throughput: the target is at least 1,000,000 typical titles per
//! second on one core (under 1 µs each). Run: `cargo bench --bench resolve`.

fn main() {
    divan::main();
}

/// Typical strings from CRM exports and name cards.
pub const TYPICAL: &[&str] = &[
    "广东省深圳市南山区发展和改革局副局长",
    "国家统计局局长",
    "县委副书记、县长、一级调研员",
    "北京市海淀区区长",
    "江苏省苏州市昆山市市长",
    "浙江省杭州市西湖区教育局局长",
    "湖南省岳阳市委常委",
    "财政部预算司司长",
    "四川省成都市武侯区人民政府副区长",
    "河北省石家庄市正定县人民政府县长",
];

#[divan::bench(args = TYPICAL)]
fn resolve_one(text: &str) {
    let data = rankinfo::builtin();
    divan::black_box(data.resolve(divan::black_box(text)).level);
}

/// All ten in a row: divide by ten for the mean per title.
#[divan::bench(sample_count = 200, sample_size = 50)]
fn resolve_typical_mix() {
    let data = rankinfo::builtin();
    for text in TYPICAL {
        divan::black_box(data.resolve(divan::black_box(text)).level);
    }
}
