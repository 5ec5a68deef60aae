//! ROME 4.0 occupations and NAF sectors: reference data shipped in `assets/rome/`.
