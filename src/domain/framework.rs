//! Indicator frameworks (指标体系): the built-in profiles `hunan`, `mof-2015` and `mof-2021`, their
//! aliases, and custom trees declared in a document. Each profile prints its own spelling.

use strsim::jaro_winkler;

/// What a 二级指标 is for, whatever a province calls it; checks work on roles, not spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Quantity,
    Quality,
    Timeliness,
    Cost,
    Economic,
    Social,
    Ecological,
    Sustainable,
    Satisfaction,
    EconomicCost,
    SocialCost,
    EcologicalCost,
}

/// What a 一级指标 is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TierRole {
    Output,
    Benefit,
    Satisfaction,
    Cost,
}

const ROLE_ALIASES: &[(Role, &[&str])] = &[
    (Role::Quantity, &["产出数量", "数量指标", "数量"]),
    (Role::Quality, &["产出质量", "质量指标", "质量"]),
    (Role::Timeliness, &["产出时效", "时效指标", "时效"]),
    (Role::Cost, &["产出成本", "成本指标", "成本"]),
    (Role::Economic, &["经济效益", "经济效益指标"]),
    (Role::Social, &["社会效益", "社会效益指标"]),
    (
        Role::Ecological,
        &["生态效益", "生态效益指标", "环境效益", "环境效益指标"],
    ),
    (Role::Sustainable, &["可持续影响", "可持续影响指标"]),
    (
        Role::Satisfaction,
        &[
            "社会公众及服务对象满意度",
            "社会公众或服务对象满意度指标",
            "社会公众或服务对象满意度",
            "服务对象满意度",
            "服务对象满意度指标",
            "社会公众满意度",
            "社会公众满意度指标",
            "满意度",
            // Real forms repeat the 一级指标's name at level 2 (满意度指标 › 满意度指标).
            "满意度指标",
        ],
    ),
    (Role::EconomicCost, &["经济成本指标", "经济成本"]),
    (Role::SocialCost, &["社会成本指标", "社会成本"]),
    (
        Role::EcologicalCost,
        &["生态环境成本指标", "生态环境成本", "环境成本"],
    ),
];

const TIER_ALIASES: &[(TierRole, &[&str])] = &[
    (TierRole::Output, &["产出指标", "项目完成指标", "产出"]),
    (TierRole::Benefit, &["效益指标", "项目效益指标", "效益"]),
    (TierRole::Satisfaction, &["满意度指标"]),
    (TierRole::Cost, &["成本指标"]),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    pub role: Option<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub name: String,
    pub role: Option<TierRole>,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    /// `hunan`, `mof-2015`, `mof-2021`, or `custom`.
    pub name: String,
    pub tiers: Vec<Tier>,
}

/// Where a 二级指标 sits: tier index and category index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot {
    pub tier: usize,
    pub category: usize,
}

pub const PROFILES: &[&str] = &["hunan", "mof-2015", "mof-2021"];

pub fn role_of(name: &str) -> Option<Role> {
    ROLE_ALIASES
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|(r, _)| *r)
}

pub fn tier_role_of(name: &str) -> Option<TierRole> {
    TIER_ALIASES
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|(r, _)| *r)
}

fn tier(name: &str, role: TierRole, categories: &[(&str, Role)]) -> Tier {
    Tier {
        name: name.to_string(),
        role: Some(role),
        categories: categories
            .iter()
            .map(|(n, r)| Category {
                name: n.to_string(),
                role: Some(*r),
            })
            .collect(),
    }
}

/// 效益指标 as both Ministry of Finance trees (2015 and 2021) spell it.
fn mof_benefit() -> Tier {
    use Role::*;
    tier(
        "效益指标",
        TierRole::Benefit,
        &[
            ("经济效益指标", Economic),
            ("社会效益指标", Social),
            ("生态效益指标", Ecological),
            ("可持续影响指标", Sustainable),
        ],
    )
}

/// 满意度指标 as both Ministry of Finance trees spell it.
fn mof_satisfaction() -> Tier {
    tier(
        "满意度指标",
        TierRole::Satisfaction,
        &[("服务对象满意度指标", Role::Satisfaction)],
    )
}

impl Framework {
    /// A built-in profile by name (`hunan`, `mof-2015`, `mof-2021`; `mof2015` and `湖南` are accepted too).
    pub fn profile(name: &str) -> Option<Framework> {
        use Role::*;
        let key = name.to_ascii_lowercase().replace('_', "-");
        let (canonical, tiers) = match key.as_str() {
            "hunan" | "湖南" => (
                "hunan",
                vec![
                    tier(
                        "产出指标",
                        TierRole::Output,
                        &[
                            ("产出数量", Quantity),
                            ("产出质量", Quality),
                            ("产出时效", Timeliness),
                            ("产出成本", Cost),
                        ],
                    ),
                    tier(
                        "效益指标",
                        TierRole::Benefit,
                        &[
                            ("经济效益", Economic),
                            ("社会效益", Social),
                            ("生态效益", Ecological),
                            ("可持续影响", Sustainable),
                            ("社会公众及服务对象满意度", Satisfaction),
                        ],
                    ),
                ],
            ),
            "mof-2015" | "mof2015" => (
                "mof-2015",
                vec![
                    tier(
                        "产出指标",
                        TierRole::Output,
                        &[
                            ("数量指标", Quantity),
                            ("质量指标", Quality),
                            ("时效指标", Timeliness),
                            ("成本指标", Cost),
                        ],
                    ),
                    mof_benefit(),
                    mof_satisfaction(),
                ],
            ),
            "mof-2021" | "mof2021" => (
                "mof-2021",
                vec![
                    tier(
                        "成本指标",
                        TierRole::Cost,
                        &[
                            ("经济成本指标", EconomicCost),
                            ("社会成本指标", SocialCost),
                            ("生态环境成本指标", EcologicalCost),
                        ],
                    ),
                    tier(
                        "产出指标",
                        TierRole::Output,
                        &[
                            ("数量指标", Quantity),
                            ("质量指标", Quality),
                            ("时效指标", Timeliness),
                        ],
                    ),
                    mof_benefit(),
                    mof_satisfaction(),
                ],
            ),
            _ => return None,
        };
        Some(Framework {
            name: canonical.to_string(),
            tiers,
        })
    }

    /// A document's own tree; roles come from the known aliases where a name has one.
    pub fn custom(tiers: Vec<(String, Vec<String>)>) -> Framework {
        Framework {
            name: "custom".to_string(),
            tiers: tiers
                .into_iter()
                .map(|(name, cats)| Tier {
                    role: tier_role_of(&name),
                    name,
                    categories: cats
                        .into_iter()
                        .map(|c| Category {
                            role: role_of(&c),
                            name: c,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub fn category(&self, slot: Slot) -> Option<&Category> {
        self.tiers
            .get(slot.tier)
            .and_then(|t| t.categories.get(slot.category))
    }

    pub fn slots(&self) -> impl Iterator<Item = (Slot, &Tier, &Category)> {
        self.tiers.iter().enumerate().flat_map(|(ti, t)| {
            t.categories.iter().enumerate().map(move |(ci, c)| {
                (
                    Slot {
                        tier: ti,
                        category: ci,
                    },
                    t,
                    c,
                )
            })
        })
    }

    /// Finds a 二级指标 by its printed name or any alias of its role. `成本` in `mof-2021`, whose cost
    /// categories are split, means 经济成本指标.
    pub fn find_category(&self, name: &str) -> Option<Slot> {
        if let Some((slot, _, _)) = self.slots().find(|(_, _, c)| c.name == name) {
            return Some(slot);
        }
        let role = role_of(name)?;
        let fallback = match role {
            Role::Cost => Some(Role::EconomicCost),
            Role::EconomicCost => Some(Role::Cost),
            _ => None,
        };
        [Some(role), fallback].into_iter().flatten().find_map(|r| {
            self.slots()
                .find(|(_, _, c)| c.role == Some(r))
                .map(|(s, _, _)| s)
        })
    }

    /// Finds a 一级指标 by its printed name or an alias.
    pub fn find_tier(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.tiers.iter().position(|t| t.name == name) {
            return Some(i);
        }
        let role = tier_role_of(name)?;
        self.tiers.iter().position(|t| t.role == Some(role))
    }

    /// The closest 二级指标 names (printed names and aliases that this framework resolves), best first.
    pub fn suggest_category(&self, name: &str) -> Vec<String> {
        let mut candidates: Vec<String> = self.slots().map(|(_, _, c)| c.name.clone()).collect();
        for (_, aliases) in ROLE_ALIASES {
            for a in *aliases {
                if self.find_category(a).is_some() && !candidates.iter().any(|c| c == a) {
                    candidates.push((*a).to_string());
                }
            }
        }
        suggest(name, &candidates)
    }

    pub fn suggest_tier(&self, name: &str) -> Vec<String> {
        let candidates: Vec<String> = self.tiers.iter().map(|t| t.name.clone()).collect();
        suggest(name, &candidates)
    }
}

/// Candidates similar enough to `name` to be what was meant, best first.
pub fn suggest(name: &str, candidates: &[String]) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = candidates
        .iter()
        .map(|c| {
            let mut score = jaro_winkler(name, c);
            // Chinese names are short: sharing most characters is a strong hint.
            let shared = name.chars().filter(|ch| c.contains(*ch)).count();
            let len = name.chars().count().max(1);
            score = score.max(shared as f64 / len.max(c.chars().count()) as f64);
            (score, c)
        })
        .filter(|(s, _)| *s >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, c)| c.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level2_labels_of_real_forms_resolve_to_satisfaction() {
        for profile in PROFILES {
            let f = Framework::profile(profile).unwrap();
            for label in [
                "满意度指标",
                "服务对象满意度指标",
                "社会公众满意度",
                "满意度",
            ] {
                let slot = f
                    .find_category(label)
                    .unwrap_or_else(|| panic!("{profile}: {label}"));
                assert_eq!(f.category(slot).unwrap().role, Some(Role::Satisfaction));
            }
        }
    }

    #[test]
    fn aliases_resolve_to_the_profile_spelling() {
        let hunan = Framework::profile("hunan").unwrap();
        let slot = hunan.find_category("满意度").unwrap();
        assert_eq!(
            hunan.category(slot).unwrap().name,
            "社会公众及服务对象满意度"
        );
        let mof = Framework::profile("mof-2021").unwrap();
        let slot = mof.find_category("产出成本").unwrap();
        assert_eq!(mof.category(slot).unwrap().name, "经济成本指标");
        assert_eq!(mof.find_tier("项目完成指标"), Some(1));
    }
}
