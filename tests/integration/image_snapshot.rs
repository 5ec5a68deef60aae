//! The window's snapshot images, compared on Linux only.
//!
//! The committed PNGs are drawn by Mesa's lavapipe (the CPU Vulkan renderer the Linux tests
//! use) and compared pixel for pixel, within `egui_kittest`'s small default threshold: that is
//! what catches a label moved by a few pixels or a colour changed. Metal (macOS) and DirectX or
//! a GPU driver (Windows) anti-alias text and edges differently, so the same window differs by
//! thousands of pixels there; a tolerance loose enough to absorb that would also let small
//! regressions through on Linux. So elsewhere the image is drawn but not compared: the test
//! only fails if the window draws nothing (a blank or single-colour image), and the flows
//! around it (clicks, files on disk) are checked everywhere. README (Tests) says so.

use egui_kittest::Harness;

/// Compares the window with `tests/snapshots/<name>.png` on Linux; elsewhere checks that it
/// draws something (see the module's documentation).
pub fn snapshot<State>(harness: &mut Harness<'_, State>, name: &str) {
    #[cfg(target_os = "linux")]
    harness.snapshot(name);
    #[cfg(not(target_os = "linux"))]
    {
        // No renderer at all (a headless CI machine) is not the window's fault.
        if let Ok(image) = harness.render() {
            let first = image.pixels().next().copied();
            assert!(
                image.pixels().any(|p| Some(*p) != first),
                "{name}: the window drew a blank image"
            );
        }
    }
}

/// A printed page drawn by `pdftoppm` (`drawn`, a PNG) against the committed
/// `tests/snapshots/<name>.png`: written there with `UPDATE_SNAPSHOTS=1`; otherwise at most one
/// pixel in a thousand may differ noticeably (fonts are embedded: the page is the same
/// everywhere poppler draws it).
#[allow(clippy::unwrap_used)]
pub fn page_as_committed(drawn: &std::path::Path, name: &str) {
    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.png"));
    if crate::report::update_snapshots() {
        std::fs::copy(drawn, &committed).unwrap();
    }
    assert!(
        committed.exists(),
        "no committed page yet: run with UPDATE_SNAPSHOTS=1 and look at it"
    );
    let drawn = image::open(drawn).unwrap().to_rgb8();
    let expected = image::open(&committed).unwrap().to_rgb8();
    assert_eq!(
        drawn.dimensions(),
        expected.dimensions(),
        "the page's size in pixels"
    );
    let differing = drawn
        .pixels()
        .zip(expected.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 48))
        .count();
    let total = drawn.pixels().len();
    assert!(
        differing * 1000 <= total,
        "{differing} of {total} pixels differ from {}: look at the page, then UPDATE_SNAPSHOTS=1",
        committed.display()
    );
}
