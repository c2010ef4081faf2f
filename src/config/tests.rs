use super::*;
use std::time::Duration;

#[test]
fn an_empty_file_gives_the_demo_defaults() {
    let loaded = Config::parse("", None).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.config.timeouts.warning, Duration::from_secs(20));
}

#[test]
fn the_fixed_keys_are_read() {
    let text = r#"
[kiosk]
id = "LHE-T1-K07"
location = "Lahore T1, hall B"
airport = "lhe"

[timeouts]
idle = "45s"
warning = "30s"

[steps]
seats = false
documents = "always"
"#;
    let c = Config::parse(text, None).unwrap().config;
    assert_eq!(c.kiosk.id, "LHE-T1-K07");
    assert_eq!(c.kiosk.airport.as_deref(), Some("LHE"));
    assert_eq!(c.timeouts.idle, Duration::from_secs(45));
    assert_eq!(c.timeouts.warning, Duration::from_secs(30));
    assert!(!c.steps.seats);
    assert_eq!(c.steps.documents, DocumentsStep::Always);
}

#[test]
fn a_bad_duration_names_file_line_and_what_to_write() {
    let text = "[kiosk]\nid = \"K1\"\n\n[timeouts]\n  idle = \"45x\"\n";
    let err = Config::parse(text, Some(Path::new("/etc/concierge/concierge.toml"))).unwrap_err();
    let ConfigError::Invalid(diags) = err else {
        panic!("expected a validation error")
    };
    assert_eq!(diags.len(), 1);
    assert_eq!(
        diags[0].to_string(),
        "/etc/concierge/concierge.toml:5:3: `idle` must be a duration like \"45s\", found 45x"
    );
}

#[test]
fn a_too_short_warning_is_refused() {
    let err = Config::parse("[timeouts]\nwarning = \"5s\"\n", None).unwrap_err();
    assert!(err.to_string().contains("at least 20s"), "{err}");
}

/// A passenger waiting for an agent gets more time than `idle`, never less: a shorter
/// `idle_with_help` is refused at its line; left out, it is 3 minutes or `idle` if that is
/// longer.
#[test]
fn idle_with_help_is_never_shorter_than_idle() {
    let err = Config::parse(
        "[timeouts]\nidle = \"90s\"\nidle_with_help = \"60s\"\n",
        None,
    )
    .unwrap_err();
    let ConfigError::Invalid(diags) = err else {
        panic!("expected a validation error")
    };
    assert_eq!(diags[0].line, 3, "{:?}", diags[0]);
    assert!(
        diags[0].message.contains("at least `idle`"),
        "{:?}",
        diags[0]
    );
    let c = Config::parse("[timeouts]\nidle = \"5m\"\n", None)
        .unwrap()
        .config;
    assert_eq!(c.timeouts.idle_with_help, Duration::from_secs(300));
    let c = Config::parse("", None).unwrap().config;
    assert_eq!(c.timeouts.idle_with_help, Duration::from_secs(180));
}

#[test]
fn a_type_error_is_located() {
    let err = Config::parse("[steps]\nseats = \"yes\"\n", None).unwrap_err();
    let ConfigError::Invalid(diags) = err else {
        panic!("expected a validation error")
    };
    assert_eq!((diags[0].line, diags[0].column), (2, 9), "{:?}", diags[0]);
}

#[test]
fn broken_toml_is_located() {
    let err = Config::parse("[kiosk\nid = 1\n", None).unwrap_err();
    let ConfigError::Invalid(diags) = err else {
        panic!("expected a syntax error")
    };
    assert_eq!(diags[0].line, 1);
}

#[test]
fn unknown_keys_warn_with_a_suggestion() {
    let text = "[timeouts]\nidel = \"30s\"\n\n[kiosks]\nid = \"x\"\n";
    let loaded = Config::parse(text, None).unwrap();
    let w: Vec<String> = loaded.warnings.iter().map(|d| d.to_string()).collect();
    assert!(
        w.iter()
            .any(|m| m.contains(":2:1:") && m.contains("did you mean `timeouts.idle`")),
        "{w:?}"
    );
    assert!(
        w.iter().any(|m| m.contains("did you mean `kiosk`")),
        "{w:?}"
    );
}

#[test]
fn dangerous_goods_cannot_be_switched_off() {
    let loaded = Config::parse("[steps]\ndangerous_goods = false\n", None).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .message
            .contains("cannot be switched off")
    );
}

#[test]
fn bag_serial_ranges_are_checked() {
    let c = Config::parse(
        "[bags]\nserials = \"200000-299999\"\nquarantine = \"14d\"\n",
        None,
    )
    .unwrap()
    .config;
    assert_eq!(c.bags.serials, (200_000, 299_999));
    assert_eq!(c.bags.quarantine, Duration::from_secs(14 * 86_400));
    assert!(Config::parse("[bags]\nserials = \"9-1\"\n", None).is_err());
}

#[test]
fn the_packaged_example_is_valid_and_shows_the_defaults() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/packaging/concierge.example.toml"
    ));
    let loaded = Config::load(path).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.config, Config::default());
}

#[test]
fn document_rules_are_read_and_checked() {
    let text = "[[documents.rules]]\ndestination = \"jp\"\nvalid_months_after_arrival = 3\nvisa_required = [\"pak\", \"*\"]\nvisa_exempt = [\"D\"]\n";
    let c = Config::parse(text, None).unwrap().config;
    assert_eq!(c.documents.rules.len(), 1);
    let r = &c.documents.rules[0];
    assert_eq!(r.destination, "JP");
    assert_eq!(r.valid_months_after_arrival, 3);
    assert_eq!(r.visa_required, vec!["PAK", "*"]);
    assert_eq!(r.visa_exempt, vec!["D"]);
    let err = Config::parse(
        "[[documents.rules]]\ndestination = \"JPN\"\n\n[[documents.rules]]\ndestination = \"US\"\nvisa_required = [\"XYZ\"]\n",
        None,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(":2:1: `destination` must be a 2-letter"),
        "{text}"
    );
    assert!(text.contains("found \"XYZ\""), "{text}");
}

#[test]
fn an_http_airline_needs_https_off_this_machine_and_a_key() {
    // SAFETY: only this test reads the variable.
    unsafe { std::env::set_var("CONCIERGE_TEST_AIRLINE_KEY", "k-123-0123456789abcdef") };
    let good = "[airline]\nkind = \"http\"\nurl = \"https://dcs.example.com/api/\"\nkey_env = \"CONCIERGE_TEST_AIRLINE_KEY\"\ntimeout = \"5s\"\n";
    let c = Config::parse(good, None).unwrap().config;
    assert_eq!(
        c.airline.system,
        AirlineSystem::Http {
            url: "https://dcs.example.com/api".into()
        }
    );
    assert_eq!(c.airline.timeout, Duration::from_secs(5));
    assert_eq!(
        c.airline.key.as_ref().map(Secret::expose),
        Some("k-123-0123456789abcdef")
    );
    let message = |text: &str| Config::parse(text, None).unwrap_err().to_string();
    let plain = message(
        "[airline]\nkind = \"http\"\nurl = \"http://10.0.0.5:8790\"\nkey_env = \"CONCIERGE_TEST_AIRLINE_KEY\"\n",
    );
    assert!(
        plain.contains("3:") && plain.contains("unencrypted"),
        "{plain}"
    );
    let keyless = message("[airline]\nkind = \"http\"\nurl = \"http://127.0.0.1:8790\"\n");
    assert!(keyless.contains("needs a key"), "{keyless}");
    let inline = message("[airline]\nkey = \"k-123\"\n");
    assert!(inline.contains("never written in the file"), "{inline}");
    let kind = message("[airline]\nkind = \"soap\"\n");
    assert!(kind.contains("\"embedded\" or \"http\""), "{kind}");
    let lonely = message("[airline]\nurl = \"https://dcs.example.com\"\n");
    assert!(
        lonely.contains("needs `kind = \\\"http\\\"`") || lonely.contains("kind = \"http\""),
        "{lonely}"
    );
}

#[test]
fn the_keypad_and_the_voice_are_read_and_a_bad_one_is_named() {
    for code in [
        "Numpad8",
        "NumpadEnter",
        "F13",
        "KeyA",
        "Digit0",
        "AudioVolumeUp",
        "Lang3",
    ] {
        assert!(super::is_key_code(code), "{code}");
    }
    for code in ["numpad8", "F0", "F36", "Key", "KeyAB", "Numpad08", "Arrow"] {
        assert!(!super::is_key_code(code), "{code}");
    }
    let text = "[speech]\nvoice = \"espeak-ng\"\nblank_screen = true\n\n[keypad]\nup = \"Numpad8\"\nspeech = \"F13\"\n";
    let config = Config::parse(text, None).unwrap().config;
    assert_eq!(config.speech.voice, super::Voice::Espeak);
    assert!(config.speech.blank_screen);
    for address in [
        "unix_socket:/run/speech-dispatcher/speechd.sock",
        "inet_socket:127.0.0.1:6560",
        "inet_socket:localhost",
    ] {
        let text = format!("[speech]\naddress = \"{address}\"\n");
        let config = Config::parse(&text, None).unwrap().config;
        assert_eq!(
            config.speech.voice,
            super::Voice::Dispatcher {
                address: Some(address.into())
            }
        );
    }
    assert_eq!(
        config.keypad.keys,
        vec![
            (super::KeypadFunction::Speech, "F13".to_string()),
            (super::KeypadFunction::Up, "Numpad8".to_string()),
        ]
    );
    for (bad, words) in [
        ("[keypad]\njump = \"F1\"\n", "not a keypad function"),
        (
            "[keypad]\nup = \"Arrow Up\"\n",
            "must name a key by its code",
        ),
        ("[speech]\nvoice = \"file\"\n", "needs `dir`"),
        ("[keypad]\nup = \"numpad8\"\n", "did you mean \"Numpad8\"?"),
        ("[keypad]\nup = \"F36\"\n", "must name a key by its code"),
        (
            "[keypad]\nup = \"F13\"\ndown = \"F13\"\n",
            "already another function's key",
        ),
        (
            "[speech]\nvoice = \"festival\"\n",
            "must be speech-dispatcher",
        ),
        (
            "[speech]\naddress = \"inet_socket:10.0.0.7:6560\"\n",
            "not on this machine",
        ),
        (
            "[speech]\naddress = \"unix_socket:speechd.sock\"\n",
            "absolute path",
        ),
        ("[speech]\naddress = \"/run/speechd.sock\"\n", "must be"),
        (
            "[speech]\naddress = \"inet_socket:[::1]:6560\"\n",
            "IPv4 address or a host name",
        ),
        (
            "[speech]\nvoice = \"espeak-ng\"\naddress = \"inet_socket:127.0.0.1:6560\"\n",
            "speech-dispatcher's",
        ),
    ] {
        let err = Config::parse(bad, None).unwrap_err().to_string();
        assert!(err.contains(words), "{bad}: {err}");
    }
}

/// The example the package installs lists every key the parser accepts, each under its own
/// section (the README says it does; `[desk]`, `[metrics]` and `[logging]` were missing).
#[test]
fn the_example_config_lists_every_key_the_parser_accepts() {
    let example = include_str!("../../packaging/concierge.example.toml");
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut section = String::new();
    for line in example.lines() {
        let line = line.trim_start_matches('#').trim();
        if let Some(h) = line.strip_prefix('[') {
            let name = h.trim_matches(|c| c == '[' || c == ']').trim().to_string();
            // `[[help.targets]]` stands for the key `targets` of `[help]`.
            if let Some((parent, key)) = name.split_once('.') {
                seen.push((parent.to_string(), key.to_string()));
            }
            section = name;
            continue;
        }
        if let Some((key, _)) = line.split_once('=') {
            let key = key.trim();
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                seen.push((section.clone(), key.to_string()));
            }
        }
    }
    let missing: Vec<String> = super::raw::KNOWN
        .iter()
        .flat_map(|(s, keys)| keys.iter().map(move |k| (*s, *k)))
        // Read only to say it is refused: the acknowledgement cannot be switched off, and a key
        // is never written in the file.
        .filter(|(s, k)| {
            !matches!(
                (*s, *k),
                ("steps", "dangerous_goods") | ("airline", "key") | ("cuss2", "secret")
            )
        })
        .filter(|(s, k)| !seen.iter().any(|(ss, kk)| ss == s && kk == k))
        .map(|(s, k)| format!("[{s}] {k}"))
        .collect();
    assert!(missing.is_empty(), "not in the example: {missing:?}");
}

/// Plain http:// only to this machine, as a URL parser reads the host (before,
/// `127.attacker.example` and `127.0.0.1@attacker.example` passed as loopback); an airline key
/// of one character is no key.
#[test]
fn plain_http_goes_only_to_this_machine_and_a_short_key_is_refused() {
    let key = std::env::temp_dir().join(format!("concierge-test-key-{}", std::process::id()));
    std::fs::write(&key, "a-long-airline-key-0123456789").unwrap();
    let with = |url: &str| {
        Config::parse(
            &format!(
                "[airline]\nkind = \"http\"\nkey_file = \"{}\"\nurl = \"{url}\"\n",
                key.display()
            ),
            None,
        )
    };
    for bad in [
        "http://127.attacker.example:8790",
        "http://127.0.0.1@attacker.example/",
        "http://localhost.attacker.example/",
        "http://10.0.0.5:8790",
    ] {
        let Err(ConfigError::Invalid(diags)) = with(bad) else {
            panic!("{bad} taken as this machine")
        };
        assert_eq!(diags[0].line, 4, "{bad}: {:?}", diags[0]);
        assert!(diags[0].message.contains("unencrypted"), "{:?}", diags[0]);
    }
    for good in [
        "http://127.0.0.1:8790",
        "http://localhost:8790",
        "http://[::1]:8790",
        "https://dcs.example.com",
    ] {
        assert!(with(good).is_ok(), "{good}");
    }
    std::fs::write(&key, "k").unwrap();
    let Err(ConfigError::Invalid(diags)) = with("http://127.0.0.1:8790") else {
        panic!("a one-character key was taken")
    };
    assert!(
        diags.iter().any(|d| d.message.contains("at least 16")),
        "{diags:?}"
    );
    let _ = std::fs::remove_file(&key);
}

/// Values that would hand the kiosk to someone else are refused at their line: a Slack
/// webhook (its URL is its secret) written inline, plain http:// to another machine or to a
/// cloud's metadata address for a page target, a shell as the CUPS `lp`.
#[test]
fn config_values_that_leak_or_run_something_else_are_refused_at_their_line() {
    let refused = |text: &str, line: usize, says: &str| {
        let Err(ConfigError::Invalid(diags)) = Config::parse(text, None) else {
            panic!("taken: {text}")
        };
        assert!(
            diags
                .iter()
                .any(|d| d.line == line && d.message.contains(says)),
            "{text}: {diags:?}"
        );
    };
    refused(
        "[[help.targets]]\nkind = \"slack\"\nurl = \"https://hooks.slack.com/services/T0/B0/XYZ\"\n",
        3,
        "url_file",
    );
    refused(
        "[[help.targets]]\nkind = \"ntfy\"\nurl = \"https://user:pass@ntfy.example.com/t\"\n",
        3,
        "url_env",
    );
    refused(
        "[[help.targets]]\nkind = \"ntfy\"\nurl = \"http://ntfy.example.com/t\"\n",
        3,
        "unencrypted",
    );
    refused(
        "[[help.targets]]\nkind = \"ntfy\"\nurl = \"http://169.254.169.254/latest/meta-data\"\n",
        3,
        "link-local",
    );
    refused("[printer]\nlp = \"/bin/sh\"\n", 2, "CUPS program");
    refused("[printer]\nlpstat = \"/usr/bin/env\"\n", 2, "CUPS program");
    let ok = Config::parse(
        "[printer]\nlp = \"/usr/bin/lp\"\n[[help.targets]]\nkind = \"ntfy\"\nurl = \"https://ntfy.example.com/t\"\n",
        None,
    );
    assert!(ok.is_ok(), "{ok:?}");
}

/// A FIFO where the config file should be is refused at once, not waited on (it blocked the
/// kiosk's screen in `open()`).
#[cfg(unix)]
#[test]
fn a_fifo_for_a_config_file_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("concierge.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(Config::load(&path).map(|_| ()).map_err(|e| e.to_string()));
    });
    let answer = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("load came back without a writer on the FIFO");
    let err = answer.unwrap_err();
    assert!(err.contains("not a regular file"), "{err}");
}

/// `[kiosk] mode` makes a bag-drop station; anything but the two modes is refused at its line,
/// and `[checkin] max_reprints` is read and bounded.
#[test]
fn a_kiosk_may_be_a_bag_drop_and_reprints_are_bounded() {
    let c = Config::parse("[kiosk]\nmode = \"bag-drop\"\n", None)
        .unwrap()
        .config;
    assert!(c.kiosk.bag_drop);
    assert!(crate::checkin::Settings::from(&c).bag_drop);
    assert!(!Config::parse("", None).unwrap().config.kiosk.bag_drop);
    let err = Config::parse("[kiosk]\nid = \"K1\"\nmode = \"drop\"\n", None).unwrap_err();
    assert!(
        err.to_string().contains(":3:") && err.to_string().contains("bag-drop"),
        "{err}"
    );
    let c = Config::parse("[checkin]\nmax_reprints = 1\n", None)
        .unwrap()
        .config;
    assert_eq!(c.checkin.max_reprints, 1);
    let err = Config::parse("[checkin]\nmax_reprints = 99\n", None).unwrap_err();
    assert!(err.to_string().contains("0 to 20"), "{err}");
}

/// `[phone_pass]`: each wrong value refused at its line with what to write; a wallet missing
/// one of its files is refused whole (never half a signer).
#[test]
fn phone_pass_settings_are_checked_at_their_lines() {
    let good = "[phone_pass]\npublic_url = \"https://desk.example.com/\"\nexpires = \"15m\"\nuses = 5\n\
                [phone_pass.google]\nissuer_id = \"3388\"\nservice_account_file = \"/etc/g.json\"\n";
    let p = Config::parse(good, None).unwrap().config.phone_pass;
    assert_eq!(p.public_url.as_deref(), Some("https://desk.example.com"));
    assert_eq!((p.expires, p.uses), (Duration::from_secs(900), 5));
    assert!(p.google.is_some() && p.apple.is_none() && p.enabled);
    let bad = "[phone_pass]\npublic_url = \"desk.example.com\"\nexpires = \"10s\"\nuses = 0\n\
               service = \"wifi\"\n[phone_pass.apple]\npass_type_id = \"pass.com.example\"\ncertificate = \"/c.pem\"\n";
    let ConfigError::Invalid(diags) = Config::parse(bad, None).unwrap_err() else {
        panic!("expected a validation error")
    };
    let lines: Vec<(usize, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(diags.len(), 5, "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 5 && m.contains("\"desk\" or \"airline\""))
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 2 && m.contains("public_url"))
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 3 && m.contains("\"1m\" to \"24h\""))
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 4 && m.contains("from 1 to 20"))
    );
    assert!(lines.iter().any(|(_, m)| m.contains("WWDR")));
}

/// `[devices] platform = "cuss2"` needs a socket URL, a client id and a secret kept out of the
/// file; each mistake is named at its line.
#[test]
fn a_cuss2_platform_is_checked_at_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("cuss2.secret");
    std::fs::write(&secret, "s3cret\n").unwrap();
    let good = format!(
        "[devices]\nplatform = \"cuss2\"\n[cuss2]\nurl = \"ws://127.0.0.1:22222/platform/subscribe\"\n\
         client_id = \"concierge\"\nsecret_file = \"{}\"\ntimeout = \"5s\"\n",
        secret.display()
    );
    let crate::config::DevicePlatform::Cuss2(c) =
        Config::parse(&good, None).unwrap().config.devices
    else {
        panic!("not cuss2")
    };
    assert_eq!(c.secret.expose(), "s3cret");
    assert_eq!(c.timeout, Duration::from_secs(5));
    assert_eq!(
        c.settings().token_url(),
        "http://127.0.0.1:22222/oauth/token"
    );
    let bad = "[devices]\nplatform = \"cuss2\"\n[cuss2]\nurl = \"http://platform\"\nsecret = \"inline\"\n";
    let ConfigError::Invalid(diags) = Config::parse(bad, None).unwrap_err() else {
        panic!("expected a validation error")
    };
    let lines: Vec<(usize, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert!(
        lines.iter().any(|(l, m)| *l == 4 && m.contains("ws://")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 5 && m.contains("never written in the file")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|(_, m)| m.contains("client_id")),
        "{lines:?}"
    );
    let odd = Config::parse("[devices]\nplatform = \"usb\"\n", None).unwrap_err();
    assert!(odd.to_string().contains("\"local\" or \"cuss2\""), "{odd}");
}

/// The fleet's keys: a desk database URL with a password in the file is refused at its line
/// (from `database_env` it is taken), a URL that is not PostgreSQL is refused, a trusted proxy
/// must be an address, and `urls` lists a desk's instances only.
#[test]
fn the_fleet_keys_are_checked_at_their_lines() {
    let refused = |text: &str, line: usize, words: &str| {
        let err = Config::parse(text, Some(Path::new("/c.toml"))).unwrap_err();
        let ConfigError::Invalid(diags) = err else {
            panic!("expected a validation error for {text}")
        };
        let said: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            said.iter()
                .any(|d| d.starts_with(&format!("/c.toml:{line}:")) && d.contains(words)),
            "{said:?}"
        );
    };
    refused(
        "[desk]\ndatabase = \"postgres://desk:hunter2@db/concierge\"\n",
        2,
        "never written in the file",
    );
    refused(
        "[desk]\ndatabase = \"mysql://db/concierge\"\n",
        2,
        "postgres://",
    );
    refused(
        "[desk]\ntrusted_proxies = [\"proxy.example\"]\n",
        2,
        "IP addresses",
    );
    refused(
        "[[help.targets]]\nkind = \"webhook\"\nurls = [\"https://a.example\"]\nsecret_env = \"HOME\"\n",
        3,
        "only a desk target",
    );
    refused(
        "[[help.targets]]\nkind = \"desk\"\nurl = \"https://a.example\"\nurls = [\"https://b.example\"]\nsecret_env = \"HOME\"\n",
        4,
        "either `url` or `urls`",
    );
    // A password from the environment is taken; the instances of a desk are kept in order.
    // SAFETY: the variable is this test's own.
    unsafe { std::env::set_var("CONCIERGE_TEST_DESK_DB", "postgres://desk:pw@db/concierge") };
    let c = Config::parse(
        "[desk]\ndatabase_env = \"CONCIERGE_TEST_DESK_DB\"\ntrusted_proxies = [\"10.0.0.5\"]\n\
         [[help.targets]]\nkind = \"desk\"\nurls = [\"https://a.example\", \"https://b.example\"]\nsecret_env = \"HOME\"\n",
        None,
    )
    .unwrap()
    .config;
    assert_eq!(
        c.desk.database.as_ref().map(|d| d.expose()),
        Some("postgres://desk:pw@db/concierge")
    );
    assert_eq!(
        c.desk.trusted_proxies,
        ["10.0.0.5".parse::<std::net::IpAddr>().unwrap()]
    );
    let t = &c.help.targets[0];
    assert_eq!(t.url.expose(), "https://a.example");
    assert_eq!(t.also.len(), 1);
    assert_eq!(t.also[0].expose(), "https://b.example");
}
