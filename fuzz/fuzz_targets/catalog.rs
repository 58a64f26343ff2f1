//! Catalog loading: any text gives a catalog or located diagnostics, never
//! a panic; a catalog written back from a draft reads back the same.
#![no_main]

use errdoc::testing::Catalog;
use errdoc::testing::Draft;
use errdoc::testing::Diagnostics;
use errdoc::testing::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut diags = Diagnostics::new();
    let _ = Catalog::parse(SourceFile::new("catalog/codes.yaml", text.to_string()), &mut diags);
    for d in diags.sorted() {
        let _ = d.to_string();
    }
    if let Ok(draft) = Draft::parse(text) {
        let written = draft.to_yaml();
        let again = Draft::parse(&written).expect("a written draft parses");
        assert_eq!(again.to_yaml(), written, "writing is deterministic");
    }
});
