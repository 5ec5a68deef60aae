//! ROME 4.0 occupations and NAF sectors: reference data shipped in `assets/rome/`.
//!
//! France Travail's ROME referential names the occupations a person's experience, skills and
//! project are linked to; the NAF divisions relate a company's APE code to the occupations it
//! typically hires for. Both tables are compiled into the binary (the app works offline and the
//! data never changes at run time), parsed once on first use and shared by every panel through
//! [`catalog`]. Source and attribution: `assets/rome/README.md`.

use std::cmp::Ordering;
use std::fmt;
use std::sync::LazyLock;

use crate::model::record::fold;

/// The occupations table: `code_rome`, `libelle`, `secteurs_naf` (tab-separated, one header).
const OCCUPATIONS_TSV: &str = include_str!("../../../assets/rome/rome_occupations.tsv");
/// The NAF divisions table: `secteur_id`, `libelle` (tab-separated, one header).
const SECTORS_TSV: &str = include_str!("../../../assets/rome/naf_sectors.tsv");

/// The NAF "division" that stands for every sector (`Transverse aux secteurs`).
pub const TRANSVERSE_DIVISION: u8 = 0;

/// One occupation of the ROME referential, e.g. `J1501` "Aide-soignant / Aide-soignante".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// The ROME code: one capital letter and four digits (`J1501`).
    pub code: String,
    /// The French label, as France Travail writes it (masculine / feminine forms).
    pub label: String,
    /// The NAF divisions (first two digits of an APE code) where this occupation is commonly
    /// found, in the order of the source file.
    pub naf_divisions: Vec<u8>,
    /// The code, lower-cased, for prefix ranking.
    folded_code: String,
    /// The label, [`fold`]ed, for matching and for sorting ties alphabetically.
    folded_label: String,
    /// Code and folded label together: what every word of a query must be found in.
    search_text: String,
}

impl Occupation {
    /// Builds an occupation, precomputing its folded search text.
    fn new(code: String, label: String, naf_divisions: Vec<u8>) -> Self {
        let folded_code = code.to_ascii_lowercase();
        let folded_label = fold(&label);
        let search_text = format!("{folded_code} {folded_label}");
        Self {
            code,
            label,
            naf_divisions,
            folded_code,
            folded_label,
            search_text,
        }
    }

    /// Whether this occupation is found in NAF `division` (an occupation listed as transverse
    /// is found in every division).
    #[must_use]
    pub fn is_in_division(&self, division: u8) -> bool {
        self.naf_divisions
            .iter()
            .any(|&d| d == division || d == TRANSVERSE_DIVISION)
    }
}

/// Shown as "J1501 · Aide-soignant / Aide-soignante", the form every list and picker uses.
impl fmt::Display for Occupation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}", self.code, self.label)
    }
}

/// One NAF division, e.g. `86` "Activités pour la santé humaine".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sector {
    /// The division number: the first two digits of an APE code (`56.10A` → 56); 0 is
    /// "Transverse aux secteurs".
    pub id: u8,
    /// The French label.
    pub label: String,
}

/// Both reference tables, parsed: occupations sorted by code, sectors sorted by division.
#[derive(Debug)]
pub struct RomeCatalog {
    occupations: Vec<Occupation>,
    sectors: Vec<Sector>,
}

/// The catalogue compiled into the binary, parsed on first use.
static CATALOG: LazyLock<RomeCatalog> =
    LazyLock::new(|| RomeCatalog::parse(OCCUPATIONS_TSV, SECTORS_TSV));

/// The shared ROME catalogue (parsed once, on first call).
#[must_use]
pub fn catalog() -> &'static RomeCatalog {
    &CATALOG
}

/// How well an occupation matches a query; lower ranks are listed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// The query is the code itself (`j1501`).
    ExactCode,
    /// The query starts the code (`j15`).
    CodePrefix,
    /// The label starts with the query (`aide soi`).
    LabelStart,
    /// Every query word starts a word of the label (`soignant aide`).
    WordStarts,
    /// Every query word is somewhere in the code or label (`oignan`).
    Elsewhere,
}

impl RomeCatalog {
    /// Parses both tables; malformed lines are skipped (the unit tests check that the shipped
    /// files have none).
    fn parse(occupations_tsv: &str, sectors_tsv: &str) -> Self {
        let mut occupations = parse_occupations(occupations_tsv);
        occupations.sort_by(|a, b| a.code.cmp(&b.code));
        occupations.dedup_by(|later, first| later.code == first.code);
        let mut sectors = parse_sectors(sectors_tsv);
        sectors.sort_by_key(|s| s.id);
        sectors.dedup_by_key(|s| s.id);
        Self {
            occupations,
            sectors,
        }
    }

    /// Every occupation, sorted by code.
    #[must_use]
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// The occupation with this ROME code, whatever its case and surrounding spaces (`j1501`).
    #[must_use]
    pub fn occupation(&self, code: &str) -> Option<&Occupation> {
        let code = code.trim().to_ascii_uppercase();
        self.occupations
            .binary_search_by(|o| o.code.as_str().cmp(&code))
            .ok()
            .and_then(|i| self.occupations.get(i))
    }

    /// Every NAF division, sorted by number.
    #[must_use]
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    /// The NAF division with this number.
    #[must_use]
    pub fn sector(&self, id: u8) -> Option<&Sector> {
        self.sectors
            .binary_search_by_key(&id, |s| s.id)
            .ok()
            .and_then(|i| self.sectors.get(i))
    }

    /// The occupations commonly found in NAF `division`, by code. Division 0 (transverse)
    /// means "any sector": every occupation.
    pub fn occupations_for_division(&self, division: u8) -> impl Iterator<Item = &Occupation> {
        self.occupations
            .iter()
            .filter(move |o| division == TRANSVERSE_DIVISION || o.is_in_division(division))
    }

    /// At most `limit` occupations matching `query`, best first.
    ///
    /// Accents, case and hyphens do not matter, and every word of the query must be found in
    /// the code or the label ("aide soignant" finds "Aide-soignant / Aide-soignante", "j15"
    /// finds J1501…). Ranking: the exact code, then codes starting with the query (in code
    /// order), then labels starting with it, then labels where every query word starts a word,
    /// then any other match; within each of these last three, by label (ignoring accents).
    /// An empty query finds nothing.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Occupation> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let phrase = words.join(" ");
        let mut hits: Vec<(Rank, &Occupation)> = self
            .occupations
            .iter()
            .filter(|o| words.iter().all(|w| o.search_text.contains(w)))
            .map(|o| (rank(o, &phrase, &words), o))
            .collect();
        let order = |a: &(Rank, &Occupation), b: &(Rank, &Occupation)| -> Ordering {
            let by_label = || {
                a.1.folded_label
                    .cmp(&b.1.folded_label)
                    .then_with(|| a.1.code.cmp(&b.1.code))
            };
            match a.0.cmp(&b.0) {
                // A code family reads best in code order, as the referential lists it.
                Ordering::Equal if a.0 == Rank::CodePrefix => a.1.code.cmp(&b.1.code),
                Ordering::Equal => by_label(),
                unequal => unequal,
            }
        };
        // Only the first `limit` need sorting: a one-letter query matches most of the table.
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter().map(|(_, o)| o).collect()
    }
}

/// How `occupation` (already known to match every word) ranks for the folded query.
fn rank(occupation: &Occupation, phrase: &str, words: &[&str]) -> Rank {
    if occupation.folded_code == phrase {
        Rank::ExactCode
    } else if occupation.folded_code.starts_with(phrase) {
        Rank::CodePrefix
    } else if occupation.folded_label.starts_with(phrase) {
        Rank::LabelStart
    } else if words
        .iter()
        .all(|w| starts_a_word(&occupation.folded_label, w))
    {
        Rank::WordStarts
    } else {
        Rank::Elsewhere
    }
}

/// Whether `word` occurs in `text` at the start of one of its words.
fn starts_a_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        text.get(..at)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The data lines of a TSV file: without a byte-order mark, the header, blank lines or `\r`.
fn data_lines(tsv: &str) -> impl Iterator<Item = &str> {
    tsv.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim().is_empty())
}

/// Whether `code` has the shape of a ROME code: one capital letter, four digits.
fn is_rome_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 5
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.iter().skip(1).all(u8::is_ascii_digit)
}

/// Parses the occupations table, skipping lines without a valid code and a label. A division
/// that is not a number is dropped, keeping the occupation.
fn parse_occupations(tsv: &str) -> Vec<Occupation> {
    data_lines(tsv)
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?.trim();
            let label = fields.next()?.trim();
            if !is_rome_code(code) || label.is_empty() {
                return None;
            }
            let divisions = fields
                .next()
                .unwrap_or_default()
                .split(',')
                .filter_map(|d| d.trim().parse::<u8>().ok())
                .collect();
            Some(Occupation::new(
                code.to_owned(),
                label.to_owned(),
                divisions,
            ))
        })
        .collect()
}

/// Parses the sectors table, skipping lines without a numeric division and a label.
fn parse_sectors(tsv: &str) -> Vec<Sector> {
    data_lines(tsv)
        .filter_map(|line| {
            let (id, label) = line.split_once('\t')?;
            let id = id.trim().parse::<u8>().ok()?;
            let label = label.split('\t').next()?.trim();
            (!label.is_empty()).then(|| Sector {
                id,
                label: label.to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn codes(found: &[&Occupation]) -> Vec<String> {
        found.iter().map(|o| o.code.clone()).collect()
    }

    #[test]
    fn every_shipped_line_parses() {
        let catalog = catalog();
        assert_eq!(catalog.occupations().len(), 1_584);
        assert_eq!(catalog.sectors().len(), 89);
        let j1501 = catalog.occupation("J1501").unwrap();
        assert_eq!(j1501.label, "Aide-soignant / Aide-soignante");
        assert_eq!(j1501.naf_divisions, vec![86]);
        assert_eq!(
            catalog.occupation("A1202").unwrap().naf_divisions,
            vec![38, 81, 94]
        );
        assert!(
            catalog
                .occupations()
                .iter()
                .all(|o| !o.naf_divisions.is_empty()),
            "every occupation keeps its sectors"
        );
    }

    #[test]
    fn codes_are_found_whatever_their_case() {
        let catalog = catalog();
        assert_eq!(catalog.occupation("j1501").unwrap().code, "J1501");
        assert_eq!(catalog.occupation(" J1501 ").unwrap().code, "J1501");
        assert!(catalog.occupation("J9999").is_none());
        assert!(catalog.occupation("").is_none());
    }

    #[test]
    fn sectors_by_division_number() {
        let catalog = catalog();
        assert_eq!(catalog.sector(0).unwrap().label, "Transverse aux secteurs");
        assert_eq!(catalog.sector(10).unwrap().label, "Industries alimentaires");
        assert!(catalog.sector(4).is_none(), "NAF has no division 04");
        let ids: Vec<u8> = catalog.sectors().iter().map(|s| s.id).collect();
        assert!(ids.is_sorted(), "sorted numerically, not as text");
    }

    #[test]
    fn occupations_of_a_division() {
        let catalog = catalog();
        let health: Vec<_> = catalog.occupations_for_division(86).collect();
        assert!(health.iter().any(|o| o.code == "J1501"));
        assert!(health.iter().all(|o| o.naf_divisions.contains(&86)));
        assert!(!health.iter().any(|o| o.code == "A1101"), "tractor drivers");
        assert_eq!(
            catalog
                .occupations_for_division(TRANSVERSE_DIVISION)
                .count(),
            1_584,
            "transverse means any sector"
        );
    }

    #[test]
    fn transverse_occupations_belong_to_every_division() {
        let catalog = RomeCatalog::parse(
            "code_rome\tlibelle\tsecteurs_naf\nM1601\tAccueil\t0\nJ1501\tSoin\t86\n",
            "secteur_id\tlibelle\n0\tTransverse\n",
        );
        let in_food: Vec<_> = catalog.occupations_for_division(10).collect();
        assert_eq!(codes(&in_food), ["M1601"]);
    }

    #[test]
    fn search_ignores_accents_case_and_hyphens() {
        let found = catalog().search("aide soignant", 8);
        assert_eq!(found.first().unwrap().code, "J1501");
        let found = catalog().search("AIDE-SOIGNANT", 8);
        assert_eq!(found.first().unwrap().code, "J1501");
        // "Bûcheron" typed without its circumflex.
        assert_eq!(
            catalog().search("bucheron", 8).first().unwrap().code,
            "A1201"
        );
    }

    #[test]
    fn every_word_must_match_in_any_order() {
        let found = catalog().search("soignante aide", 20);
        assert!(codes(&found).contains(&"J1501".to_owned()));
        for o in &found {
            let label = fold(&o.label);
            assert!(label.contains("soignante") && label.contains("aide"), "{o}");
        }
        assert!(catalog().search("aide soignant zzz", 8).is_empty());
    }

    #[test]
    fn a_code_prefix_lists_that_code_family_in_code_order() {
        let found = catalog().search("j15", 8);
        assert_eq!(
            codes(&found),
            [
                "J1501", "J1502", "J1503", "J1504", "J1505", "J1506", "J1507", "J1508"
            ]
        );
        assert_eq!(catalog().search("J1501", 8).len(), 1);
    }

    #[test]
    fn ranking_puts_codes_then_label_starts_then_word_starts_then_the_rest() {
        let catalog = RomeCatalog::parse(
            "code_rome\tlibelle\tsecteurs_naf\n\
             D1000\tXa1000 au milieu\t10\n\
             B1000\tVendeur en boulangerie (a1000)\t47\n\
             A1001\tBoulanger\t10\n\
             A1000\tZinc\t10\n\
             C1000\tA1000 logistique\t49\n",
            "",
        );
        assert_eq!(
            codes(&catalog.search("a1000", 8)),
            ["A1000", "C1000", "B1000", "D1000"],
            "exact code, label start, word start, then the rest"
        );
        assert_eq!(
            codes(&catalog.search("a100", 8)),
            ["A1000", "A1001", "C1000", "B1000", "D1000"],
            "code prefixes in code order, although Zinc sorts after Boulanger"
        );
        assert_eq!(
            codes(&catalog.search("boulang", 8)),
            ["A1001", "B1000"],
            "label start before a word inside"
        );
    }

    #[test]
    fn label_starts_come_before_other_matches_and_ties_go_alphabetically() {
        let found = catalog().search("cuisin", 50);
        let first_other = found
            .iter()
            .position(|o| !o.folded_label.starts_with("cuisin"))
            .unwrap();
        assert!(first_other > 0, "{:?}", codes(&found));
        assert!(
            found[first_other..]
                .iter()
                .all(|o| !o.folded_label.starts_with("cuisin")),
            "every label starting with the query comes first"
        );
        let starts: Vec<_> = found[..first_other]
            .iter()
            .map(|o| &o.folded_label)
            .collect();
        assert!(starts.is_sorted(), "ties sorted by label");
    }

    #[test]
    fn limit_keeps_the_best_results() {
        let all = catalog().search("a", 2_000);
        let some = catalog().search("a", 5);
        assert_eq!(some, all[..5]);
        assert!(catalog().search("aide", 0).is_empty());
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(catalog().search("", 8).is_empty());
        assert!(catalog().search("  - ", 8).is_empty());
    }

    #[test]
    fn malformed_lines_are_skipped_without_panicking() {
        let catalog = RomeCatalog::parse(
            "\u{feff}code_rome\tlibelle\tsecteurs_naf\r\n\
             J1501\tAide-soignant / Aide-soignante\t86\r\n\
             \r\n\
             garbage\n\
             J15\tTrop court\t86\n\
             K2111\t\t85\n\
             K2112\tSans secteurs\n\
             K2113\tSecteur illisible\t85,x,300,86\n\
             J1501\tDoublon\t1\n",
            "secteur_id\tlibelle\n86\tSanté\nxx\tNon\n300\tHors bornes\n87\t\n",
        );
        assert_eq!(
            codes(&catalog.occupations().iter().collect::<Vec<_>>()),
            ["J1501", "K2112", "K2113"]
        );
        assert_eq!(
            catalog.occupation("J1501").unwrap().label,
            "Aide-soignant / Aide-soignante"
        );
        assert_eq!(
            catalog.occupation("K2113").unwrap().naf_divisions,
            vec![85, 86]
        );
        assert!(
            catalog
                .occupation("K2112")
                .unwrap()
                .naf_divisions
                .is_empty()
        );
        assert_eq!(catalog.sectors().len(), 1);
        assert_eq!(catalog.sector(86).unwrap().label, "Santé");
    }

    #[test]
    fn shown_as_code_and_label() {
        let j1501 = catalog().occupation("J1501").unwrap();
        assert_eq!(j1501.to_string(), "J1501 · Aide-soignant / Aide-soignante");
    }
}
