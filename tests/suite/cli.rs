//! The `concierge` binary as operators and scripts use it: the `checkin` contract (arguments,
//! JSON, exit codes), `demo reset` and `config check`.

use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

fn concierge(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(data)
        // No operator config of the machine running the tests.
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("CONCIERGE_LOG")
        .args(args)
        .output()
        .unwrap()
}

fn checkin(data: &Path, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["checkin", "--json"];
    all.extend_from_slice(args);
    let out = concierge(data, &all);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), json, stderr)
}

#[test]
fn demo01_checks_in_with_a_seat_and_a_sequence_number() {
    let dir = tempfile::tempdir().unwrap();
    let (code, json, stderr) = checkin(
        dir.path(),
        &["--booking", "DEMO01", "--surname", "desmarais"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["booking"], "DEMO01");
    assert_eq!(json["exception"], Value::Null);
    let p = &json["passengers"][0];
    assert_eq!(p["name"], "DESMARAIS/LUC MR");
    assert_eq!(p["seat"], "2A");
    assert_eq!(p["sequence"], 1);
    assert_eq!(p["documents"], "not_required");
    assert_eq!(p["bag_tags"], Value::Array(vec![]));
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert!(Path::new(files[0].as_str().unwrap()).is_file());
    assert!(stderr.contains("checked in DESMARAIS/LUC MR"), "{stderr}");
}

#[test]
fn sequence_numbers_follow_on_and_a_rerun_is_a_reprint() {
    let dir = tempfile::tempdir().unwrap();
    let seq = |args: &[&str]| {
        let (code, json, stderr) = checkin(dir.path(), args);
        assert_eq!(code, 0, "{stderr}");
        json["passengers"][0]["sequence"].as_u64().unwrap()
    };
    assert_eq!(seq(&["--booking", "DEMO01", "--surname", "DESMARAIS"]), 1);
    assert_eq!(seq(&["--booking", "DEMO02", "--surname", "tremblay"]), 2);
    assert_eq!(seq(&["--booking", "DEMO01", "--surname", "Desmarais"]), 1);
    assert_eq!(
        seq(&["--eticket", "9871234567891", "--surname", "TREMBLAY"]),
        2
    );
    assert_eq!(seq(&["--ff", "NW100234", "--surname", "desmarais"]), 1);
}

#[test]
fn bag_tags_are_unique_across_runs_restarts_and_resets() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = HashSet::new();
    let run = |args: &[&str]| {
        let (code, json, stderr) = checkin(dir.path(), args);
        assert_eq!(code, 0, "{stderr}");
        let mut tags = Vec::new();
        for p in json["passengers"].as_array().unwrap() {
            for t in p["bag_tags"].as_array().unwrap() {
                tags.push(t.as_str().unwrap().to_string());
            }
        }
        tags
    };
    let first = run(&[
        "--booking",
        "DEMO02",
        "--surname",
        "tremblay",
        "--bags",
        "1",
    ]);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].len(), 10);
    assert_eq!(
        run(&[
            "--booking",
            "DEMO02",
            "--surname",
            "tremblay",
            "--bags",
            "1"
        ]),
        first,
        "a reprint keeps the plate"
    );
    seen.extend(first);
    for t in run(&["--booking", "KHAN22", "--surname", "khan", "--bags", "1"]) {
        assert!(seen.insert(t.clone()), "{t} twice");
    }
    let out = concierge(dir.path(), &["demo", "reset"]);
    assert!(out.status.success());
    for t in run(&["--booking", "CONX01", "--surname", "okafor", "--bags", "2"]) {
        assert!(seen.insert(t.clone()), "{t} twice after a reset");
    }
    assert_eq!(seen.len(), 1 + 4 + 2);
}

#[test]
fn a_reset_demo_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json, _) = checkin(
        dir.path(),
        // Row 32 is among the last three rows, which the demo always keeps free (other rows
        // are filled differently each day).
        &["--booking", "KHAN22", "--surname", "khan", "--seat", "32A"],
    );
    assert_eq!(json["passengers"][0]["seat"], "32A");
    assert!(concierge(dir.path(), &["demo", "reset"]).status.success());
    let (_, json, _) = checkin(dir.path(), &["--booking", "KHAN22", "--surname", "khan"]);
    assert_eq!(
        json["passengers"][0]["seat"], "14A",
        "the booked seat again"
    );
}

#[test]
fn a_family_checks_in_together_with_a_lap_infant() {
    let dir = tempfile::tempdir().unwrap();
    let (code, json, stderr) = checkin(
        dir.path(),
        &[
            "--booking",
            "KHAN22",
            "--surname",
            "Khan",
            "--seat",
            "33A",
            "--bags",
            "1",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let p = json["passengers"].as_array().unwrap();
    assert_eq!(p.len(), 4);
    assert_eq!(p[0]["seat"], "33A", "the first passenger's chosen seat");
    assert_eq!(p[1]["seat"], "14B", "others keep theirs");
    assert_eq!(p[3]["name"], "KHAN/OMAR MSTR");
    assert_eq!(p[3]["seat"], Value::Null, "a lap infant has no seat");
    assert!(p.iter().all(|x| x["documents"] == "confirmed"));
    let seqs: HashSet<u64> = p.iter().map(|x| x["sequence"].as_u64().unwrap()).collect();
    assert_eq!(seqs.len(), 4);
    // Two passengers only: the mother brings her infant.
    let (code, json, _) = checkin(
        dir.path(),
        &[
            "--booking",
            "KHAN22",
            "--surname",
            "khan",
            "--passengers",
            "2",
        ],
    );
    assert_eq!(code, 0);
    let names: Vec<&str> = json["passengers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["KHAN/AYESHA MRS", "KHAN/OMAR MSTR"]);
}

#[test]
fn a_through_check_in_prints_both_legs_and_tags_bags_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, json, stderr) = checkin(
        dir.path(),
        &[
            "--booking",
            "CONX01",
            "--surname",
            "OKAFOR",
            "--bags",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let legs = json["passengers"][0]["legs"].as_array().unwrap();
    assert_eq!(legs.len(), 2);
    assert_eq!(
        (legs[0]["from"].as_str(), legs[1]["to"].as_str()),
        (Some("LHE"), Some("LHR"))
    );
    assert!(legs[1]["seat"].is_string(), "a seat on the onward leg");
    let files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        files.len(),
        4,
        "two boarding passes, a bag tag and the bag receipt: {files:?}"
    );
    let tag = files
        .iter()
        .find(|f| f.to_string_lossy().contains("bag-tag"))
        .unwrap();
    let pdf = lopdf::Document::load(tag).unwrap();
    let text = pdf.extract_text(&[1]).unwrap();
    assert!(
        text.contains("LHR"),
        "tagged to the final destination: {text}"
    );
}

#[test]
fn exceptions_exit_2_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            vec!["--booking", "LATE99", "--surname", "smith"],
            "checkin_closed",
            false,
        ),
        (
            vec!["--booking", "UMNR01", "--surname", "garcia"],
            "special_service",
            true,
        ),
        (
            vec!["--booking", "NOPE99", "--surname", "smith"],
            "booking_not_found",
            false,
        ),
        (
            vec!["--booking", "EARLY1", "--surname", "patel"],
            "checkin_not_open",
            false,
        ),
        (
            vec!["--booking", "CANX01", "--surname", "rossi"],
            "flight_cancelled",
            true,
        ),
        (
            vec![
                "--booking",
                "DEMO02",
                "--surname",
                "tremblay",
                "--bags",
                "3",
            ],
            "excess_baggage",
            false,
        ),
    ];
    for (args, reason, paged) in cases {
        let (code, json, stderr) = checkin(dir.path(), &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(json["exception"]["reason"], reason, "{args:?}");
        assert_eq!(json["exception"]["staff_paged"], paged, "{args:?}");
        assert!(stderr.contains("check-in stopped"), "{stderr}");
    }
}

#[test]
fn bad_input_exits_1_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            vec!["--booking", "DEMO01", "--surname", "desm4rais"],
            "no digits",
        ),
        (
            vec!["--eticket", "98712345", "--surname", "desmarais"],
            "13 digits",
        ),
        (vec!["--booking", "DEMO01"], "--surname"),
        (
            vec!["--booking", "D#MO01", "--surname", "x"],
            "6 letters and digits",
        ),
        (
            vec![
                "--booking",
                "KHAN22",
                "--surname",
                "khan",
                "--passengers",
                "7",
            ],
            "no passenger 7",
        ),
        (
            vec![
                "--booking",
                "KHAN22",
                "--surname",
                "khan",
                "--passengers",
                "3",
            ],
            "without an adult",
        ),
        (
            vec![
                "--booking",
                "MUEL01",
                "--surname",
                "muller",
                "--seat",
                "19A",
            ],
            "exit row",
        ),
        (
            vec!["--booking", "ERIK01", "--surname", "eriksson"],
            "--mrz-file",
        ),
        (vec![], "identify the passenger"),
    ];
    for (args, message) in cases {
        let (code, json, stderr) = checkin(dir.path(), &args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert_eq!(json, Value::Null, "nothing on stdout");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    // Arguments clap itself refuses are bad usage too.
    let out = concierge(
        dir.path(),
        &["checkin", "--seat", "A12", "--ff", "NW100234"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("12A"));
}

#[test]
fn an_exit_row_needs_the_passengers_yes() {
    let dir = tempfile::tempdir().unwrap();
    let (code, json, stderr) = checkin(
        dir.path(),
        &[
            "--booking",
            "MUEL01",
            "--surname",
            "mueller",
            "--seat",
            "19A",
            "--exit-row-eligible",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["passengers"][0]["seat"], "19A");
}

#[test]
fn config_check_points_at_the_line_and_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        "[kiosk]\nid = \"LHE-T1-K07\"\n[timeouts]\nidle = \"45s\"\n",
    )
    .unwrap();
    let out = concierge(dir.path(), &["config", "check", good.to_str().unwrap()]);
    assert!(out.status.success());
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[timeouts]\nidle = \"45x\"\nwarnng = \"30s\"\n").unwrap();
    let out = concierge(dir.path(), &["config", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.toml:2:1: `idle` must be a duration like \"45s\", found 45x"),
        "{stderr}"
    );
    // A broken config given to a command stops it with the same message, exit 1.
    let out = concierge(
        dir.path(),
        &[
            "--config",
            bad.to_str().unwrap(),
            "checkin",
            "--booking",
            "DEMO01",
            "--surname",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("45x"));
    // Warnings alone pass.
    std::fs::write(&bad, "[timeouts]\nwarnng = \"30s\"\n").unwrap();
    let out = concierge(dir.path(), &["config", "check", bad.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `timeouts.warning`"));
}

#[test]
fn the_spool_keeps_only_a_handful_of_files() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("concierge.toml");
    std::fs::write(&config, "[printer]\nkeep = 3\n").unwrap();
    for (r, s) in [
        ("DEMO01", "desmarais"),
        ("DEMO02", "tremblay"),
        ("KHAN22", "khan"),
    ] {
        let out = concierge(
            dir.path(),
            &[
                "--config",
                config.to_str().unwrap(),
                "checkin",
                "--booking",
                r,
                "--surname",
                s,
            ],
        );
        assert!(out.status.success());
    }
    let spool = std::fs::read_dir(dir.path().join("spool")).unwrap().count();
    assert_eq!(spool, 3);
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/passports/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn erik01_checks_in_with_a_scanned_passport_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let base = ["--booking", "ERIK01", "--surname", "ERIKSSON", "--mrz-file"];
    let run = |file: &str| {
        let mut args = base.to_vec();
        let path = fixture(file);
        args.push(&path);
        checkin(dir.path(), &args)
    };
    // Refused first: once checked in, a visit again prints the pass without asking for the
    // passport (it was checked at the check-in).
    for (file, reason) in [
        ("erik-expired.mrz", "document_expired"),
        ("erik-mismatch.mrz", "document_name_mismatch"),
        ("erik-noboard.mrz", "no_board"),
    ] {
        let (code, json, stderr) = run(file);
        assert_eq!(code, 2, "{file}: {stderr}");
        assert_eq!(json["exception"]["reason"], reason, "{file}");
        assert_eq!(json["exception"]["staff_paged"], true, "{file}");
    }
    let (code, json, stderr) = run("erik-valid.mrz");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["passengers"][0]["documents"], "scanned");
    assert_eq!(
        json["passengers"][0]["name"], "ERIKSSON/ANNA MARIA MS",
        "printed as booked"
    );
    // Not a machine-readable zone at all: bad input, with what is wrong.
    let junk = dir.path().join("junk.mrz");
    std::fs::write(&junk, "P<SWEERIKSSON<<ANNA\n").unwrap();
    let (code, _, stderr) = checkin(
        dir.path(),
        &[
            "--booking",
            "ERIK01",
            "--surname",
            "eriksson",
            "--mrz-file",
            junk.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("document 1") && stderr.contains("not a machine-readable zone"),
        "{stderr}"
    );
}

#[test]
fn the_advance_passenger_record_is_kept_with_the_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture("erik-valid.mrz");
    let out = Command::new(env!("CARGO_BIN_EXE_concierge"))
        .arg("--data-dir")
        .arg(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .env("CONCIERGE_LOG", "debug")
        .args([
            "checkin",
            "--booking",
            "ERIK01",
            "--surname",
            "eriksson",
            "--mrz-file",
            &path,
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let db = rusqlite::Connection::open(dir.path().join("airline.sqlite")).unwrap();
    let row: (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = db
        .query_row(
            "SELECT number, nationality, expiry, sex, destination_address, permit_kind FROM apis",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(row.0, "AA1234567");
    assert_eq!(row.1, "SWE");
    assert_eq!(row.2, "2031-04-15");
    assert_eq!(row.3.as_deref(), Some("F"));
    assert!(row.4.unwrap().contains("New York"));
    assert_eq!(
        row.5.as_deref(),
        Some("travel_authorisation"),
        "the ESTA held"
    );
    // Logs (even at debug level) never hold the document number, the name or the booking.
    let logs: Vec<&str> = stderr
        .lines()
        .filter(|l| {
            [" DEBUG ", " INFO ", " WARN ", " ERROR "]
                .iter()
                .any(|lvl| l.contains(lvl))
        })
        .collect();
    assert!(logs.iter().any(|l| l.contains("check_in")), "{stderr}");
    for secret in ["AA1234567", "ERIKSSON", "ERIK01", "New York"] {
        assert!(
            !logs.iter().any(|l| l.contains(secret)),
            "{secret} in {logs:?}"
        );
    }
}

#[test]
fn a_scanned_boarding_pass_identifies_the_passenger() {
    let dir = tempfile::tempdir().unwrap();
    // The boarding pass a previous check-in printed (or the airline's app shows).
    let code = "M1DESMARAIS/LUC MR    EDEMO01 YULYYZNW 0101 327J002A0001 100";
    let (code_, json, stderr) = checkin(dir.path(), &["--bcbp", code]);
    assert_eq!(code_, 0, "{stderr}");
    assert_eq!(json["booking"], "DEMO01");
    assert_eq!(json["passengers"][0]["name"], "DESMARAIS/LUC MR");
    let (code_, _, stderr) = checkin(dir.path(), &["--bcbp", "M1DESMARAIS"]);
    assert_eq!(code_, 1);
    assert!(
        stderr.contains("--bcbp: the barcode is cut short"),
        "{stderr}"
    );
}

#[test]
fn a_staff_pin_is_configured_as_a_hash_and_never_as_itself() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_concierge"))
        .args(["staff", "hash-pin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"4021\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let hash = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(
        hash.starts_with("$argon2id$") && !hash.contains("4021"),
        "{hash}"
    );
    let config = dir.path().join("staff.toml");
    std::fs::write(
        &config,
        format!("[[staff]]\nid = \"4021\"\nname = \"Sam\"\npin_hash = \"{hash}\"\n"),
    )
    .unwrap();
    let check = concierge(dir.path(), &["config", "check", config.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The PIN itself in the config is refused, with what to do instead.
    std::fs::write(
        &config,
        "[[staff]]\nid = \"4021\"\nname = \"Sam\"\npin_hash = \"4021\"\n",
    )
    .unwrap();
    let check = concierge(dir.path(), &["config", "check", config.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("concierge staff hash-pin"), "{stderr}");
    // Too short a PIN is refused.
    let out = concierge(dir.path(), &["staff", "hash-pin"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn locales_check_passes_the_built_in_locales_and_reports_a_bad_override() {
    let dir = tempfile::tempdir().unwrap();
    let out = concierge(dir.path(), &["locales", "check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let overrides = dir.path().join("overrides");
    std::fs::create_dir_all(overrides.join("en-US")).unwrap();
    std::fs::create_dir_all(overrides.join("ur-PK")).unwrap();
    // A good override, a syntax error, an unknown variable.
    std::fs::write(
        overrides.join("en-US/brand.ftl"),
        "welcome-title = Welcome aboard { $airline }\n",
    )
    .unwrap();
    std::fs::write(
        overrides.join("ur-PK/broken.ftl"),
        "welcome-title = { $airline\n",
    )
    .unwrap();
    std::fs::write(
        overrides.join("ur-PK/vars.ftl"),
        "greeting-hello = خوش آمدید { $nam }\n",
    )
    .unwrap();
    let out = concierge(
        dir.path(),
        &["locales", "check", overrides.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.ftl: does not parse"), "{stderr}");
    assert!(
        stderr.contains("vars.ftl: greeting-hello: unknown variable"),
        "{stderr}"
    );
    assert!(!stderr.contains("brand.ftl"), "{stderr}");
    // The kiosk keeps the built-in text where an override is bad, and uses the good one.
    let (messages, problems) = concierge::i18n::Messages::with_overrides(&overrides);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        messages.get("en-US", "welcome-title", &[("airline", "NW".into())]),
        "Welcome aboard NW"
    );
    let built_in = concierge::i18n::Messages::built_in();
    assert_eq!(
        messages.get("ur-PK", "greeting-hello", &[("name", "Ali".into())]),
        built_in.get("ur-PK", "greeting-hello", &[("name", "Ali".into())])
    );
}

/// A language an operator adds needs a voice too: a blind passenger hears the screen.
#[test]
fn locales_check_reports_a_language_without_a_voice() {
    let dir = tempfile::tempdir().unwrap();
    let overrides = dir.path().join("overrides");
    std::fs::create_dir_all(overrides.join("sw-KE")).unwrap();
    for (locale, file, text) in concierge::i18n::built_in_sources() {
        if *locale == "en-US" {
            std::fs::write(overrides.join("sw-KE").join(file), text).unwrap();
        }
    }
    let out = concierge(
        dir.path(),
        &["locales", "check", overrides.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sw-KE: no voice"), "{stderr}");
    assert!(!stderr.contains("ur-PK: no voice"), "{stderr}");
}

#[test]
fn the_locales_section_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(
        &config,
        "[locales]\noffered = [\"ur-PK\", \"en-US\", \"xx-YY\"]\ndefault = \"de-DE\"\n",
    )
    .unwrap();
    let out = concierge(dir.path(), &["config", "check", config.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\"xx-YY\", which has no messages"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`default` must be one of the offered locales (ur-PK, en-US)"),
        "{stderr}"
    );
    std::fs::write(
        &config,
        "[locales]\noffered = [\"ur-PK\", \"ar\", \"en-US\"]\ndefault = \"en-US\"\n",
    )
    .unwrap();
    // The operator's order stays; Welcome speaks the default until a passenger chooses.
    let loaded = concierge::config::Config::load(&config).unwrap();
    assert_eq!(loaded.config.locales.offered, ["ur-PK", "ar", "en-US"]);
    assert_eq!(loaded.config.locales.default, "en-US");
    // Languages are negotiated against the kiosk's own: "ur" is Urdu as built in (ur-PK).
    std::fs::write(
        &config,
        "[locales]\noffered = [\"ur\", \"ar-SA\", \"en\"]\ndefault = \"en-GB\"\n",
    )
    .unwrap();
    let loaded = concierge::config::Config::load(&config).unwrap();
    assert_eq!(loaded.config.locales.offered, ["ur-PK", "ar", "en-US"]);
    assert_eq!(loaded.config.locales.default, "en-US");
}

#[test]
fn branding_colours_that_would_make_text_unreadable_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    // A mid blue: white text reaches 4.9:1 on it, enough for a button, not for the bars.
    std::fs::write(
        &config,
        "[branding]\nname = \"Aurora Air\"\nprimary = \"#2f6fb0\"\nbar = \"#2f6fb0\"\n",
    )
    .unwrap();
    let out = concierge(dir.path(), &["config", "check", config.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`bar` = \"#2f6fb0\" gives"), "{stderr}");
    assert!(stderr.contains("body text needs 7:1"), "{stderr}");
    assert!(!stderr.contains("`primary`"), "{stderr}");
    std::fs::write(
        &config,
        "[branding]\nname = \"Aurora Air\"\nprimary = \"#2f6fb0\"\nbar = \"#123456\"\n",
    )
    .unwrap();
    let loaded = concierge::config::Config::load(&config).unwrap().config;
    assert_eq!(loaded.branding.name, "Aurora Air");
    // The screens draw labels in whichever of white and black reads better.
    let p = concierge::ui::theme::branded(
        loaded.branding.primary.as_deref(),
        loaded.branding.bar.as_deref(),
    );
    use concierge::ui::theme::contrast;
    assert!(contrast(p.on_primary, p.primary) >= 4.5);
    assert!(contrast(p.bar_text, p.bar) >= 7.0);
    std::fs::write(
        &config,
        "[branding]\nreview_url = \"https://aurora.example/review\"\n",
    )
    .unwrap();
    let loaded = concierge::config::Config::load(&config).unwrap().config;
    assert_eq!(
        loaded.branding.review_url.as_deref(),
        Some("https://aurora.example/review")
    );
    std::fs::write(&config, "[branding]\nprimary = \"blue\"\n").unwrap();
    let out = concierge(dir.path(), &["config", "check", config.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be a colour like"));
}

/// A small PNG of `w` × `h` opaque pixels.
fn png_file(path: &Path, w: u32, h: u32) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![0x2a; (w * h * 3) as usize])
        .unwrap();
}

/// The operator's logo and welcome images: general ones in [branding], per-locale ones in the
/// overrides directory; a picture the kiosk could not show is refused with its line.
#[test]
fn logos_and_welcome_images_per_locale() {
    use concierge::config::branding::Picture;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"40\"><rect width=\"80\" height=\"40\" fill=\"#0b4f8a\"/></svg>",
    )
    .unwrap();
    let overrides = dir.path().join("locales");
    std::fs::create_dir_all(overrides.join("ur-PK")).unwrap();
    png_file(&overrides.join("ur-PK/welcome.png"), 6, 3);
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!(
            "[branding]\nlogo = \"logo.svg\"\n[locales]\noverrides = \"{}\"\n",
            overrides.display()
        ),
    )
    .unwrap();
    let loaded = concierge::config::Config::load(&config).unwrap();
    let pictures = &loaded.config.branding.pictures;
    assert!(matches!(pictures.logo("ur-PK"), Some(Picture::Svg(_))));
    assert!(matches!(pictures.logo("en-US"), Some(Picture::Svg(_))));
    match pictures.welcome("ur-PK") {
        Some(Picture::Png {
            width,
            height,
            rgba,
        }) => {
            assert_eq!((*width, *height), (6, 3));
            assert_eq!(rgba.len(), 6 * 3 * 4);
            assert_eq!(&rgba[..4], &[0x2a, 0x2a, 0x2a, 255]);
        }
        other => panic!("the Urdu welcome image: {other:?}"),
    }
    assert_eq!(pictures.welcome("en-US"), None, "only Urdu has one");

    std::fs::write(dir.path().join("broken.png"), b"not a png at all").unwrap();
    std::fs::write(
        &config,
        "[kiosk]\nid = \"K1\"\n\n[branding]\nlogo = \"logo.gif\"\nwelcome_image = \"broken.png\"\n",
    )
    .unwrap();
    let out = concierge(dir.path(), &["config", "check", config.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":5:") && stderr.contains("must be a .png or .svg picture"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":6:") && stderr.contains("is not a readable PNG"),
        "{stderr}"
    );
}

/// The log files hold what operators need (what happened, when, how it ended) and never who:
/// whole check-ins at the most verbose level, and not one name, booking reference, e-ticket or
/// document number in them.
#[test]
fn the_logs_never_hold_passenger_data() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    let config = dir.path().join("concierge.toml");
    std::fs::write(
        &config,
        format!(
            "[logging]\ndir = \"{}\"\nlevel = \"debug\"\n",
            logs.display()
        ),
    )
    .unwrap();
    let mrz = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/passports/erik-valid.mrz"
    );
    let runs: [&[&str]; 4] = [
        &[
            "--booking",
            "DEMO01",
            "--surname",
            "desmarais",
            "--bags",
            "1",
        ],
        &["--booking", "KHAN22", "--surname", "khan"],
        &[
            "--booking",
            "ERIK01",
            "--surname",
            "eriksson",
            "--mrz-file",
            mrz,
        ],
        &["--booking", "NOSUCH", "--surname", "nobody"],
    ];
    for args in runs {
        let mut all = vec!["--config", config.to_str().unwrap()];
        all.extend_from_slice(args);
        let (_, _, stderr) = checkin(dir.path(), &all);
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let mut text = String::new();
    for entry in std::fs::read_dir(&logs).unwrap() {
        text += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
    }
    // The log is there, in JSON lines, and says what happened.
    assert!(text.lines().count() >= 8, "{text}");
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(
            v["timestamp"].is_string() && v["level"].is_string(),
            "{line}"
        );
    }
    assert!(text.contains("concierge started") && text.contains("performing"));
    for secret in [
        "DEMO01",
        "KHAN22",
        "ERIK01",
        "NOSUCH",
        "DESMARAIS",
        "desmarais",
        "Luc",
        "LUC",
        "KHAN",
        "Khan",
        "Ayesha",
        "AYESHA",
        "ERIKSSON",
        "Eriksson",
        "ANNA",
        "Anna",
        "AA1234567",
        "9871234567890",
        "NW100234",
        "NOBODY",
    ] {
        assert!(!text.contains(secret), "{secret:?} is in the log:\n{text}");
    }
}

/// A name in the airline's records with a terminal escape sequence in it is written escaped
/// by `concierge checkin`, never sent raw to the operator's terminal.
#[test]
fn checkin_never_sends_the_records_escape_sequences_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, _) = checkin(
        dir.path(),
        &["--booking", "DEMO01", "--surname", "desmarais"],
    );
    assert_eq!(code, 0);
    let db = rusqlite::Connection::open(dir.path().join("airline.sqlite")).unwrap();
    db.execute(
        "UPDATE passengers SET given_names = 'LUC' || char(27) || '[2J' || char(7) || ' MR' WHERE reference = 'DEMO01'",
        [],
    )
    .unwrap();
    drop(db);
    let (code, _, stderr) = checkin(
        dir.path(),
        &["--booking", "DEMO01", "--surname", "desmarais"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}[2J"), "written escaped: {stderr}");
}
