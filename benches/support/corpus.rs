//! A deterministic generator of realistic declarations, for benchmarks and tests (not a user command).
//!
//! Each department gets the seed's shape: a header, income and spending breakdowns that add up, duties,
//! plans, goals, a department indicator table, and 1–15 spending directions with people or quantity
//! bases, goals and 9–15 indicators each, plus comments. Texts are Chinese of the lengths real tables
//! have. The same seed and index always give the same file; every file compiles without errors.
//!
//! Shared by `examples/gen_corpus.rs`, `benches/throughput.rs` and `tests/corpus.rs` through `#[path]`.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast, deterministic, and good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const PLACES: &[&str] = &[
    "石峰区",
    "荷塘区",
    "芦淞区",
    "天元区",
    "渌口区",
    "醴陵市",
    "攸县",
    "茶陵县",
    "炎陵县",
    "示范县",
    "岳麓区",
    "开福区",
    "雨花区",
    "望城区",
    "浏阳市",
    "宁乡市",
    "长沙县",
    "湘潭县",
    "韶山市",
    "湘乡市",
];

const BUREAUS: &[&str] = &[
    "信访局",
    "农业农村局",
    "教育局",
    "卫生健康局",
    "民政局",
    "司法局",
    "文化旅游广电体育局",
    "自然资源局",
    "生态环境分局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "应急管理局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "退役军人事务局",
    "城市管理和综合执法局",
    "医疗保障局",
    "统计局",
    "审计局",
    "财政局",
    "发展和改革局",
    "工业和信息化局",
    "商务局",
    "林业局",
];

const WORK: &[&str] = &[
    "治安巡逻防控",
    "信访岗位津贴",
    "高标准农田建设",
    "农机购置补贴",
    "义务教育学生资助",
    "基层医疗卫生服务",
    "城乡低保救助",
    "法律援助",
    "公共文化服务",
    "不动产登记",
    "污染防治攻坚",
    "老旧小区改造",
    "农村公路养护",
    "小型水库除险加固",
    "安全生产监管",
    "食品安全抽检",
    "就业创业补贴",
    "优抚对象补助",
    "城市环境卫生",
    "医保基金监管",
    "统计调查",
    "审计监督",
    "政府采购监管",
    "项目前期工作",
    "中小企业服务",
    "消费帮扶",
    "森林防火",
    "网格化管理",
    "志愿服务",
    "档案数字化",
];

const CLAUSES: &[&str] = &[
    "贯彻落实党和国家关于本行业工作的方针政策",
    "统筹研究和组织实施全区相关工作发展战略和中长期规划",
    "负责处理人民群众的来信、来电，接待群众来访",
    "及时、准确地向区委、区政府领导反映工作中提出的重要建议、意见和问题",
    "综合分析工作信息，开展调查研究，提出制定有关政策规定的建议",
    "承办上级领导机关和区委、区政府交办、转办的事项",
    "督促检查领导批示件的落实情况",
    "检查、指导、协调各街道和区直机关各部门、各单位的相关工作",
    "负责组织实施对全区工作的目标管理",
    "总结推广工作经验，提出改进和加强工作的意见和建议",
    "加强矛盾纠纷排查化解工作，突出化解源头",
    "深入推进基层治理，切实将各类矛盾化解在早、化解在小、化解在基层",
    "推进重点项目建设，在攻坚克难上想办法、下功夫",
    "最大限度减少存量、控制增量",
    "按照“属地管理、分级负责”和“谁主管、谁负责”的原则，切实落实好主体责任",
    "完善资金管理制度，提高财政资金使用效益",
    "强化绩效目标管理，做到花钱必问效、无效必问责",
    "加强队伍建设，组织干部业务培训",
    "做好信息公开和政策宣传工作",
    "推动工作规范化、标准化、信息化建设",
    "保障困难群众基本生活，兜牢民生底线",
    "改善群众生产生活条件，提升公共服务水平",
];

const GOAL_CLAUSES: &[&str] = &[
    "稳定工作人员队伍，调动工作人员的积极性",
    "有效维护辖区稳定，化解社会矛盾，促进社会和谐稳定",
    "完成年度建设任务并通过验收",
    "提高资金使用效益和公共服务水平",
    "确保项目按期完成、质量达标",
    "群众满意度持续提升",
    "实现工作无缝衔接，确保无死角、无盲区",
    "形成全民动员、共建共治共享的良好局面",
];

const OWNERS: &[&str] = &[
    "办公室",
    "财务股",
    "业务股",
    "综合股",
    "法规股",
    "规划股",
    "项目办",
    "执法大队",
    "服务中心",
];

const QTY_UNITS: &[(&str, u64, u64)] = &[
    ("台", 800, 9000),
    ("亩", 300, 2000),
    ("个", 500, 20000),
    ("套", 1000, 30000),
    ("公里", 20000, 300000),
    ("次", 200, 5000),
    ("座", 50000, 400000),
    ("平方米", 100, 1500),
];

const QUALITATIVE: &[&str] = &[
    "良好",
    "优良",
    "达成年度指标",
    "持续提升",
    "有效保障",
    "长期",
    "是",
];

/// Framework profile names and their level-2 categories in the order a table lists them, with a
/// marker for the category that takes the cost cap and the satisfaction one.
struct Profile {
    name: &'static str,
    quantity: &'static str,
    quality: &'static str,
    timeliness: &'static str,
    cost: &'static str,
    others: &'static [&'static str],
    satisfaction: &'static str,
}

const PROFILES: &[Profile] = &[
    Profile {
        name: "hunan",
        quantity: "产出数量",
        quality: "产出质量",
        timeliness: "产出时效",
        cost: "产出成本",
        others: &["经济效益", "社会效益", "生态效益", "可持续影响"],
        satisfaction: "满意度",
    },
    Profile {
        name: "mof-2015",
        quantity: "数量指标",
        quality: "质量指标",
        timeliness: "时效指标",
        cost: "成本指标",
        others: &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
        satisfaction: "服务对象满意度指标",
    },
    Profile {
        name: "mof-2021",
        quantity: "数量指标",
        quality: "质量指标",
        timeliness: "时效指标",
        cost: "经济成本指标",
        others: &[
            "社会成本指标",
            "生态环境成本指标",
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
        satisfaction: "服务对象满意度指标",
    },
];

/// A Chinese sentence of `clauses` clauses, joined as real tables join them.
fn sentence(rng: &mut Rng, pool: &[&str], clauses: usize) -> String {
    let mut s = String::new();
    for i in 0..clauses {
        if i > 0 {
            s.push_str(if rng.chance(70) { "，" } else { "；" });
        }
        let clause: &&str = rng.pick(pool);
        s.push_str(clause);
    }
    s.push('。');
    s
}

/// An amount in 元 written in the document's unit, exactly (万元: up to four decimals).
fn money(yuan: u64, wan: bool) -> String {
    if !wan {
        return yuan.to_string();
    }
    let (whole, frac) = (yuan / 10_000, yuan % 10_000);
    if frac == 0 {
        return whole.to_string();
    }
    let f = format!("{frac:04}");
    format!("{whole}.{}", f.trim_end_matches('0'))
}

struct Cost {
    label: String,
    basis: String,
    yuan: u64,
    people: u64,
}

fn cost_basis(rng: &mut Rng) -> (String, u64, u64) {
    if rng.chance(60) {
        let people = rng.range(1, 80);
        let rate = rng.range(10, 300) * 10;
        if rng.chance(25) {
            let months = rng.range(1, 12);
            (
                format!("< people {people} rate {rate}/month months {months} >"),
                people * rate * months,
                people,
            )
        } else {
            (
                format!("< people {people} rate {rate}/month >"),
                people * rate * 12,
                people,
            )
        }
    } else {
        let (unit, lo, hi) = *rng.pick(QTY_UNITS);
        let qty = rng.range(1, 600);
        let price = rng.range(lo, hi);
        (
            format!("< qty {qty} {unit} price {price} >"),
            qty * price,
            0,
        )
    }
}

/// One indicator line: `indicator CATEGORY "NAME" VALUE [note "…"]`.
fn indicator_line(out: &mut String, indent: &str, category: &str, name: &str, value: &str) {
    let _ = writeln!(out, "{indent}indicator {category} \"{name}\" {value}");
}

/// The indicator table of a direction (`Some(people)`) or of the department (`None`).
fn indicators(
    rng: &mut Rng,
    out: &mut String,
    indent: &str,
    profile: &Profile,
    work: &str,
    people: Option<u64>,
    wan: bool,
) {
    let count = rng.range(9, 15) as usize;
    let mut lines: Vec<(String, String, String)> = Vec::new();
    // Quantity: a reference to the people counted where there are any, else a number.
    match people {
        Some(p) if p > 0 => lines.push((
            profile.quantity.into(),
            format!("{work}保障人数"),
            format!("= people note \"按{p}人测算\""),
        )),
        _ => lines.push((
            profile.quantity.into(),
            format!("{work}完成数量"),
            format!("= {}个", rng.range(1, 500)),
        )),
    }
    lines.push((
        profile.quality.into(),
        "预算资金使用率".into(),
        format!("{} {}%", rng.pick(&[">=", "≥", "="]), rng.range(95, 100)),
    ));
    lines.push((
        profile.timeliness.into(),
        "工作及时完成率".into(),
        "= 100%".into(),
    ));
    let cap = if people.is_some() {
        "<= amount"
    } else {
        "<= spending \"项目支出\""
    };
    lines.push((profile.cost.into(), "不超过预算".into(), cap.into()));
    for (i, cat) in profile.others.iter().enumerate() {
        let value = if rng.chance(50) {
            rng.pick(QUALITATIVE).to_string()
        } else {
            format!(">= {}%", rng.range(5, 100))
        };
        let name = sentence(rng, GOAL_CLAUSES, 1 + i % 2);
        lines.push(((*cat).into(), name.trim_end_matches('。').into(), value));
    }
    lines.push((
        profile.satisfaction.into(),
        "服务对象满意度".into(),
        format!(">= {}%", rng.pick(&[90, 92, 95, 98])),
    ));
    let mut extra = 1;
    while lines.len() < count {
        let cat = match rng.range(0, 2) {
            0 => profile.quantity,
            1 => profile.quality,
            _ => profile.timeliness,
        };
        let value = match rng.range(0, 3) {
            0 => format!(">= {}%", rng.range(80, 100)),
            1 => format!("不少于 {}次", rng.range(1, 50)),
            2 => format!("<= {}天", rng.range(1, 60)),
            _ => rng.pick(QUALITATIVE).to_string(),
        };
        lines.push((cat.into(), format!("{work}补充指标{extra}"), value));
        extra += 1;
    }
    let _ = wan;
    let mut seen: Vec<&str> = Vec::new();
    for (i, (cat, name, value)) in lines.iter().enumerate() {
        if seen.contains(&name.as_str()) {
            indicator_line(out, indent, cat, &format!("{name}（{i}）"), value);
        } else {
            indicator_line(out, indent, cat, name, value);
        }
        seen.push(name);
    }
}

/// The text of department `index` of the corpus seeded with `seed`.
pub fn department(seed: u64, index: usize) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index as u64));
    let year = rng.range(2021, 2025);
    let place = *rng.pick(PLACES);
    let bureau = *rng.pick(BUREAUS);
    let wan = rng.chance(70);
    let profile = rng.pick(PROFILES);
    let mut out = String::with_capacity(12_000);

    let _ = writeln!(
        out,
        "# {year}年 {place}{bureau} 预算绩效目标表（第{index}号）"
    );
    let _ = writeln!(out, "year {year}");
    let _ = writeln!(out, "filer \"{place}{bureau}\"  # 填报单位");
    let _ = writeln!(out, "department \"{bureau}本级\"");
    let _ = writeln!(out, "unit {}", if wan { "万元" } else { "元" });
    let _ = writeln!(out, "precision {}", if wan { 4 } else { 2 });
    let _ = writeln!(out, "framework {}", profile.name);
    out.push('\n');

    // Directions first (in a buffer), so the breakdowns can be written with their sums.
    let n_directions = rng.range(1, 15) as usize;
    let mut dirs = String::new();
    let mut project_yuan = 0u64;
    let mut used = Vec::new();
    for d in 0..n_directions {
        let mut work = rng.pick(WORK).to_string();
        if used.contains(&work) {
            work = format!("{work}（{}）", d + 1);
        }
        used.push(work.clone());
        let n_costs = rng.range(1, 3) as usize;
        let mut costs = Vec::new();
        for c in 0..n_costs {
            let (basis, yuan, people) = cost_basis(&mut rng);
            costs.push(Cost {
                label: format!("{work}{}", ["一类", "二类", "三类"][c]),
                basis,
                yuan,
                people,
            });
        }
        let yuan: u64 = costs.iter().map(|c| c.yuan).sum();
        let people: u64 = costs.iter().map(|c| c.people).sum();
        project_yuan += yuan;
        if rng.chance(30) {
            let _ = writeln!(dirs, "# {work}：依据相关文件测算");
        }
        let _ = writeln!(dirs, "direction \"{work}\" {{");
        let _ = writeln!(dirs, "  special \"{work}专项\"");
        let period = match rng.range(0, 3) {
            0 => "1年".to_string(),
            1 => format!("{year}年"),
            2 => format!("{year}.01-{year}.12"),
            _ => "12个月".to_string(),
        };
        let _ = writeln!(dirs, "  period {period}  # 项目实施期");
        for c in &costs {
            let _ = writeln!(dirs, "  cost \"{}\" {}", c.label, c.basis);
        }
        if rng.chance(50) {
            let _ = writeln!(dirs, "  amount {}", money(yuan, wan));
        }
        let clauses = rng.range(1, 3) as usize;
        let goal = sentence(&mut rng, GOAL_CLAUSES, clauses);
        let _ = writeln!(dirs, "  goal \"{goal}\"  # 实施期绩效目标");
        let _ = writeln!(dirs, "  annual \"{goal}\"");
        indicators(&mut rng, &mut dirs, "  ", profile, &work, Some(people), wan);
        dirs.push_str("}\n\n");
    }

    let basic_yuan = rng.range(200_000, 30_000_000);
    let total_yuan = basic_yuan + project_yuan;
    let fund_yuan = if rng.chance(50) {
        rng.range(0, total_yuan / 5)
    } else {
        0
    };
    let other_yuan = if rng.chance(30) {
        rng.range(0, (total_yuan - fund_yuan) / 10)
    } else {
        0
    };
    let general_yuan = total_yuan - fund_yuan - other_yuan;

    let _ = writeln!(
        out,
        "total {}  # 资金总额, checked against both breakdowns",
        money(total_yuan, wan)
    );
    out.push_str("\n# 按收入性质分\n");
    let _ = writeln!(
        out,
        "income \"一般公共预算拨款\" {}",
        money(general_yuan, wan)
    );
    let _ = writeln!(out, "income \"政府性基金拨款\" {}", money(fund_yuan, wan));
    let _ = writeln!(out, "income \"其他资金\" {}", money(other_yuan, wan));
    out.push_str("\n# 按支出性质分\n");
    let _ = writeln!(out, "spending \"基本支出\" {}", money(basic_yuan, wan));
    if rng.chance(50) {
        let _ = writeln!(
            out,
            "spending \"项目支出\" {} = directions",
            money(project_yuan, wan)
        );
    } else {
        out.push_str("spending \"项目支出\" = directions\n");
    }
    out.push_str("\n# 部门职责概述\n");
    for _ in 0..rng.range(3, 9) {
        let n = rng.range(2, 6) as usize;
        let _ = writeln!(out, "duty \"{}\"", sentence(&mut rng, CLAUSES, n));
    }
    out.push_str("\n# 年度重点工作计划\n");
    for _ in 0..rng.range(1, 4) {
        let item = rng.pick(WORK);
        let owner = rng.pick(OWNERS);
        let n = rng.range(2, 4) as usize;
        let _ = writeln!(
            out,
            "plan \"{item}\" by \"{owner}\" \"{}\"",
            sentence(&mut rng, CLAUSES, n)
        );
    }
    if rng.chance(60) {
        let _ = writeln!(out, "goal \"{}\"", sentence(&mut rng, GOAL_CLAUSES, 3));
    }
    out.push_str("\n# 年度绩效指标（部门整体）\n");
    indicators(&mut rng, &mut out, "", profile, bureau, None, wan);
    out.push('\n');
    out.push_str(&dirs);
    out
}

/// Where department `index` sits in the corpus: 100 departments per district folder.
pub fn relative_path(index: usize) -> PathBuf {
    PathBuf::from(format!("d{:03}", index / 100)).join(format!("dept-{index:05}.bdl"))
}

/// Writes `n` departments under `dir`; returns the number of bytes written.
pub fn write_corpus(dir: &Path, seed: u64, n: usize) -> std::io::Result<u64> {
    let mut bytes = 0u64;
    for i in 0..n {
        let path = dir.join(relative_path(i));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let text = department(seed, i);
        bytes += text.len() as u64;
        std::fs::write(path, text)?;
    }
    Ok(bytes)
}
