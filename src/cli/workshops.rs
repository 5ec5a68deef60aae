//! `workshop enrol`: enrols people into a workshop of the catalogue, one save each, as the
//! window does — and as a second Parcours on the same folder may do at the same moment (each
//! save is a compare-and-swap: no enrolment is lost; a workshop full since it was read refuses,
//! "Atelier complet").

use std::io::Write;
use std::path::Path;

use super::{CliError, Outcome};
use crate::model::preparation::WorkshopError;
use crate::model::record::{BeneficiaryId, WorkshopId};
use crate::store::StoreError;

pub(super) fn enrol(
    data_dir: &Path,
    workshop: &str,
    people: &[String],
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let mut store = super::open_writer(data_dir)?;
    let unknown = || StoreError::Refused(format!("aucun atelier n'a l'identifiant « {workshop} »"));
    let id: WorkshopId = workshop.trim().parse().map_err(|_| unknown())?;
    let (catalogue, _) = store.load_workshops();
    let mut current = catalogue
        .into_iter()
        .find(|w| w.id == id)
        .ok_or_else(unknown)?;
    for person in people {
        let beneficiary: BeneficiaryId = person
            .trim()
            .parse()
            .map_err(|_| CliError::UnknownBeneficiary(person.clone()))?;
        // What the folder holds now: another Parcours may have enrolled people meanwhile.
        if let Some(now) = store.read_workshop(&current) {
            current = now;
        }
        match current.enrol(beneficiary) {
            Ok(()) | Err(WorkshopError::AlreadyEnrolled) => {}
            Err(refused) => {
                return Err(
                    StoreError::Refused(format!("{refused} — « {} »", current.title)).into(),
                );
            }
        }
        current = store.save_workshop_as_written(&current)?;
        writeln!(out, "inscrit\t{beneficiary}")?;
    }
    writeln!(
        out,
        "« {} » : {} inscrit(s)",
        current.title,
        current.fill_text()
    )?;
    Ok(Outcome::Success)
}
