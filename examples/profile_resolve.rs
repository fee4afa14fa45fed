//! Resolves typical titles many times, for profilers:
//! `valgrind --tool=callgrind target/release/examples/profile_resolve`.
fn main() {
    let data = rankinfo::builtin();
    let titles = [
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
    let mut n = 0;
    for _ in 0..1000 {
        for t in titles {
            n += data.resolve(t).level.map_or(0, |l| l.order as usize);
        }
    }
    println!("{n}");
}
