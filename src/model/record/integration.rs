//! The conditions of a lasting stay since 1 January 2026 (loi n° 2024-42, décrets n° 2025-647
//! and 2025-648 of 15 July 2025): the French level and the examen civique the permit a person
//! aims at requires, the certificates held, and the gap between the two, which feeds the
//! action plan. Also the French level per ability, and the one summary level derived from it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::record::cefr::CefrLevel;
use crate::model::skills::assessment::Language;

/// What the person aims at next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PermitTarget {
    /// A first multi-year card (carte de séjour pluriannuelle).
    MultiYearCard,
    /// The resident card (10 years).
    ResidentCard,
    /// French nationality by naturalisation.
    Naturalisation,
}

impl PermitTarget {
    /// Every target, for pickers.
    pub const ALL: [Self; 3] = [
        Self::MultiYearCard,
        Self::ResidentCard,
        Self::Naturalisation,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::MultiYearCard => "la carte de séjour pluriannuelle",
            Self::ResidentCard => "la carte de résident",
            Self::Naturalisation => "la naturalisation",
        }
    }

    /// The French level required since 1 January 2026: A2 for a multi-year card, B1 for the
    /// resident card, B2 for naturalisation.
    #[must_use]
    pub const fn required_level(self) -> CefrLevel {
        match self {
            Self::MultiYearCard => CefrLevel::A2,
            Self::ResidentCard => CefrLevel::B1,
            Self::Naturalisation => CefrLevel::B2,
        }
    }
}

/// Where the examen civique stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum CivicExamResult {
    /// Registered for a session, not taken yet.
    #[default]
    Registered,
    /// Passed (at least 32 right answers out of 40).
    Passed,
    /// Failed.
    Failed,
}

impl CivicExamResult {
    /// Every result, for pickers.
    pub const ALL: [Self; 3] = [Self::Registered, Self::Passed, Self::Failed];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Registered => "Inscrit·e",
            Self::Passed => "Réussi",
            Self::Failed => "Échoué",
        }
    }
}

/// The examen civique: a 40-question test closing the CIR's civic training, taken in the
/// version ("mention") of the permit aimed at (R.413-12-1 CESEDA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CivicExam {
    /// The mention the exam was taken for: a pass counts for that permit and those below it.
    pub mention: PermitTarget,
    /// Date of the last sitting (or of the one booked).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Where it stands.
    #[serde(default)]
    pub result: CivicExamResult,
    /// Sittings so far.
    #[serde(default)]
    pub attempts: u8,
}

impl CivicExam {
    /// Whether the exam, as recorded, satisfies the condition of `target`: passed, in a
    /// version at least as demanding.
    #[must_use]
    pub fn satisfies(&self, target: PermitTarget) -> bool {
        self.result == CivicExamResult::Passed && rank(self.mention) >= rank(target)
    }
}

const fn rank(target: PermitTarget) -> u8 {
    match target {
        PermitTarget::MultiYearCard => 0,
        PermitTarget::ResidentCard => 1,
        PermitTarget::Naturalisation => 2,
    }
}

/// A French-language certificate or diploma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateKind {
    /// Diplôme d'études en langue française (A1 to B2).
    Delf,
    /// Diplôme approfondi de langue française (C1, C2).
    Dalf,
    /// Test de connaissance du français (TCF, its IRN and ANF versions included).
    Tcf,
    /// Test d'évaluation de français (TEF, TEF IRN).
    Tef,
    /// Another diploma accepted (a French diploma, for instance).
    Other,
}

impl CertificateKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 5] = [Self::Delf, Self::Dalf, Self::Tcf, Self::Tef, Self::Other];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Delf => "DELF",
            Self::Dalf => "DALF",
            Self::Tcf => "TCF",
            Self::Tef => "TEF",
            Self::Other => "Autre diplôme",
        }
    }
}

/// A certificate held: kind, level attested, date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageCertificate {
    /// Which certificate.
    pub kind: CertificateKind,
    /// The level it attests.
    #[serde(default)]
    pub level: CefrLevel,
    /// When it was obtained.
    #[serde(default)]
    pub obtained_on: Option<NaiveDate>,
}

/// The 2026 conditions as recorded for one person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Integration {
    /// The next permit aimed at, or naturalisation (`None`: not discussed yet).
    pub target: Option<PermitTarget>,
    /// The examen civique, once registered for.
    pub civic_exam: Option<CivicExam>,
    /// French certificates held.
    pub certificates: Vec<LanguageCertificate>,
}

impl Integration {
    /// The highest level attested by a certificate held.
    #[must_use]
    pub fn certified_level(&self) -> Option<CefrLevel> {
        self.certificates.iter().map(|c| c.level).max()
    }

    /// What stands between the person and the target, if one is set.
    #[must_use]
    pub fn gap(&self, level: CefrLevel) -> Option<Gap> {
        let target = self.target?;
        let required = target.required_level();
        Some(Gap {
            target,
            required,
            current: level,
            certified: self.certified_level().is_some_and(|l| l >= required),
            civic_exam_passed: self.civic_exam.is_some_and(|e| e.satisfies(target)),
        })
    }
}

/// The distance to a target's conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// The target.
    pub target: PermitTarget,
    /// The level it requires.
    pub required: CefrLevel,
    /// The person's summary level.
    pub current: CefrLevel,
    /// A certificate held attests the required level (the prefecture asks for one).
    pub certified: bool,
    /// The examen civique is passed in a version that counts for the target.
    pub civic_exam_passed: bool,
}

impl Gap {
    /// Whether the summary level reaches the requirement.
    #[must_use]
    pub fn level_reached(&self) -> bool {
        self.current.is_assessed() && self.current >= self.required
    }

    /// Whether every condition recorded here is met.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        self.level_reached() && self.certified && self.civic_exam_passed
    }

    /// "Vise la carte de résident : B1 exigé, niveau actuel A2", then what else is missing.
    #[must_use]
    pub fn sentence(&self) -> String {
        let current = if self.current.is_assessed() {
            self.current.short_label()
        } else {
            "non évalué"
        };
        let mut text = format!(
            "Vise {} : {} exigé, niveau actuel {current}",
            self.target.label(),
            self.required.short_label()
        );
        if self.level_reached() && !self.certified {
            text.push_str(" ; certificat de langue à obtenir (DELF, TCF, TEF)");
        }
        text.push_str(if self.civic_exam_passed {
            " ; examen civique réussi"
        } else {
            " ; examen civique à réussir"
        });
        text
    }

    /// The objective the action plan should hold to close the gap, if any: its label and its
    /// actions.
    #[must_use]
    pub fn suggested_objective(&self) -> Option<(String, Vec<String>)> {
        if self.is_closed() {
            return None;
        }
        let mut actions = Vec::new();
        if !self.level_reached() {
            actions.push(format!(
                "Cours de français visant le niveau {}",
                self.required.short_label()
            ));
        }
        if !self.certified {
            actions.push(format!(
                "S'inscrire à une certification (DELF, TCF, TEF) de niveau {}",
                self.required.short_label()
            ));
        }
        if !self.civic_exam_passed {
            actions.push("Préparer et passer l'examen civique".to_owned());
        }
        Some((
            format!(
                "Remplir les conditions de {} ({} et examen civique)",
                self.target.label(),
                self.required.short_label()
            ),
            actions,
        ))
    }
}

/// The French level per ability, as assessed (each `NotAssessed` until then).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FrenchAbilities {
    /// Compréhension orale.
    pub oral_comprehension: CefrLevel,
    /// Expression orale.
    pub oral_expression: CefrLevel,
    /// Compréhension écrite.
    pub written_comprehension: CefrLevel,
    /// Expression écrite.
    pub written_expression: CefrLevel,
}

impl FrenchAbilities {
    /// The four abilities with their French names, in the order the certificates list them.
    #[must_use]
    pub const fn named(&self) -> [(&'static str, CefrLevel); 4] {
        [
            ("Compréhension orale", self.oral_comprehension),
            ("Expression orale", self.oral_expression),
            ("Compréhension écrite", self.written_comprehension),
            ("Expression écrite", self.written_expression),
        ]
    }

    /// Whether any ability has been assessed.
    #[must_use]
    pub fn any_assessed(&self) -> bool {
        self.named().iter().any(|(_, level)| level.is_assessed())
    }

    /// The one summary level used by the entry route and the 2026 thresholds: the lowest of
    /// the abilities assessed (`None` when none is). The texts require the level in each of
    /// the four abilities — a certificate attests a level only when every test reaches it —
    /// so a person is at the level of their weakest ability.
    #[must_use]
    pub fn summary(&self) -> Option<CefrLevel> {
        self.named()
            .iter()
            .map(|(_, level)| *level)
            .filter(|level| level.is_assessed())
            .min()
    }

    /// Whether the person can neither read nor write (the written abilities at A0): a matter
    /// of literacy (alphabétisation), not of French as a foreign language.
    #[must_use]
    pub fn needs_literacy(&self) -> bool {
        self.written_comprehension == CefrLevel::A0 || self.written_expression == CefrLevel::A0
    }

    /// The oral level (the lower of the two oral abilities assessed).
    #[must_use]
    pub fn oral(&self) -> Option<CefrLevel> {
        [self.oral_comprehension, self.oral_expression]
            .into_iter()
            .filter(|level| level.is_assessed())
            .min()
    }
}

/// Whether a person cannot read or write in any language: French written abilities (or the
/// summary level) at A0, and no other language written above A0. Such a person is oriented to
/// literacy courses (alphabétisation), not to French as a foreign language; a person who
/// writes another language learns French (FLE), the Latin alphabet with it if need be.
#[must_use]
pub fn needs_literacy(
    abilities: FrenchAbilities,
    level: CefrLevel,
    languages: &[Language],
) -> bool {
    (abilities.needs_literacy() || level == CefrLevel::A0)
        && !languages.iter().any(|l| l.writing > CefrLevel::A0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2026_thresholds_are_a2_b1_b2_and_the_gap_says_what_is_missing() {
        assert_eq!(PermitTarget::MultiYearCard.required_level(), CefrLevel::A2);
        assert_eq!(PermitTarget::ResidentCard.required_level(), CefrLevel::B1);
        assert_eq!(PermitTarget::Naturalisation.required_level(), CefrLevel::B2);
        let mut integration = Integration::default();
        assert_eq!(integration.gap(CefrLevel::A2), None);
        integration.target = Some(PermitTarget::ResidentCard);
        let gap = integration.gap(CefrLevel::A2).unwrap();
        assert!(
            gap.sentence()
                .starts_with("Vise la carte de résident : B1 exigé, niveau actuel A2"),
            "{}",
            gap.sentence()
        );
        let (objective, actions) = gap.suggested_objective().unwrap();
        assert!(objective.contains("carte de résident"), "{objective}");
        assert_eq!(actions.len(), 3, "{actions:?}");
        // B1 reached, certified, exam passed in the multi-year version: the exam is still due.
        integration.certificates.push(LanguageCertificate {
            kind: CertificateKind::Tcf,
            level: CefrLevel::B1,
            obtained_on: None,
        });
        integration.civic_exam = Some(CivicExam {
            mention: PermitTarget::MultiYearCard,
            date: None,
            result: CivicExamResult::Passed,
            attempts: 1,
        });
        let gap = integration.gap(CefrLevel::B1).unwrap();
        assert_eq!(
            gap.suggested_objective().map(|(_, actions)| actions),
            Some(vec!["Préparer et passer l'examen civique".to_owned()])
        );
        integration.civic_exam = Some(CivicExam {
            mention: PermitTarget::Naturalisation,
            date: None,
            result: CivicExamResult::Passed,
            attempts: 2,
        });
        let gap = integration.gap(CefrLevel::B1).unwrap();
        assert!(gap.is_closed());
        assert_eq!(gap.suggested_objective(), None);
    }

    #[test]
    fn the_summary_level_is_the_lowest_ability_assessed() {
        let mut abilities = FrenchAbilities::default();
        assert_eq!(abilities.summary(), None);
        abilities.oral_comprehension = CefrLevel::B2;
        abilities.oral_expression = CefrLevel::B1;
        assert_eq!(abilities.summary(), Some(CefrLevel::B1));
        abilities.written_expression = CefrLevel::A2;
        assert_eq!(abilities.summary(), Some(CefrLevel::A2));
        assert!(!abilities.needs_literacy());
        abilities.written_comprehension = CefrLevel::A0;
        assert!(abilities.needs_literacy());
        assert_eq!(abilities.oral(), Some(CefrLevel::B1));
    }

    #[test]
    fn literacy_is_for_people_who_write_no_language_at_all() {
        let mut abilities = FrenchAbilities {
            oral_expression: CefrLevel::A1,
            written_expression: CefrLevel::A0,
            ..FrenchAbilities::default()
        };
        let mut tigrinya = Language {
            writing: CefrLevel::A0,
            ..Language::named("tigrigna")
        };
        assert!(needs_literacy(
            abilities,
            CefrLevel::A0,
            std::slice::from_ref(&tigrinya)
        ));
        // Writing another language (another alphabet included): French as a foreign language.
        tigrinya.writing = CefrLevel::B2;
        assert!(!needs_literacy(abilities, CefrLevel::A0, &[tigrinya]));
        abilities.written_expression = CefrLevel::A1;
        assert!(!needs_literacy(abilities, CefrLevel::A1, &[]));
        assert!(needs_literacy(
            FrenchAbilities::default(),
            CefrLevel::A0,
            &[]
        ));
    }
}
