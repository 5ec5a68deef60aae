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
