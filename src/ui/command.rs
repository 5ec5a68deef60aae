//! [`Command`]: the only way a panel or a window asks for a change. Panels draw from the
//! read-only [`ViewContext`](super::context::ViewContext) and push commands; the app applies
//! them once, at the end of the frame, through the store.

use chrono::{NaiveDate, NaiveTime};

use crate::model::companies::{Application, Company};
use crate::model::creche::CrecheSettings;
use crate::model::preparation::Workshop;
use crate::model::record::RetentionExtension;
use crate::model::skills::FlePartner;
use crate::model::{ApplicationId, Beneficiary, BeneficiaryId, OutcomeKind, Settings};

use super::tabs::Tab;

/// A job interview the crèche is asked to cover (from the "Entreprises" tab).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewBooking {
    /// The application the interview belongs to (kept in the booking's reason).
    pub application: ApplicationId,
    /// Day of the interview.
    pub date: NaiveDate,
    /// Time of the interview, when known.
    pub time: Option<NaiveTime>,
    /// "Offer — Company", for the booking's note.
    pub label: String,
}

/// A user intent, collected while drawing and applied at the end of the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show this top-level view (the record's "Fiche" included).
    ShowView(super::views::MainView),
    /// Show this record.
    Select(BeneficiaryId),
    /// Show this record on this tab (an overdue action, a field to correct).
    Open(BeneficiaryId, Tab),
    /// Create an empty record and show it.
    NewBeneficiary,
    /// Write demonstration records (empty data directory only).
    LoadDemo,
    /// Save every pending edit now.
    SaveNow,
    /// Close the window, abandoning edits that cannot be saved.
    DiscardAndClose,
    /// Put back an entry removed from this record's form (the undo bar's "Annuler").
    UndoRemoval(usize),
    /// Save the structure's settings (`settings.ron`).
    SaveSettings(Box<Settings>),
    /// Replace the data with the daily backup of this date (after the store's safety copy).
    Restore(NaiveDate),
    /// Save the version chosen for a record found twice, and put the other copy aside.
    ResolveConflict(usize, Box<Beneficiary>),
    /// Save a partner of the French-course directory.
    SavePartner(FlePartner),
    /// Save a workshop of the catalogue (its own file only).
    SaveWorkshop(Box<Workshop>),
    /// Take an empty workshop out of the catalogue (its file is kept aside).
    DeleteWorkshop(Box<Workshop>),
    /// Open the "Crèche" tab with a booking prepared for this workshop (not booked yet).
    BookCrecheForWorkshop(Box<Workshop>),
    /// Open the "Crèche" tab with a booking prepared for this interview (not booked yet).
    BookCrecheForInterview(InterviewBooking),
    /// Open the micro-crèche's settings window.
    OpenCrecheSettings,
    /// Save the micro-crèche's settings (`creche.ron`).
    SaveCrecheSettings(Box<CrecheSettings>),
    /// Save companies of the directory (edited or imported), then reload it.
    SaveCompanies(Vec<Company>),
    /// Save companies imported from a file (the import window), then reload the directory;
    /// the journal records the import.
    ImportCompanies(Vec<Company>),
    /// The person's copy of their data was written: the journal records it.
    Exported(BeneficiaryId),
    /// Replace a record's applications (one proposed or moved), and save it.
    SetApplications(BeneficiaryId, Vec<Application>),
    /// Close a record's pathway with this outcome (a hire), through its form.
    ClosePathway(BeneficiaryId, OutcomeKind, NaiveDate),
    /// Open "Qui utilise Parcours sur cet ordinateur ?" to change the counsellor's name.
    ChangeCounsellor,
    /// A document of a record was printed or saved as PDF: the journal records it.
    Printed(BeneficiaryId, crate::store::journal::Document),
    /// Erase a record (anonymise it, and remove the person from every copy and backup): the
    /// person was named in a confirmation first.
    Erase(BeneficiaryId),
    /// Keep a record past the retention period, until a date, for a written reason.
    ExtendRetention(BeneficiaryId, RetentionExtension),
    /// Add a planned appointment to a record (from a free slot of the agenda) and show its
    /// "Préparation à l'emploi" tab.
    PlanAppointment(BeneficiaryId, Box<crate::model::preparation::Appointment>),
    /// Settle a record's appointment (from the home screen): honoured, absent, excused…
    SetAppointmentStatus(
        BeneficiaryId,
        crate::model::record::ids::AppointmentId,
        crate::model::preparation::AppointmentStatus,
    ),
    /// Open the "Crèche" tab with a booking prepared for this appointment of the record shown
    /// (not booked yet).
    BookCrecheForAppointment(Box<crate::model::preparation::Appointment>),
    /// Open the workshops' catalogue with this workshop's form (a workshop clicked on the
    /// agenda or on Accueil): over the record shown, else over a person enrolled in it.
    OpenWorkshop(crate::model::WorkshopId),
    /// Open "Chiffrer ce dossier…" (a clear folder, from Paramètres).
    EncryptFolder,
    /// Open "Changer la phrase de passe…" (an encrypted folder, from Paramètres).
    ChangePassphrase,
    /// Open "Nouvelle clé de secours…" (an encrypted folder, from Paramètres).
    RenewRecoveryKey,
}
