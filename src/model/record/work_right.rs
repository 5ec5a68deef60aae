//! Whether a person may work in France on a given day, derived from the residence permit
//! recorded: its kind, its dates, the title a récépissé stands for, an asylum seeker's work
//! authorisation. The counsellor reads it before proposing an offer.

use chrono::{Months, NaiveDate};

use crate::model::record::beneficiary::{Administrative, PermitKind, ResidencePermit};

/// Months an asylum application must have waited for OFPRA's decision before the person may
/// ask for a work authorisation (L.554-1 CESEDA).
pub const ASYLUM_WAIT_MONTHS: u32 = 6;

/// The right to work on a day, with the reason in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkRight {
    /// No permit recorded: nothing can be said.
    Unknown,
    /// Authorised to work.
    Authorised(String),
    /// Authorised under conditions the counsellor must check (a mention, a quota of hours, an
    /// authorisation to ask for).
    Conditional(String),
    /// Not authorised to work on that day.
    NotAuthorised(String),
}

impl WorkRight {
    /// The right to work on `day` given the administrative situation.
    #[must_use]
    pub fn of(administrative: &Administrative, day: NaiveDate) -> Self {
        administrative
            .residence_permit
            .as_ref()
            .map_or(Self::Unknown, |permit| Self::of_permit(permit, day))
    }

    /// The right to work on `day` given one permit.
    #[must_use]
    pub fn of_permit(permit: &ResidencePermit, day: NaiveDate) -> Self {
        if let Some(expiry) = permit.expires_on.filter(|expiry| *expiry < day) {
            return Self::NotAuthorised(format!(
                "{} expiré le {}",
                permit.kind.label(),
                super::format_date(expiry)
            ));
        }
        match permit.kind {
            PermitKind::Receipt | PermitKind::ProlongationAttestation => {
                match permit.renews.filter(|kind| !kind.stands_for_another()) {
                    Some(renewed) => match Self::of_kind(renewed) {
                        Self::Authorised(_) => Self::Authorised(format!(
                            "{} : garde le droit au travail du titre demandé ({})",
                            permit.kind.label(),
                            renewed.label()
                        )),
                        other => other,
                    },
                    None => Self::Conditional(format!(
                        "{} : selon le titre demandé (à préciser), vérifier la mention « autorise son titulaire à travailler »",
                        permit.kind.label()
                    )),
                }
            }
            PermitKind::AsylumSeeker => Self::asylum_seeker(permit, day),
            kind => Self::of_kind(kind),
        }
    }

    /// What a valid title of that kind allows.
    fn of_kind(kind: PermitKind) -> Self {
        match kind {
            PermitKind::Temporary
            | PermitKind::MultiYear
            | PermitKind::Resident
            | PermitKind::Refugee
            | PermitKind::SubsidiaryProtection
            | PermitKind::Protection
            | PermitKind::TemporaryProtection
            | PermitKind::AlgerianCertificate => {
                Self::Authorised(format!("{} en cours de validité", kind.label()))
            }
            PermitKind::LongStayVisa => Self::Conditional(
                "VLS-TS : selon le motif du visa (salarié, vie privée : oui ; étudiant : 964 h par an au plus)"
                    .to_owned(),
            ),
            PermitKind::AsylumSeeker => Self::NotAuthorised(
                "Demande d'asile : pas d'accès au travail sans autorisation".to_owned(),
            ),
            PermitKind::Receipt | PermitKind::ProlongationAttestation | PermitKind::Other => {
                Self::Conditional(format!(
                    "{} : vérifier la mention « autorise son titulaire à travailler »",
                    kind.label()
                ))
            }
        }
    }

    /// L.554-1 CESEDA: an asylum seeker may work once OFPRA has not ruled within six months of
    /// the application, and only with a work authorisation.
    fn asylum_seeker(permit: &ResidencePermit, day: NaiveDate) -> Self {
        let Some(registered) = permit.issued_on else {
            return Self::NotAuthorised(
                "Demande d'asile : date d'enregistrement inconnue, pas d'accès au travail sans autorisation"
                    .to_owned(),
            );
        };
        let from = registered
            .checked_add_months(Months::new(ASYLUM_WAIT_MONTHS))
            .unwrap_or(registered);
        if day < from {
            Self::NotAuthorised(format!(
                "Demande d'asile : pas d'accès au travail avant le {} (6 mois sans décision de l'OFPRA)",
                super::format_date(from)
            ))
        } else if permit.work_authorisation {
            Self::Authorised(
                "Demande d'asile de plus de 6 mois, autorisation de travail obtenue".to_owned(),
            )
        } else {
            Self::Conditional(
                "Demande d'asile de plus de 6 mois sans décision : autorisation de travail à demander"
                    .to_owned(),
            )
        }
    }

    /// "Autorisé à travailler", "Sous conditions", "Non autorisé", "Non renseigné".
    #[must_use]
    pub const fn label(&self) -> &'static str {
        match self {
            Self::Unknown => "Non renseigné",
            Self::Authorised(_) => "Autorisé à travailler",
            Self::Conditional(_) => "Sous conditions",
            Self::NotAuthorised(_) => "Non autorisé à travailler",
        }
    }

    /// Why, in one French sentence (empty when unknown).
    #[must_use]
    pub fn reason(&self) -> &str {
        match self {
            Self::Unknown => "",
            Self::Authorised(why) | Self::Conditional(why) | Self::NotAuthorised(why) => why,
        }
    }

    /// The label and the reason, for one line.
    #[must_use]
    pub fn sentence(&self) -> String {
        if self.reason().is_empty() {
            self.label().to_owned()
        } else {
            format!("{} : {}", self.label(), self.reason())
        }
    }

    /// Whether the counsellor should be warned before proposing work on that day.
    #[must_use]
    pub const fn needs_warning(&self) -> bool {
        matches!(self, Self::Conditional(_) | Self::NotAuthorised(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::record::dates::test_support::d;

    fn permit(kind: PermitKind) -> ResidencePermit {
        ResidencePermit {
            issued_on: Some(d(2026, 1, 10)),
            expires_on: Some(d(2027, 1, 9)),
            ..ResidencePermit::new(kind)
        }
    }

    #[test]
    fn right_to_work_follows_the_permit_kind_and_its_dates() {
        let day = d(2026, 6, 1);
        assert!(matches!(
            WorkRight::of_permit(&permit(PermitKind::MultiYear), day),
            WorkRight::Authorised(_)
        ));
        assert!(matches!(
            WorkRight::of_permit(&permit(PermitKind::SubsidiaryProtection), day),
            WorkRight::Authorised(_)
        ));
        assert!(matches!(
            WorkRight::of_permit(&permit(PermitKind::LongStayVisa), day),
            WorkRight::Conditional(_)
        ));
        // The day after expiry, the same card gives no right any more.
        let expired = WorkRight::of_permit(&permit(PermitKind::MultiYear), d(2027, 1, 10));
        assert_eq!(expired.label(), "Non autorisé à travailler");
        assert!(
            expired.reason().contains("expiré le 09/01/2027"),
            "{expired:?}"
        );
        assert_eq!(
            WorkRight::of(&Administrative::default(), day),
            WorkRight::Unknown
        );
    }

    #[test]
    fn an_asylum_seeker_may_work_only_after_six_months_and_with_an_authorisation() {
        let mut asylum = permit(PermitKind::AsylumSeeker);
        let before = WorkRight::of_permit(&asylum, d(2026, 7, 9));
        assert!(matches!(before, WorkRight::NotAuthorised(_)));
        assert!(before.reason().contains("10/07/2026"), "{before:?}");
        assert!(matches!(
            WorkRight::of_permit(&asylum, d(2026, 7, 10)),
            WorkRight::Conditional(_)
        ));
        asylum.work_authorisation = true;
        assert!(matches!(
            WorkRight::of_permit(&asylum, d(2026, 7, 9)),
            WorkRight::NotAuthorised(_)
        ));
        assert!(matches!(
            WorkRight::of_permit(&asylum, d(2026, 7, 10)),
            WorkRight::Authorised(_)
        ));
    }

    #[test]
    fn a_receipt_keeps_the_right_of_the_title_it_stands_for() {
        let day = d(2026, 6, 1);
        let mut receipt = permit(PermitKind::Receipt);
        assert!(matches!(
            WorkRight::of_permit(&receipt, day),
            WorkRight::Conditional(_)
        ));
        receipt.renews = Some(PermitKind::Temporary);
        let right = WorkRight::of_permit(&receipt, day);
        assert!(matches!(right, WorkRight::Authorised(_)), "{right:?}");
        assert!(right.reason().contains("Carte de séjour temporaire"));
        receipt.renews = Some(PermitKind::AsylumSeeker);
        assert!(matches!(
            WorkRight::of_permit(&receipt, day),
            WorkRight::NotAuthorised(_)
        ));
        let mut api = permit(PermitKind::ProlongationAttestation);
        api.renews = Some(PermitKind::Resident);
        assert!(matches!(
            WorkRight::of_permit(&api, day),
            WorkRight::Authorised(_)
        ));
    }
}
