//! The boarding pass on a phone, from outside: the kiosk's own client asks a real desk (axum,
//! on loopback) for links; a phone's requests open them; wallet passes checked with openssl
//! (the `.pkpass` signature, the Google Wallet JWT) and the page in headless Chromium.

use concierge::config::{DeskKiosk, Secret, Target, TargetKind};
use concierge::desk::Desk;
use concierge::wallet::client::DeskPasses;
use concierge::wallet::service::Passes;
use concierge::wallet::{PassLinks, PhonePass, google, passes_of, pkpass};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

pub(crate) const KIOSK: &str = "LHE-T1-K07";
pub(crate) const SECRET: &str = "a-kiosk-secret-of-some-length";

pub(crate) struct Running {
    pub(crate) url: String,
    desk: Arc<Desk>,
    _dir: tempfile::TempDir,
}

/// A desk serving passes (`make` adds wallets), on a loopback port of its own.
pub(crate) async fn start(
    make: impl FnOnce(Passes) -> Passes,
    expires: Duration,
    uses: u8,
) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let store = concierge::desk::open_sqlite(&dir.path().join("desk.sqlite")).unwrap();
    let config = concierge::config::Desk {
        kiosks: vec![DeskKiosk {
            id: KIOSK.into(),
            secret: Secret::new(SECRET),
        }],
        ..Default::default()
    };
    let desk = Desk::new(store, &config, false);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    desk.serve_passes(make(Passes::new(
        &url,
        expires,
        uses,
        "Northwind Airways",
        &config.kiosks,
    )));
    tokio::spawn(concierge::desk::serve(
        listener,
        desk.clone(),
        Duration::from_secs(3600),
    ));
    Running {
        url,
        desk,
        _dir: dir,
    }
}

/// The kiosk's client for the desk at `url`, signing with `secret`.
pub(crate) fn kiosk(url: &str, secret: &str) -> DeskPasses {
    DeskPasses::new(
        KIOSK,
        Target {
            kind: TargetKind::Desk,
            name: "desk".into(),
            url: Secret::new(url),
            secret: Some(Secret::new(secret)),
            routing_key: None,
            token: None,
            also: Vec::new(),
            level: 0,
            timeout: Duration::from_secs(5),
        },
    )
}

/// The demo's printed job for two passengers (Ms Khan and her son, LHE → DXB → LHR style).
fn passes() -> Vec<PhonePass> {
    let job = concierge::print::sample_job("ur-PK", chrono::Utc::now());
    let passes = passes_of(&job);
    assert!(!passes.is_empty(), "the sample job has boarding passes");
    passes
}

/// Links from the desk through the kiosk's own client (off the async threads, as the kiosk's
/// screen does it).
async fn links(
    client: DeskPasses,
    passes: Vec<PhonePass>,
) -> Result<Vec<concierge::wallet::PassLink>, String> {
    tokio::task::spawn_blocking(move || client.links(&passes))
        .await
        .unwrap()
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_idle_timeout(concierge::net::CLIENT_IDLE)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_opens_the_pass_as_often_as_the_desk_allows_then_never() {
    let d = start(|p| p, Duration::from_secs(600), 2).await;
    let passes = passes();
    let got = links(kiosk(&d.url, SECRET), passes.clone()).await.unwrap();
    assert_eq!(got.len(), passes.len(), "one link per passenger");
    for (link, pass) in got.iter().zip(&passes) {
        assert_eq!(link.passenger, pass.passenger);
        // An opaque token: nothing of the passenger in the QR.
        let token = link.url.rsplit('/').next().unwrap();
        assert_eq!(token.len(), 32);
        assert!(!link.url.contains(&pass.reference) && !link.url.contains(&pass.name));
    }
    let (link, pass) = (&got[0], &passes[0]);
    let client = http();
    for left in [1, 0] {
        let answer = client.get(&link.url).send().await.unwrap();
        assert_eq!(answer.status(), 200);
        let html = answer.text().await.unwrap();
        assert!(html.contains(&pass.name), "the page names the passenger");
        assert!(html.contains(&pass.legs[0].flight()));
        assert!(html.contains("<svg") && html.contains("PDF417"));
        assert!(
            html.contains("dir=\"rtl\""),
            "an Urdu pass reads right to left"
        );
        // No wallet offered without the operator's credentials.
        assert!(!html.contains("/apple/") && !html.contains("/google"));
        let words = concierge::i18n::Messages::built_in();
        let note = words.get(
            "ur-PK",
            "pass-link-left",
            &[("count", left.into()), ("time", "TIME".into())],
        );
        // What the note says around the time (which this test cannot know to the minute).
        for part in note.split("TIME") {
            let part = part.trim_matches(|c| c == '\u{2068}' || c == '\u{2069}');
            assert!(html.contains(part), "{left} opens left is said: {part}");
        }
    }
    // Used up: gone, for good, and it says so in the phone's language.
    let answer = client
        .get(&link.url)
        .header("Accept-Language", "de-DE,de;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 410);
    let html = answer.text().await.unwrap();
    let words = concierge::i18n::Messages::built_in();
    assert!(html.contains(&words.get("de-DE", "pass-gone-title", &[])));
    // The other passenger's link is untouched; a made-up token opens nothing.
    assert_eq!(client.get(&got[1].url).send().await.unwrap().status(), 200);
    let forged = format!("{}/pass/{}", d.url, "0".repeat(32));
    assert_eq!(client.get(&forged).send().await.unwrap().status(), 410);
    let traversal = client
        .get(format!("{}/pass/../../etc/passwd", d.url))
        .send()
        .await
        .unwrap();
    assert!(!traversal.status().is_success());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_stops_opening_when_it_expires() {
    let d = start(|p| p, Duration::from_secs(1), 5).await;
    let got = links(kiosk(&d.url, SECRET), passes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(http().get(&got[0].url).send().await.unwrap().status(), 410);
    // Expired links are let go of when the next are made.
    let _ = links(kiosk(&d.url, SECRET), passes()).await.unwrap();
    assert_eq!(d.desk.passes_held(), passes().len());
}

#[tokio::test(flavor = "multi_thread")]
async fn only_a_kiosk_the_desk_knows_gets_links() {
    let d = start(|p| p, Duration::from_secs(600), 3).await;
    let refused = links(kiosk(&d.url, "not-the-secret"), passes()).await;
    assert!(refused.unwrap_err().contains("401"));
    // Garbage and too many passes are refused with a reason; nothing is held.
    let client = http();
    let answer = client
        .post(format!("{}/api/v1/phone-passes", d.url))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let many: Vec<PhonePass> = std::iter::repeat_n(passes()[0].clone(), 10).collect();
    assert!(
        links(kiosk(&d.url, SECRET), many)
            .await
            .unwrap_err()
            .contains("400")
    );
    assert_eq!(d.desk.passes_held(), 0);
    // A desk that is not there: an error, at once, and no panic.
    let gone = links(kiosk("http://127.0.0.1:9", SECRET), passes()).await;
    assert!(gone.is_err());
}

/// Runs openssl with `args` in `dir`; its success.
fn openssl(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl (scripts/test installs it)")
}

fn ok(out: std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A test CA, an intermediate standing for Apple's WWDR, and a pass certificate it signed,
/// with the pass certificate's RSA key: `ca.pem`, `wwdr.pem`, `pass.pem`, `pass.key`.
fn test_chain(dir: &Path) {
    let ext = dir.join("ext.cnf");
    std::fs::write(
        &ext,
        "[ca]\nbasicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n\
         [leaf]\nbasicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\n",
    )
    .unwrap();
    for (name, bits) in [("ca", "2048"), ("wwdr", "2048"), ("pass", "2048")] {
        ok(openssl(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                &format!("rsa_keygen_bits:{bits}"),
                "-out",
                &format!("{name}.key"),
            ],
        ));
    }
    ok(openssl(
        dir,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-subj",
            "/CN=Concierge Test Root CA",
            "-days",
            "30",
            "-out",
            "ca.pem",
            "-addext",
            "basicConstraints=critical,CA:true",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    ));
    for (name, subject, signer, section) in [
        ("wwdr", "/CN=Test WWDR Intermediate", "ca", "ca"),
        (
            "pass",
            "/UID=pass.com.example.concierge/CN=Pass Type ID: pass.com.example.concierge/OU=ABCDE12345",
            "wwdr",
            "leaf",
        ),
    ] {
        ok(openssl(
            dir,
            &[
                "req",
                "-new",
                "-key",
                &format!("{name}.key"),
                "-subj",
                subject,
                "-out",
                &format!("{name}.csr"),
            ],
        ));
        ok(openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                &format!("{signer}.pem"),
                "-CAkey",
                &format!("{signer}.key"),
                "-CAcreateserial",
                "-days",
                "30",
                "-extfile",
                "ext.cnf",
                "-extensions",
                section,
                "-out",
                &format!("{name}.pem"),
            ],
        ));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_apple_wallet_pass_is_signed_by_the_pass_certificate_and_fails_when_changed() {
    let keys = tempfile::tempdir().unwrap();
    test_chain(keys.path());
    let read = |f: &str| std::fs::read(keys.path().join(f)).unwrap();
    let signer = pkpass::Signer::new(
        "pass.com.example.concierge",
        "ABCDE12345",
        &read("pass.pem"),
        &read("wwdr.pem"),
        &String::from_utf8(read("pass.key")).unwrap(),
    )
    .unwrap();
    let d = start(|p| p.with_apple(signer), Duration::from_secs(600), 3).await;
    let passes = passes();
    let got = links(kiosk(&d.url, SECRET), passes.clone()).await.unwrap();
    let client = http();
    let page = client
        .get(&got[0].url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let href = format!("{}/apple/0", got[0].url.trim_start_matches(&d.url));
    assert!(page.contains(&href), "the page offers Apple Wallet");
    let answer = client.get(format!("{}{href}", d.url)).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.headers()["content-type"],
        "application/vnd.apple.pkpass"
    );
    let bytes = answer.bytes().await.unwrap();
    // Unzipped: every file the manifest names, with its SHA-1.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut files = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut content).unwrap();
        files.insert(f.name().to_string(), content);
    }
    for name in ["pass.json", "icon.png", "manifest.json", "signature"] {
        assert!(files.contains_key(name), "{name} is in the pass");
    }
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    let named = manifest.as_object().unwrap();
    assert_eq!(
        named.len(),
        files.len() - 2,
        "every file but the manifest and signature"
    );
    for (name, sha1) in named {
        let digest = Command::new("openssl")
            .args(["dgst", "-sha1", "-r"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(&files[name])?;
                c.wait_with_output()
            })
            .unwrap();
        let hex = String::from_utf8_lossy(&digest.stdout);
        assert_eq!(
            hex.split_whitespace().next().unwrap(),
            sha1.as_str().unwrap(),
            "{name}"
        );
    }
    let pass: serde_json::Value = serde_json::from_slice(&files["pass.json"]).unwrap();
    assert_eq!(pass["passTypeIdentifier"], "pass.com.example.concierge");
    assert_eq!(pass["teamIdentifier"], "ABCDE12345");
    assert_eq!(pass["barcodes"][0]["format"], "PKBarcodeFormatPDF417");
    assert_eq!(pass["barcodes"][0]["message"], passes[0].barcode.as_str());
    assert_eq!(pass["boardingPass"]["transitType"], "PKTransitTypeAir");
    // The signature verifies against the test root, the intermediate carried in it …
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("manifest.json"), &files["manifest.json"]).unwrap();
    std::fs::write(out.path().join("signature"), &files["signature"]).unwrap();
    std::fs::copy(keys.path().join("ca.pem"), out.path().join("ca.pem")).unwrap();
    let verify = |dir: &Path| {
        openssl(
            dir,
            &[
                "smime",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                "signature",
                "-content",
                "manifest.json",
                "-CAfile",
                "ca.pem",
                "-purpose",
                "any",
                "-out",
                "/dev/null",
            ],
        )
    };
    ok(verify(out.path()));
    // … and not once one byte of the manifest is changed.
    let mut changed = files["manifest.json"].clone();
    let at = changed.len() / 2;
    changed[at] ^= 0x01;
    std::fs::write(out.path().join("manifest.json"), &changed).unwrap();
    assert!(!verify(out.path()).status.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_google_wallet_link_carries_the_flight_signed_with_the_service_account() {
    let keys = tempfile::tempdir().unwrap();
    ok(openssl(
        keys.path(),
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            "sa.key",
        ],
    ));
    ok(openssl(
        keys.path(),
        &["pkey", "-in", "sa.key", "-pubout", "-out", "sa.pub"],
    ));
    let account = serde_json::json!({
        "type": "service_account",
        "client_email": "wallet@concierge-test.iam.gserviceaccount.com",
        "private_key": std::fs::read_to_string(keys.path().join("sa.key")).unwrap(),
    });
    let signer = google::Signer::new("3388000000012345678", &account.to_string()).unwrap();
    let d = start(|p| p.with_google(signer), Duration::from_secs(600), 3).await;
    let passes = passes();
    let got = links(kiosk(&d.url, SECRET), passes.clone()).await.unwrap();
    let answer = http()
        .get(format!("{}/google", got[0].url))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 303);
    let location = answer.headers()["location"].to_str().unwrap().to_string();
    let jwt = location
        .strip_prefix(google::SAVE_URL)
        .expect("to Google's save page");
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3);
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header: serde_json::Value = serde_json::from_slice(&b64.decode(parts[0]).unwrap()).unwrap();
    assert_eq!(header["alg"], "RS256");
    let claims: serde_json::Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    assert_eq!(
        claims["iss"],
        "wallet@concierge-test.iam.gserviceaccount.com"
    );
    assert_eq!(claims["aud"], "google");
    assert_eq!(claims["typ"], "savetowallet");
    let object = &claims["payload"]["flightObjects"][0];
    let leg = &passes[0].legs[0];
    assert_eq!(object["barcode"]["type"], "PDF_417");
    assert_eq!(object["barcode"]["value"], passes[0].barcode.as_str());
    assert_eq!(object["passengerName"], passes[0].name.as_str());
    assert_eq!(
        object["reservationInfo"]["confirmationCode"],
        passes[0].reference.as_str()
    );
    if let Some(seat) = &leg.seat {
        assert_eq!(
            object["boardingAndSeatingInfo"]["seatNumber"],
            seat.as_str()
        );
    }
    let class = &claims["payload"]["flightClasses"][0];
    assert_eq!(object["classId"], class["id"]);
    assert!(
        class["id"]
            .as_str()
            .unwrap()
            .starts_with("3388000000012345678.")
    );
    assert_eq!(
        class["flightHeader"]["carrier"]["carrierIataCode"],
        leg.carrier.as_str()
    );
    assert_eq!(class["origin"]["airportIataCode"], leg.from.as_str());
    // The signature verifies with the service account's public key, and not over other claims.
    let dir = keys.path();
    std::fs::write(dir.join("input"), format!("{}.{}", parts[0], parts[1])).unwrap();
    std::fs::write(dir.join("sig"), b64.decode(parts[2]).unwrap()).unwrap();
    ok(openssl(
        dir,
        &[
            "dgst",
            "-sha256",
            "-verify",
            "sa.pub",
            "-signature",
            "sig",
            "input",
        ],
    ));
    std::fs::write(dir.join("input"), format!("{}.{}x", parts[0], parts[1])).unwrap();
    assert!(
        !openssl(
            dir,
            &[
                "dgst",
                "-sha256",
                "-verify",
                "sa.pub",
                "-signature",
                "sig",
                "input"
            ]
        )
        .status
        .success()
    );
}

/// The page on a phone-sized Chromium: the pass fits the screen, and the barcode on it, as
/// the phone draws it, reads back as the boarding pass.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Chromium and playwright-core: scripts/test installs them"]
async fn the_pass_page_fits_a_phone_and_its_barcode_reads_back() {
    let d = start(|p| p, Duration::from_secs(600), 3).await;
    let passes = passes();
    let got = links(kiosk(&d.url, SECRET), passes.clone()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let shots = std::env::var("CONCIERGE_PASS_SCREENSHOT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| dir.path().to_path_buf());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/phone-pass.mjs");
    let url = got[0].url.clone();
    let out_dir = shots.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(script)
            .arg(&url)
            .arg(&out_dir)
            .output()
            .expect("node (with tests/browser/node_modules: scripts/test installs it)")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("fits"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The barcode as Chromium drew it on the phone's screen.
    let png = image_luma(&shots.join("barcode.png"));
    let read = read_pdf417(png);
    assert_eq!(read, passes[0].barcode);
}

/// A PNG as 8-bit grey (RGBA or RGB in).
fn image_luma(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let grey = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|px| px[0])
        .collect();
    (info.width, info.height, grey)
}

fn read_pdf417((w, h, grey): (u32, u32, Vec<u8>)) -> String {
    use rxing::Reader;
    let source = rxing::Luma8LuminanceSource::new(grey, w, h).expect("a picture");
    let mut bitmap = rxing::BinaryBitmap::new(rxing::common::HybridBinarizer::new(source));
    let hints = rxing::DecodeHints {
        TryHarder: Some(true),
        ..Default::default()
    };
    rxing::pdf417::PDF417Reader
        .decode_with_hints(&mut bitmap, &hints)
        .expect("the barcode on the phone reads")
        .getText()
        .to_string()
}

/// A bag drop prints tags only: no boarding pass, so nothing to put on a phone.
#[test]
fn a_bag_drop_job_has_no_pass_for_a_phone() {
    let mut job = concierge::print::sample_job("en-US", chrono::Utc::now());
    assert!(!passes_of(&job).is_empty());
    job.tags_only = true;
    assert!(passes_of(&job).is_empty());
}
