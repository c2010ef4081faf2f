//! Printed output: real PDFs with embedded fonts and extractable text, barcodes that a reader
//! decodes from the page rendered at thermal resolution, and every printer failure reaching the
//! engine as a printer exception.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn concierge(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .args(args)
        .output()
        .unwrap()
}

/// DEMO01 with one bag, printed to `out`: (boarding pass, bag tag, the JSON report).
/// Checks `booking` in with the command, its documents printed into `out`.
fn check_in(data: &Path, out: &Path, booking: &str, surname: &str) {
    let o = concierge(
        data,
        &[
            "checkin",
            "--booking",
            booking,
            "--surname",
            surname,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn demo01(data: &Path, out: &Path) -> (PathBuf, PathBuf, Value) {
    let o = concierge(
        data,
        &[
            "checkin",
            "--booking",
            "DEMO01",
            "--surname",
            "DESMARAIS",
            "--bags",
            "1",
            "--json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let file = |prefix: &str| {
        std::fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    };
    (file("boarding-pass-"), file("bag-tag-"), json)
}

#[test]
fn the_boarding_pass_is_a_pdf_with_subset_fonts_and_searchable_text() {
    let dir = tempfile::tempdir().unwrap();
    let (pass, tag, _) = demo01(dir.path(), &dir.path().join("out"));
    let bytes = std::fs::read(&pass).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.len() < 120_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let embedded = doc.objects.values().any(|o| {
        o.as_dict()
            .is_ok_and(|d| d.has(b"FontFile2") || d.has(b"FontFile3"))
    });
    assert!(embedded, "fonts are embedded");
    let text = doc.extract_text(&[1]).unwrap();
    // The departure time next to boarding, the cabin and the frequent-flyer number too.
    for word in [
        "BOARDING",
        "DESMARAIS",
        "YUL",
        "YYZ",
        "NW 101",
        "2A",
        "DEPARTURE",
        "CLASS",
        "Business",
        "NW100234",
        // The e-ticket number, and the check-in sequence with its four digits (IATA 792).
        "E-TICKET",
        "987 1234567890",
        "0001",
    ] {
        assert!(text.contains(word), "{word:?} in {text:?}");
    }
    assert!(std::fs::read(&tag).unwrap().starts_with(b"%PDF-"));
}

/// An operator's override of a printed label reaches the paper (in the passenger's language,
/// next to the English one), the same file the screens read.
#[test]
fn printed_labels_follow_the_operators_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let overrides = dir.path().join("locales");
    std::fs::create_dir_all(overrides.join("fr-FR")).unwrap();
    std::fs::write(overrides.join("fr-FR/print.ftl"), "print-seat = Fauteuil\n").unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!("[locales]\noverrides = \"{}\"\n", overrides.display()),
    )
    .unwrap();
    let out = dir.path().join("sample");
    let o = concierge(
        dir.path(),
        &[
            "--config",
            config.to_str().unwrap(),
            "print-sample",
            "--out",
            out.to_str().unwrap(),
            "--locale",
            "fr-FR",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let built_in = concierge::i18n::Messages::built_in().get("fr-FR", "print-seat", &[]);
    let pass = printed(&out, "boarding-pass");
    let doc = lopdf::Document::load(&pass).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    assert!(text.contains("Fauteuil"), "{text}");
    assert!(!text.contains(&built_in), "{built_in} replaced: {text}");
}

#[test]
fn a_sample_prints_in_urdu_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample");
    let o = concierge(
        dir.path(),
        &[
            "print-sample",
            "--out",
            out.to_str().unwrap(),
            "--locale",
            "ur",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("boarding-pass"))
            .count(),
        6,
        "3 passengers × 2 legs"
    );
    assert_eq!(names.iter().filter(|n| n.starts_with("bag-tag")).count(), 4);
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("bag-receipt"))
            .count(),
        1
    );
}

fn exception(o: &std::process::Output) -> (Option<i32>, Value) {
    let json: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    (o.status.code(), json["exception"].clone())
}

#[test]
fn every_printer_failure_is_a_printer_exception_that_pages_staff() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A spool that cannot be created (its parent is a file).
    std::fs::write(d.join("not-a-dir"), "").unwrap();
    let spool_config = d.join("spool.toml");
    std::fs::write(
        &spool_config,
        format!(
            "[printer]\nspool = \"{}\"\n",
            d.join("not-a-dir/spool").display()
        ),
    )
    .unwrap();
    // CUPS stand-ins: lp that fails, lpstat reporting a stopped queue, and ones that work.
    // Each is the program `lp` or `lpstat` in a directory of its own (the config takes only
    // the CUPS programs by their names).
    let script = |name: &str, body: &str| {
        let program = name.split('-').next().unwrap();
        std::fs::create_dir_all(d.join(name)).unwrap();
        let p = d.join(name).join(program);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        p
    };
    let lp_fails = script(
        "lp-fails",
        "echo 'lp: Error - The printer or class does not exist.' >&2; exit 1",
    );
    let lp_ok = script(
        "lp-ok",
        &format!("echo \"$@\" >> {}; exit 0", d.join("lp.log").display()),
    );
    let lpstat_ok = script(
        "lpstat-ok",
        "echo 'printer kiosk is idle.  enabled since now'",
    );
    let lpstat_stopped = script(
        "lpstat-stopped",
        "echo 'printer kiosk disabled since now - media-empty'",
    );
    // `lpstat -l` as CUPS writes it when the paper jams; a German kiosk's lpstat, which says
    // "disabled" in German unless asked in the C locale; and a cupsd that never answers.
    let lpstat_jam = script(
        "lpstat-jam",
        "printf 'printer kiosk is idle.  enabled since now\\n\\tAlerts: media-jam-error\\n'",
    );
    let lpstat_german = script(
        "lpstat-german",
        "if [ \"$LC_ALL\" = C ]; then echo 'printer kiosk disabled since now -'; \
         else echo 'Drucker kiosk deaktiviert seit jetzt -'; fi",
    );
    let lpstat_hangs = script("lpstat-hangs", "exec sleep 600");
    let cups = |name: &str, lp: &Path, lpstat: &Path| {
        let p = d.join(name);
        std::fs::write(
            &p,
            format!(
                "[printer]\nqueue = \"kiosk\"\nlp = \"{}\"\nlpstat = \"{}\"\n",
                lp.display(),
                lpstat.display()
            ),
        )
        .unwrap();
        p
    };
    let cases = [
        (spool_config, "not-a-dir"),
        (
            cups("lp-fails.toml", &lp_fails, &lpstat_ok),
            "does not exist",
        ),
        (cups("stopped.toml", &lp_ok, &lpstat_stopped), "disabled"),
        (cups("jam.toml", &lp_ok, &lpstat_jam), "media-jam"),
        (cups("german.toml", &lp_ok, &lpstat_german), "disabled"),
        (cups("hangs.toml", &lp_ok, &lpstat_hangs), "no answer"),
    ];
    for (config, why) in cases {
        let o = concierge(
            d,
            &[
                "--config",
                config.to_str().unwrap(),
                "checkin",
                "--booking",
                "DEMO01",
                "--surname",
                "desmarais",
                "--json",
            ],
        );
        let (code, e) = exception(&o);
        assert_eq!(
            code,
            Some(2),
            "{why}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(e["reason"], "printer_failure", "{why}");
        assert_eq!(e["staff_paged"], true, "{why}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("printer"),
            "{why}"
        );
        assert!(
            e["message"].as_str().unwrap_or("").contains(why)
                || String::from_utf8_lossy(&o.stderr).contains(why),
            "{why}: {e} {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // The queue that works takes every document.
    let ok = cups("ok.toml", &lp_ok, &lpstat_ok);
    let o = concierge(
        d,
        &[
            "--config",
            ok.to_str().unwrap(),
            "checkin",
            "--booking",
            "DEMO02",
            "--surname",
            "tremblay",
            "--bags",
            "1",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let log = std::fs::read_to_string(d.join("lp.log")).unwrap();
    assert!(
        log.contains("-d kiosk") && log.contains("boarding-pass-NW101"),
        "{log}"
    );
    assert!(log.contains("bag-tag-0987"), "{log}");
}

/// Reads a binary PGM (what `pdftoppm -gray` writes).
fn pgm(path: &Path) -> (u32, u32, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).to_string());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (u32, u32) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..].to_vec())
}

fn render(pdf: &Path, dpi: u32) -> (u32, u32, Vec<u8>) {
    let prefix = pdf.with_extension("");
    let ok = Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string(), "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils): scripts/test installs it");
    assert!(ok.success());
    pgm(&prefix.with_extension("pgm"))
}

#[test]
#[ignore = "needs pdftoppm (poppler-utils): scripts/test installs it"]
fn the_barcodes_read_back_from_the_printed_page_at_203_dpi() {
    let dir = tempfile::tempdir().unwrap();
    let (pass, tag, json) = demo01(dir.path(), &dir.path().join("out"));
    let (w, h, pixels) = render(&pass, 203);
    let read = rxing::helpers::detect_in_luma(pixels, w, h, Some(rxing::BarcodeFormat::PDF_417))
        .expect("the PDF417 reads");
    let text = read.getText();
    let bcbp = concierge::bcbp::BoardingPass::decode(text).unwrap();
    assert_eq!(bcbp.name, "DESMARAIS/LUC MR");
    let leg = &bcbp.legs[0];
    assert_eq!(
        (leg.from.as_str(), leg.to.as_str(), leg.carrier.as_str()),
        ("YUL", "YYZ", "NW")
    );
    assert_eq!(leg.flight_number, 101);
    assert_eq!(leg.seat.as_deref(), Some("2A"));
    assert_eq!(leg.pnr, "DEMO01");
    let p = &json["passengers"][0];
    assert_eq!(u64::from(leg.sequence), p["sequence"].as_u64().unwrap());
    let unique = bcbp.unique.unwrap();
    assert_eq!((unique.checkin_source, unique.issuance_source), ('K', 'K'));
    let plate = p["bag_tags"][0].as_str().unwrap();
    assert_eq!(unique.bag_tags, vec![(plate.to_string(), 1)]);
    // The bag tag's Interleaved 2 of 5 is its licence plate.
    let (w, h, pixels) = render(&tag, 203);
    let read = rxing::helpers::detect_in_luma(pixels, w, h, Some(rxing::BarcodeFormat::ITF))
        .expect("the ITF reads");
    assert_eq!(read.getText(), plate);
}

/// Width and height of a PDF's first page, in mm.
fn page_mm(path: &Path) -> (f32, f32) {
    let doc = lopdf::Document::load(path).unwrap();
    let page = doc.get_pages()[&1];
    let dict = doc.get_dictionary(page).unwrap();
    let media = dict.get(b"MediaBox").unwrap().as_array().unwrap();
    let n = |o: &lopdf::Object| {
        o.as_float()
            .or_else(|_| o.as_i64().map(|i| i as f32))
            .unwrap()
    };
    let mm = |pt: f32| (pt * 25.4 / 72.0).round();
    (
        mm(n(&media[2]) - n(&media[0])),
        mm(n(&media[3]) - n(&media[1])),
    )
}

#[test]
fn each_paper_gets_its_own_page_size() {
    let dir = tempfile::tempdir().unwrap();
    for (paper, pass, tag) in [
        ("atb", (203.0, 83.0), (54.0, 400.0)),
        ("thermal80", (80.0, 180.0), (54.0, 400.0)),
        ("a4", (210.0, 297.0), (210.0, 297.0)),
    ] {
        let config = dir.path().join(format!("{paper}.toml"));
        std::fs::write(&config, format!("[printer]\npaper = \"{paper}\"\n")).unwrap();
        let out = dir.path().join(paper);
        let o = concierge(
            dir.path(),
            &[
                "--config",
                config.to_str().unwrap(),
                "print-sample",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success());
        assert_eq!(page_mm(&printed(&out, "boarding-pass-")), pass, "{paper}");
        assert_eq!(page_mm(&printed(&out, "bag-tag-")), tag, "{paper}");
    }
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[printer]\npaper = \"letter\"\n").unwrap();
    let o = concierge(dir.path(), &["config", "check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("`paper` must be \"atb\", \"thermal80\" or \"a4\"")
    );
}

/// The kiosk dies mid-print (kill -9 while the printer has the job). When it starts again,
/// staff are paged to look at the printer — a maintenance page with no passenger data — and
/// the next passenger checks in as usual.
#[test]
fn a_print_cut_off_by_a_crash_pages_staff_on_the_next_start() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let script = |name: &str, body: &str| {
        let program = name.split('-').next().unwrap();
        std::fs::create_dir_all(d.join(name)).unwrap();
        let p = d.join(name).join(program);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        p
    };
    let lp_hangs = script("lp-hangs", "sleep 60");
    let lpstat = script("lpstat", "echo 'printer kiosk is idle.  enabled since now'");
    let config = d.join("hang.toml");
    std::fs::write(
        &config,
        format!(
            "[kiosk]\nid = \"K9\"\n[printer]\nqueue = \"kiosk\"\nlp = \"{}\"\nlpstat = \"{}\"\n",
            lp_hangs.display(),
            lpstat.display()
        ),
    )
    .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(d)
        .env("XDG_CONFIG_HOME", d.join("no-config"))
        .args(["--config", config.to_str().unwrap()])
        .args(["checkin", "--booking", "DEMO01", "--surname", "desmarais"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the job is with the printer, then pull the plug.
    let store = d.join("kiosk.sqlite");
    let started = std::time::Instant::now();
    loop {
        let printing = rusqlite::Connection::open(&store)
            .and_then(|c| {
                c.query_row("SELECT COUNT(*) FROM print_journal", [], |r| {
                    r.get::<_, i64>(0)
                })
            })
            .unwrap_or(0);
        if printing > 0 {
            break;
        }
        assert!(started.elapsed().as_secs() < 30, "the print never started");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::process::Command::new("pkill")
        .args(["-f", lp_hangs.to_str().unwrap()])
        .status();

    // The next start: a spool printer that works.
    let fine = d.join("fine.toml");
    std::fs::write(&fine, "[kiosk]\nid = \"K9\"\n").unwrap();
    let o = concierge(
        d,
        &[
            "--config",
            fine.to_str().unwrap(),
            "checkin",
            "--json",
            "--booking",
            "DEMO02",
            "--surname",
            "tremblay",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let db = rusqlite::Connection::open(&store).unwrap();
    let payload: String = db
        .query_row(
            "SELECT payload FROM incidents WHERE key = 'K9-maintenance-print_interrupted'",
            [],
            |r| r.get(0),
        )
        .expect("staff were paged about the cut-off print");
    let page: Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(page["reason"], "print_interrupted");
    assert_eq!(page["first_name"], Value::Null);
    assert_eq!(page["flight"], Value::Null);
    for secret in ["DESMARAIS", "DEMO01", "Luc", "TREMBLAY"] {
        assert!(!payload.contains(secret), "{secret} in {payload}");
    }
    // Once told, not again.
    let again: i64 = db
        .query_row("SELECT COUNT(*) FROM print_journal", [], |r| r.get(0))
        .unwrap();
    assert_eq!(again, 0);
}

/// An adult travelling with a lap infant has "+INF" after the name on the boarding pass (as
/// airlines print it), and the infant's own pass says INF for the seat.
#[test]
fn the_adults_pass_names_the_lap_infant() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    check_in(dir.path(), &out, "KHAN22", "khan");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("boarding-pass")
        {
            let doc = lopdf::Document::load(&path).unwrap();
            texts.push(doc.extract_text(&[1]).unwrap());
        }
    }
    assert_eq!(texts.len(), 4, "four passengers");
    let ayesha: Vec<&String> = texts.iter().filter(|t| t.contains("KHAN/AYESHA")).collect();
    assert_eq!(ayesha.len(), 1);
    assert!(ayesha[0].contains("+INF"), "{}", ayesha[0]);
    let ali = texts.iter().find(|t| t.contains("KHAN/ALI")).unwrap();
    assert!(!ali.contains("+INF"), "only the adult with the infant");
    let omar = texts.iter().find(|t| t.contains("KHAN/OMAR")).unwrap();
    assert!(omar.contains("INF"));
}

/// The first document printed into `out` whose name starts with `prefix`.
fn printed(out: &std::path::Path, prefix: &str) -> std::path::PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}* in {}", out.display()))
}

/// The boarding pass in Chinese, on a card and on an 80 mm roll, names the cities in Chinese
/// beside the airline's Latin names and dates the flight as Chinese writes dates ("12月3日",
/// not "03DEC").
#[test]
fn a_chinese_pass_has_chinese_cities_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let roll = dir.path().join("roll.toml");
    std::fs::write(&roll, "[printer]\npaper = \"thermal80\"\n").unwrap();
    for (paper, config) in [("card", None), ("roll", Some(&roll))] {
        let out = dir.path().join(paper);
        let mut args: Vec<&str> = Vec::new();
        if let Some(config) = config {
            args.extend(["--config", config.to_str().unwrap()]);
        }
        args.extend(["print-sample", "--out", out.to_str().unwrap()]);
        args.extend(["--locale", "zh-CN"]);
        let o = concierge(dir.path(), &args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let doc = lopdf::Document::load(printed(&out, "boarding-pass")).unwrap();
        let text: String = doc
            .extract_text(&[1])
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            text.contains("迪拜") || text.contains("拉合尔"),
            "{paper}: {text}"
        );
        assert!(
            text.contains('月') && text.contains('日'),
            "{paper}: {text}"
        );
    }
}

/// The bag receipt's time is the departure airport's (Montréal for DEMO01), never UTC.
#[test]
fn the_bag_receipt_is_timed_in_the_airports_zone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    demo01(dir.path(), &out);
    let receipt = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bag-receipt-")
        })
        .expect("a bag receipt");
    let doc = lopdf::Document::load(&receipt).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    assert!(!text.contains("UTC"), "{text}");
    let zone = chrono::Utc::now()
        .with_timezone(&chrono_tz::America::Toronto)
        .format("%Z")
        .to_string();
    assert!(text.contains(&zone), "{zone:?} in {text}");
}

/// The rule for names, as the README states it: the barcode holds the name in A–Z only (what
/// gate readers expect, IATA 792), the printed name is the name as booked, accents kept.
#[test]
#[ignore = "needs pdftoppm (poppler-utils): scripts/test installs it"]
fn the_barcode_drops_accents_the_printed_name_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    check_in(dir.path(), &out, "DEMO02", "TREMBLAY");
    let pass = printed(&out, "boarding-pass-");
    let text = lopdf::Document::load(&pass)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(text.contains("TREMBLAY/MARIE-ÈVE"), "as booked: {text}");
    let (w, h, pixels) = render(&pass, 203);
    let read = rxing::helpers::detect_in_luma(pixels, w, h, Some(rxing::BarcodeFormat::PDF_417))
        .expect("the PDF417 reads");
    let bcbp = concierge::bcbp::BoardingPass::decode(read.getText()).unwrap();
    assert!(bcbp.name.starts_with("TREMBLAY/MARIE"), "{}", bcbp.name);
    assert!(
        bcbp.name
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, '/' | ' ' | '-')),
        "A-Z only: {:?}",
        bcbp.name
    );
    assert!(bcbp.name.starts_with("TREMBLAY/MARIE-EVE"), "{}", bcbp.name);
}

/// A name with control characters, a direction override and far too many letters stays in
/// its box on the pass: nothing of it reaches the booking reference's column (before, it
/// printed over it), and none of those characters reaches the paper.
#[test]
#[ignore = "needs pdftotext (poppler-utils): scripts/test installs it"]
fn a_hostile_name_stays_in_its_box_on_the_pass() {
    use concierge::print::layout::{Paper, boarding_passes};
    let mut job = concierge::print::sample_job("en-US", chrono::Utc::now());
    job.booking.passengers[0].name.surname = format!(
        "KHAN\u{1b}[2J\r\u{202E}{}",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(4)
    );
    let pdfs = boarding_passes(&job, Paper::Atb, concierge::i18n::Messages::built_in()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("pass.pdf");
    std::fs::write(&pdf, &pdfs[0].1).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let html = String::from_utf8_lossy(&out.stdout).to_string();
    // Words as (xMin, xMax, text), in points.
    let words: Vec<(f32, f32, String)> = html
        .lines()
        .filter(|l| l.contains("<word "))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                l.split(&format!("{name}=\""))
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            let text = l
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string();
            (attr("xMin"), attr("xMax"), text)
        })
        .collect();
    // The coupon's name (the stub, at 154 mm, has its own).
    let name = words
        .iter()
        .filter(|w| w.2.contains("KHAN"))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or_else(|| panic!("the name on the pass: {html}"));
    let column = 110.0 * 72.0 / 25.4;
    assert!(
        name.1 < column,
        "the name runs to {} pt, the reference starts at {column}: {name:?}",
        name.1
    );
    assert!(name.2.ends_with('…'), "cut, and said so: {name:?}");
    // The stub's copy stays on the card (203 mm).
    assert!(
        words.iter().all(|w| w.1 <= 203.0 * 72.0 / 25.4),
        "off the card: {words:?}"
    );
    if let Ok(keep) = std::env::var("CONCIERGE_KEEP_PASS") {
        std::fs::copy(&pdf, keep).unwrap();
    }
    assert!(
        !html.contains('\u{1b}') && !html.contains('\u{202E}'),
        "control characters on paper"
    );
    let reference = &job.booking.reference;
    assert!(
        words.iter().any(|w| &w.2 == reference),
        "the reference still reads"
    );
}

/// A pass printed again three days later reads the same in its barcode (sequence, seat, bag
/// plates and the date of issue, which is the check-in's, not the reprint's), is marked as a
/// reprint, and brings no second tag for a bag already tagged.
#[test]
#[ignore = "needs pdftoppm (poppler-utils): scripts/test installs it"]
fn a_reprint_days_later_has_the_same_barcode_and_no_second_bag_tag() {
    use concierge::print::layout::Paper;
    let first_at = chrono::Utc::now() - chrono::TimeDelta::days(3);
    let mut first = concierge::print::sample_job("en-US", first_at);
    for p in &mut first.passengers {
        for leg in &mut p.legs {
            leg.issued = Some(first_at);
        }
    }
    let mut again = first.clone();
    again.at = chrono::Utc::now();
    again.reprint = true;
    again.tagged_before = first
        .passengers
        .iter()
        .flat_map(|p| p.bag_tags.iter().cloned())
        .collect();
    let messages = concierge::i18n::Messages::built_in();
    let dir = tempfile::tempdir().unwrap();
    let read = |files: &[(String, Vec<u8>)], tag: &str| -> Vec<String> {
        files
            .iter()
            .filter(|(name, _)| name.starts_with("boarding-pass"))
            .enumerate()
            .map(|(i, (_, pdf))| {
                let path = dir.path().join(format!("{tag}-{i}.pdf"));
                std::fs::write(&path, pdf).unwrap();
                let (w, h, pixels) = render(&path, 203);
                rxing::helpers::detect_in_luma(pixels, w, h, Some(rxing::BarcodeFormat::PDF_417))
                    .expect("the PDF417 reads")
                    .getText()
                    .to_string()
            })
            .collect()
    };
    let printed = concierge::print::render(&first, Paper::Atb, messages).unwrap();
    let reprinted = concierge::print::render(&again, Paper::Atb, messages).unwrap();
    let tags = |files: &[(String, Vec<u8>)]| {
        files
            .iter()
            .filter(|(name, _)| name.starts_with("bag-tag"))
            .count()
    };
    assert!(tags(&printed) > 0, "the first print tags the bags");
    assert_eq!(tags(&reprinted), 0, "no second tag for a bag");
    let (before, after) = (read(&printed, "first"), read(&reprinted, "again"));
    assert!(!before.is_empty());
    assert_eq!(before, after, "the same barcodes, three days apart");
    let bcbp = concierge::bcbp::BoardingPass::decode(&after[0]).unwrap();
    let issued = first_at.with_timezone(&first.booking.legs[0].origin.time_zone);
    use chrono::Datelike;
    assert_eq!(
        bcbp.unique.unwrap().issue_date,
        format!("{}{:03}", issued.year() % 10, issued.ordinal())
    );
}
