//! The small-count rule and secondary suppression.
//!
//! Tables of people are built as [`PeopleTable`]s of plain counts, then turned into
//! [`Table`]s by [`PeopleTable::finish`]: a count above zero and below the threshold becomes
//! [`Cell::Hidden`] (primary suppression); then, in an *additive* table (its category rows add
//! up to its "Total" row, column by column), a column where exactly one cell is hidden gets its
//! next smallest category hidden too, so that the hidden count cannot be recomputed as the
//! total minus the cells shown (secondary suppression). When no other category can be hidden,
//! the total is. A column where the total itself is hidden is already safe.

use crate::model::stats::table::{Cell, Row, Table};

/// The label of the row that adds up the categories.
pub const TOTAL: &str = "Total";

/// A table of people before the anonymity rules: one count per row and column.
#[derive(Debug, Clone)]
pub(crate) struct PeopleTable {
    /// See [`Table::key`].
    pub key: &'static str,
    /// See [`Table::title`].
    pub title: String,
    /// See [`Table::source`].
    pub source: String,
    /// See [`Table::columns`].
    pub columns: Vec<String>,
    /// The category rows: a label and one count per column.
    pub rows: Vec<(String, Vec<u32>)>,
    /// Whether each person falls in exactly one row, so that the rows add up to a total
    /// row (appended by [`Self::finish`]); otherwise a person may count in several rows (or
    /// none) and no total row is added.
    pub additive: bool,
    /// Columns that count things, not people (applications, interviews…): written as
    /// [`Cell::Count`], hidden only beside a hidden count of people in their row.
    pub count_columns: Vec<usize>,
}

impl PeopleTable {
    /// A table with these columns and no row yet.
    pub fn new(key: &'static str, title: &str, source: &str, columns: &[&str]) -> Self {
        Self {
            key,
            title: title.to_owned(),
            source: source.to_owned(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
            additive: true,
            count_columns: Vec::new(),
        }
    }

    /// Marks a column as counting things, not people.
    pub fn counting(mut self, column: usize) -> Self {
        self.count_columns.push(column);
        self
    }

    /// Marks the table as one where a person may count in several rows.
    pub const fn overlapping(mut self) -> Self {
        self.additive = false;
        self
    }

    /// Appends a row.
    pub fn row(&mut self, label: impl Into<String>, counts: Vec<u32>) {
        self.rows.push((label.into(), counts));
    }

    /// Applies the small-count rule (and, in an additive table, secondary suppression) and
    /// returns the table every output reads.
    pub fn finish(self, threshold: u32) -> Table {
        let width = self.columns.len();
        let mut labels: Vec<String> = self.rows.iter().map(|(l, _)| l.clone()).collect();
        let mut counts: Vec<Vec<u32>> = self
            .rows
            .into_iter()
            .map(|(_, mut c)| {
                c.resize(width, 0);
                c
            })
            .collect();
        if self.additive {
            let total = (0..width)
                .map(|col| counts.iter().map(|r| r[col]).sum())
                .collect();
            counts.push(total);
            labels.push(TOTAL.to_owned());
        }
        let people = |col: usize| !self.count_columns.contains(&col);
        let small: Vec<Vec<bool>> = counts
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(col, &n)| people(col) && n > 0 && n < threshold)
                    .collect()
            })
            .collect();
        let mut hidden: Vec<Vec<bool>> = counts
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(col, &n)| people(col) && n > 0 && n < threshold)
                    .collect()
            })
            .collect();
        if self.additive {
            for col in (0..width).filter(|&col| people(col)) {
                suppress_column(&counts, &mut hidden, col);
            }
        }
        // A count of things beside a hidden count of people would tell it (one hire: one
        // person): it is hidden with it.
        for row in &mut hidden {
            if (0..width).any(|col| people(col) && row[col]) {
                for col in self.count_columns.iter().filter(|&&col| col < width) {
                    row[*col] = true;
                }
            }
        }
        let rows = labels
            .into_iter()
            .zip(counts.iter().zip(hidden.iter().zip(&small)))
            .map(|(label, (counts, (hidden, small)))| Row {
                label,
                cells: counts
                    .iter()
                    .zip(hidden.iter().zip(small))
                    .enumerate()
                    .map(|(col, (&n, (&h, &s)))| {
                        if h && s {
                            Cell::Hidden
                        } else if h {
                            Cell::Masked
                        } else if people(col) {
                            Cell::People(n)
                        } else {
                            Cell::Count(n)
                        }
                    })
                    .collect(),
            })
            .collect();
        Table {
            key: self.key,
            title: self.title,
            source: self.source,
            columns: self.columns,
            rows,
        }
    }
}

/// Secondary suppression in one column of an additive table whose last row is the total.
fn suppress_column(counts: &[Vec<u32>], hidden: &mut [Vec<bool>], col: usize) {
    let Some(total_row) = counts.len().checked_sub(1) else {
        return;
    };
    if hidden[total_row][col] {
        return;
    }
    let hidden_categories = (0..total_row).filter(|&r| hidden[r][col]).count();
    if hidden_categories != 1 {
        return;
    }
    // The next smallest category shown, preferring a non-zero one (a zero shown beside a
    // single hidden cell hides nothing).
    let next = (0..total_row)
        .filter(|&r| !hidden[r][col])
        .min_by_key(|&r| (counts[r][col] == 0, counts[r][col], r));
    match next {
        Some(r) if counts[r][col] > 0 => hidden[r][col] = true,
        _ => hidden[total_row][col] = true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table, column: usize) -> Vec<Cell> {
        table.rows.iter().map(|r| r.cells[column]).collect()
    }

    #[test]
    fn a_count_under_the_threshold_is_hidden_and_so_is_the_next_smallest() {
        let mut t = PeopleTable::new("t", "T", "", &["Personnes"]);
        t.row("A", vec![12]);
        t.row("B", vec![3]);
        t.row("C", vec![7]);
        t.row("D", vec![0]);
        let table = t.finish(5);
        // B (3) is hidden; alone, it would be 22 − 12 − 7 − 0: C, the next smallest, goes too.
        assert_eq!(
            cells(&table, 0),
            [
                Cell::People(12),
                Cell::Hidden,
                Cell::Masked,
                Cell::People(0),
                Cell::People(22)
            ]
        );
        assert_eq!(table.rows[4].label, TOTAL);
    }

    #[test]
    fn two_hidden_cells_need_nothing_more_and_a_lone_one_hides_the_total() {
        let mut t = PeopleTable::new("t", "T", "", &["Personnes"]);
        t.row("A", vec![2]);
        t.row("B", vec![1]);
        t.row("C", vec![9]);
        assert_eq!(
            cells(&t.finish(5), 0),
            [
                Cell::Hidden,
                Cell::Hidden,
                Cell::People(9),
                Cell::People(12)
            ]
        );
        let mut t = PeopleTable::new("t", "T", "", &["Personnes"]);
        t.row("A", vec![2]);
        t.row("B", vec![0]);
        assert_eq!(
            cells(&t.finish(5), 0),
            [Cell::Hidden, Cell::People(0), Cell::Hidden]
        );
    }

    #[test]
    fn an_overlapping_table_has_no_total_and_hides_only_small_counts() {
        let mut t = PeopleTable::new("t", "T", "", &["Personnes"]).overlapping();
        t.row("A", vec![2]);
        t.row("B", vec![6]);
        assert_eq!(cells(&t.finish(5), 0), [Cell::Hidden, Cell::People(6)]);
    }
}
