//! The fuzz corpus (`fuzz/corpus/mrz`, grown by `cargo fuzz run mrz`) replayed on every test
//! run: nothing the fuzzer ever found may panic again.

use chrono::NaiveDate;
use concierge::documents::mrz;

#[test]
fn the_fuzz_corpus_replays_without_a_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/mrz");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut seen = 0;
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        seen += 1;
        if mrz::parse(&text, today).is_ok() {
            read += 1;
        }
    }
    assert!(seen >= 10, "the corpus is committed ({seen} files)");
    assert!(read >= 3, "the specimens in it read ({read})");
}
