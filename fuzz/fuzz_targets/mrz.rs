//! Whatever a scanner types, reading it as an MRZ never panics, and what it accepts is
//! internally consistent (the document written back reads the same).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    if let Ok(m) = concierge::documents::mrz::parse(text, today) {
        // Reading is deterministic, and the document keeps what the zone said.
        assert_eq!(concierge::documents::mrz::parse(text, today).as_ref(), Ok(&m));
        let doc = m.to_travel_document();
        assert_eq!(doc.number, m.document_number);
        assert_eq!(doc.surname, m.surname);
    }
});
