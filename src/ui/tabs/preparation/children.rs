//! The children in the "Préparation à l'emploi" tab: for each, the care to arrange (the
//! micro-crèche under three) or the schooling to check, from the "Identité" tab's dates.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::{Beneficiary, age_in_months};
use crate::ui::text::preparation as words;
use crate::ui::widgets::{info_row, info_section};

/// The children: care to arrange, schooling to check.
pub(super) fn children_ui(ui: &mut Ui, record: &Beneficiary, today: NaiveDate) {
    info_section(ui, words::CHILDREN, |ui| {
        if record.family.children.is_empty() {
            ui.label(RichText::new(words::NO_CHILD).weak());
            ui.end_row();
        }
        for child in &record.family.children {
            let need = match child.birth_date {
                None => words::CHILD_BIRTH_UNKNOWN,
                Some(birth) => {
                    let months = age_in_months(birth, today);
                    if months < 36 {
                        words::CHILD_CARE
                    } else if months < 16 * 12 {
                        words::CHILD_SCHOOLING
                    } else {
                        words::CHILD_OVER_16
                    }
                }
            };
            info_row(ui, &child.first_name, need);
        }
    });
}
