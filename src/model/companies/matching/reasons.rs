//! The criteria's verdicts in words: each [`Reason`]'s French text, built only for the lines
//! shown ("même métier (G1602), projet principal", "offre dans le 75, hors de la mobilité
//! déclarée (…)").

use std::borrow::Cow;

use crate::model::companies::company::{Company, Offer, departement};
use crate::model::record::cefr::CefrLevel;

use super::criteria::{Folds, Verdict, place_of};
use super::{Criterion, Profile, Reason};

impl Profile {
    /// The words of one verdict.
    pub(super) fn explain<'c>(
        &self,
        company: &Company,
        offer: &'c Offer,
        (points, verdict): (i32, Verdict),
        folds: &mut Folds<'c>,
    ) -> Reason {
        let level = |l: CefrLevel| l.label().split(' ').next().unwrap_or_default();
        let code = offer.rome_code.as_deref().unwrap_or_default();
        let (town, postcode) = place_of(company, offer);
        let there = departement(postcode).unwrap_or_default();
        let (criterion, text) = match verdict {
            Verdict::NoTargets => (
                Criterion::Occupation,
                Cow::Borrowed("aucun métier visé renseigné (projet ou phase 1)"),
            ),
            Verdict::SameCode(index) => (
                Criterion::Occupation,
                owned!("même métier ({code}){}", self.source(index).suffix()),
            ),
            Verdict::SameLabel(index) => (
                Criterion::Occupation,
                self.labels.get(index).map_or(Cow::Borrowed(""), |l| {
                    owned!(
                        "l'intitulé reprend le métier visé « {} »{}",
                        l.written,
                        l.source.suffix()
                    )
                }),
            ),
            Verdict::SameDomain(index) => (
                Criterion::Occupation,
                owned!(
                    "même domaine ({code} et {}){}",
                    self.targets.get(index).map_or("", String::as_str),
                    self.source(index).suffix()
                ),
            ),
            Verdict::Sector => (
                Criterion::Occupation,
                owned!(
                    "le secteur de l'entreprise (NAF {:02}) recrute les métiers visés",
                    company.naf_division().unwrap_or_default()
                ),
            ),
            Verdict::Unrelated if code.is_empty() => (
                Criterion::Occupation,
                Cow::Borrowed("métier de l'offre non précisé"),
            ),
            Verdict::Unrelated => (
                Criterion::Occupation,
                owned!("métier sans lien avec les métiers visés ({code})"),
            ),
            Verdict::NoLevel => (Criterion::French, Cow::Borrowed("aucun niveau exigé")),
            Verdict::NotAssessed => (
                Criterion::French,
                owned!("niveau non évalué ({} exigé)", level(offer.french_level)),
            ),
            Verdict::Reaches => (
                Criterion::French,
                owned!(
                    "{} pour {} exigé",
                    level(self.french),
                    level(offer.french_level)
                ),
            ),
            Verdict::OneBelow => (
                Criterion::French,
                owned!(
                    "{}, un niveau sous le {} exigé",
                    level(self.french),
                    level(offer.french_level)
                ),
            ),
            Verdict::FarBelow => (
                Criterion::French,
                owned!(
                    "{}, loin du {} exigé",
                    level(self.french),
                    level(offer.french_level)
                ),
            ),
            Verdict::NothingRequired => (Criterion::Skills, Cow::Borrowed("rien d'exigé")),
            Verdict::Skills { held, required } => {
                let missing: Vec<&str> = offer
                    .required_skills
                    .iter()
                    .chain(&offer.required_diplomas)
                    .filter(|s| !s.trim().is_empty() && !self.holds(folds.fold(s)))
                    .map(|s| s.trim())
                    .collect();
                let mut text = owned!("{held} sur {required} exigé(s)");
                if !missing.is_empty() {
                    text = owned!("{text}, manque : {}", missing.join(", "));
                }
                (Criterion::Skills, text)
            }
            Verdict::SameTown => (Criterion::Place, owned!("même commune ({})", town.trim())),
            Verdict::SameDepartement => (Criterion::Place, owned!("même département ({there})")),
            Verdict::ProjectTown => (
                Criterion::Place,
                owned!("{} accessible ({})", town.trim(), self.project_source()),
            ),
            Verdict::ProjectDepartement => (
                Criterion::Place,
                owned!("département {there} accessible ({})", self.project_source()),
            ),
            Verdict::OtherDepartementMobile => (
                Criterion::Place,
                owned!("autre département ({there}), mobilité déclarée"),
            ),
            // Where the offer is, then what the person declared: the département in the
            // brackets must never read as the declared one.
            Verdict::OutsideMobility => {
                let home = self.departement.as_deref().unwrap_or_default();
                let declared = match self.project.as_ref().map(|p| p.reachable.as_str()) {
                    Some(reachable) if !reachable.is_empty() => {
                        format!("domicile dans le {home} ; {reachable}")
                    }
                    _ => format!("domicile dans le {home}"),
                };
                (
                    Criterion::Place,
                    owned!("offre dans le {there}, hors de la mobilité déclarée ({declared})"),
                )
            }
            Verdict::NoPlace => (
                Criterion::Place,
                Cow::Borrowed("lieu non comparable (code postal manquant)"),
            ),
            Verdict::ProjectNoNights => (
                Criterion::Hours,
                owned!("travail de nuit, exclu par le {}", self.project_source()),
            ),
            Verdict::ProjectNoWeekends => (
                Criterion::Hours,
                owned!(
                    "travail le week-end, exclu par le {}",
                    self.project_source()
                ),
            ),
            Verdict::ProjectPartTime => (
                Criterion::Hours,
                owned!(
                    "{} h par semaine, temps partiel recherché ({})",
                    offer.weekly_hours.unwrap_or_default(),
                    self.project_source()
                ),
            ),
            Verdict::NoChildcare => (
                Criterion::Hours,
                Cow::Borrowed("pas de contrainte de garde d'enfant"),
            ),
            Verdict::Night => (
                Criterion::Hours,
                Cow::Borrowed("travail de nuit, incompatible avec la garde d'enfant"),
            ),
            Verdict::Weekend => (
                Criterion::Hours,
                Cow::Borrowed("travail le week-end, sans mode de garde"),
            ),
            Verdict::LongHours => (
                Criterion::Hours,
                Cow::Borrowed("plus de 35 h par semaine avec un enfant à faire garder"),
            ),
            Verdict::DayOk => (
                Criterion::Hours,
                Cow::Borrowed("horaires de journée, compatibles avec la garde d'enfant"),
            ),
        };
        Reason {
            criterion,
            points,
            text,
        }
    }

    /// "projet principal" or "projet en cours": the project whose limits matching applied.
    pub(super) fn project_source(&self) -> &'static str {
        self.project.as_ref().map_or("projet", |p| p.source)
    }
}
