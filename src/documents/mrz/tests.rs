use super::*;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The ICAO Doc 9303 specimens, as published (tests/fixtures/mrz-specimens.txt).
const SPECIMENS: &str = include_str!("../../../tests/fixtures/mrz-specimens.txt");

fn specimen(n: usize) -> String {
    SPECIMENS
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|b| !b.trim().is_empty())
        .nth(n)
        .unwrap()
}

#[test]
fn the_td3_specimen_reads_field_by_field() {
    let m = parse(&specimen(0), today()).unwrap();
    assert_eq!(m.format, Format::Td3);
    assert_eq!(m.document_code, "P<");
    assert_eq!(m.issuing_state, "UTO");
    assert_eq!(m.surname, "ERIKSSON");
    assert_eq!(m.given_names, "ANNA MARIA");
    assert!(!m.name_truncated);
    assert_eq!(m.document_number, "L898902C3");
    assert_eq!(m.nationality, "UTO");
    assert_eq!(m.birth_date, Some(ymd(1974, 8, 12)));
    assert_eq!(m.sex, Sex::Female);
    assert_eq!(
        m.expiry,
        Some(ymd(2012, 4, 15)),
        "expired in 2012, not 2112"
    );
    assert_eq!(m.optional_data, "ZE184226B");
    assert!(m.corrections.is_empty());
}

#[test]
fn the_td2_specimen_reads_field_by_field() {
    let m = parse(&specimen(1), today()).unwrap();
    assert_eq!(m.format, Format::Td2);
    assert_eq!(m.document_code, "I<");
    assert_eq!(
        (m.surname.as_str(), m.given_names.as_str()),
        ("ERIKSSON", "ANNA MARIA")
    );
    assert_eq!(m.document_number, "D23145890");
    assert_eq!(m.birth_date, Some(ymd(1974, 8, 12)));
    assert_eq!(m.expiry, Some(ymd(2012, 4, 15)));
    assert_eq!(m.optional_data, "");
}

#[test]
fn the_td1_specimen_reads_field_by_field() {
    let m = parse(&specimen(2), today()).unwrap();
    assert_eq!(m.format, Format::Td1);
    assert_eq!(m.document_number, "D23145890");
    assert_eq!(m.nationality, "UTO");
    assert_eq!(m.sex, Sex::Female);
    assert_eq!(
        (m.surname.as_str(), m.given_names.as_str()),
        ("ERIKSSON", "ANNA MARIA")
    );
    assert_eq!(m.birth_date, Some(ymd(1974, 8, 12)));
}

#[test]
fn a_long_document_number_continues_in_the_optional_data() {
    // ICAO 9303 part 5: the 12-character number D23145890734, check digit 9.
    let td1 = "I<UTOD23145890<7349<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    let m = parse(td1, today()).unwrap();
    assert_eq!(m.document_number, "D23145890734");
    assert_eq!(m.optional_data, "");
    for format in [Format::Td1, Format::Td2] {
        let f = Fields {
            format,
            document_code: "I<".into(),
            issuing_state: "UTO".into(),
            surname: "ERIKSSON".into(),
            given_names: "ANNA MARIA".into(),
            document_number: "D23145890734".into(),
            nationality: "UTO".into(),
            birth_date: "740812".into(),
            sex: Sex::Female,
            expiry: "320415".into(),
            optional_data: "".into(),
        };
        let m = parse(&emit(&f), today()).unwrap();
        assert_eq!(m.document_number, "D23145890734", "{format:?}");
    }
}

#[test]
fn visas_have_no_composite_digit() {
    for format in [Format::MrvA, Format::MrvB] {
        let f = Fields {
            format,
            document_code: "V<".into(),
            issuing_state: "ARE".into(),
            surname: "KHAN".into(),
            given_names: "ALI".into(),
            document_number: "V22001".into(),
            nationality: "PAK".into(),
            birth_date: "840517".into(),
            sex: Sex::Male,
            expiry: "271231".into(),
            optional_data: "".into(),
        };
        let text = emit(&f);
        let m = parse(&text, today()).unwrap();
        assert_eq!(m.format, format);
        assert_eq!(m.expiry, Some(ymd(2027, 12, 31)));
        assert!(!text.ends_with(char::is_numeric) || format == Format::MrvA);
    }
}

#[test]
fn two_digit_years_are_read_sensibly() {
    let d = |s: &str, c| date(s.as_bytes(), today(), c, Field::Expiry).unwrap();
    assert_eq!(d("250101", Century::Past), Some(ymd(2025, 1, 1)));
    assert_eq!(
        d("261124", Century::Past),
        Some(ymd(1926, 11, 24)),
        "never in the future"
    );
    assert_eq!(d("300101", Century::Past), Some(ymd(1930, 1, 1)));
    assert_eq!(d("120415", Century::Nearest), Some(ymd(2012, 4, 15)));
    assert_eq!(d("350101", Century::Nearest), Some(ymd(2035, 1, 1)));
    assert_eq!(d("990101", Century::Nearest), Some(ymd(1999, 1, 1)));
    assert_eq!(
        d("74<<<<", Century::Past),
        None,
        "unknown parts are allowed"
    );
    assert!(date(b"741332", today(), Century::Past, Field::BirthDate).is_err());
}

#[test]
fn bad_input_is_a_precise_error() {
    assert_eq!(parse("", today()), Err(MrzError::Empty));
    assert!(matches!(
        parse("P<UTO", today()),
        Err(MrzError::Shape { .. })
    ));
    let bad = specimen(0).replacen("ERIKSSON", "ERIKSSÖN", 1);
    assert!(matches!(
        parse(&bad, today()),
        Err(MrzError::IllegalCharacter {
            line: 1,
            position: 12,
            found: 'Ö'
        })
    ));
    let birth = specimen(0).replace("7408122F", "7408132F");
    assert_eq!(
        parse(&birth, today()),
        Err(MrzError::CheckDigit(Field::BirthDate))
    );
    let composite = specimen(0).replace("<<<<<10", "<<<<<11");
    assert_eq!(
        parse(&composite, today()),
        Err(MrzError::CheckDigit(Field::Composite))
    );
    let country = specimen(0).replace("P<UTO", "P<XYZ");
    assert_eq!(
        parse(&country, today()),
        Err(MrzError::Country("XYZ".into()))
    );
    let boarding_pass = specimen(0).replacen('P', "Q", 1);
    assert!(matches!(
        parse(&boarding_pass, today()),
        Err(MrzError::DocumentType(_))
    ));
    assert_eq!(MrzError::Empty.message_id(), "mrz-unreadable");
}

#[test]
fn scanner_confusions_are_undone_when_only_one_reading_fits() {
    // O for 0 in the date of birth: a letter cannot be there.
    let m = parse(&specimen(0).replace("7408122F", "74O8122F"), today()).unwrap();
    assert_eq!(m.birth_date, Some(ymd(1974, 8, 12)));
    assert_eq!(m.corrections[0].field, Field::BirthDate);
    assert_eq!(m.corrections[0].read, "74O8122");
    // O for 0 in the (alphanumeric) document number, the only confusable character in it:
    // one reading satisfies its check digit and the composite.
    let f = Fields {
        format: Format::Td3,
        document_code: "P<".into(),
        issuing_state: "SWE".into(),
        surname: "ERIKSSON".into(),
        given_names: "ANNA MARIA".into(),
        document_number: "XK7734960".into(),
        nationality: "SWE".into(),
        birth_date: "740812".into(),
        sex: Sex::Female,
        expiry: "310415".into(),
        optional_data: "".into(),
    };
    let misread = emit(&f).replacen("XK7734960", "XK773496O", 1);
    let m = parse(&misread, today()).unwrap();
    assert_eq!(m.document_number, "XK7734960");
    assert_eq!(m.corrections.len(), 1);
    assert_eq!(m.corrections[0].read, "XK773496O");
    // In the specimen's number B↔8 and 2↔Z give three readings that satisfy every digit
    // (L898902C3, LB9B902C3, LB9890ZC3): not guessed.
    assert_eq!(
        parse(&specimen(0).replace("L898902C3", "L8989O2C3"), today()),
        Err(MrzError::Ambiguous(Field::DocumentNumber))
    );
    // A lower-case scan and the « some scanners send for < are read too.
    let m = parse(&specimen(0).to_lowercase().replace('<', "«"), today()).unwrap();
    assert_eq!(m.document_number, "L898902C3");
}

#[test]
fn a_full_name_field_may_be_truncated() {
    let f = Fields {
        format: Format::Td3,
        document_code: "P<".into(),
        issuing_state: "UTO".into(),
        surname: "WOLFESCHLEGELSTEINHAUSENBERGERDORFF".into(),
        given_names: "HUBERT BLAINE".into(),
        document_number: "X12345678".into(),
        nationality: "UTO".into(),
        birth_date: "140101".into(),
        sex: Sex::Male,
        expiry: "300101".into(),
        optional_data: "".into(),
    };
    let m = parse(&emit(&f), today()).unwrap();
    assert!(m.name_truncated);
    assert_eq!(m.given_names, "HU");
}

fn arb_format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Td3),
        Just(Format::Td1),
        Just(Format::Td2),
        Just(Format::MrvA),
        Just(Format::MrvB)
    ]
}

fn arb_date() -> impl Strategy<Value = String> {
    (0u32..100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:02}{m:02}{d:02}"))
}

prop_compose! {
    fn arb_fields()(
        format in arb_format(),
        surname in "[A-Z]{1,8}( [A-Z]{1,6})?",
        given in "([A-Z]{1,6}( [A-Z]{1,5})?)?",
        number in "[A-Z0-9]{9}",
        long in "[A-Z0-9]{0,3}",
        birth in arb_date(),
        expiry in arb_date(),
        sex in prop_oneof![Just(Sex::Male), Just(Sex::Female), Just(Sex::Unspecified)],
        optional in "([A-Z0-9]{1,5})?",
    ) -> Fields {
        let code = match format {
            Format::Td3 => "P<",
            Format::MrvA | Format::MrvB => "V<",
            _ => "I<",
        };
        let number = if matches!(format, Format::Td1 | Format::Td2) { format!("{number}{long}") } else { number };
        // What room the optional data has beside a long number's continuation.
        let room = match format {
            Format::Td1 => 15 - (number.len() - 9) - if number.len() > 9 { 2 } else { 0 },
            Format::Td2 => 7 - (number.len() - 9) - if number.len() > 9 { 2 } else { 0 },
            _ => 14,
        };
        let optional: String = optional.chars().take(room).collect();
        Fields {
            format,
            document_code: code.into(),
            issuing_state: "UTO".into(),
            surname,
            given_names: given,
            document_number: number,
            nationality: "SWE".into(),
            birth_date: birth,
            sex,
            expiry,
            optional_data: optional,
        }
    }
}

/// Positions (line, column) of the date digits of a layout: covered by a check digit each.
fn date_positions(format: Format) -> Vec<(usize, usize)> {
    match format {
        Format::Td1 => (0..6).chain(8..14).map(|c| (1, c)).collect(),
        _ => (13..19).chain(21..27).map(|c| (1, c)).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn what_we_write_reads_back(f in arb_fields()) {
        let text = emit(&f);
        let m = parse(&text, today()).unwrap();
        prop_assert_eq!(m.format, f.format);
        prop_assert_eq!(&m.surname, &f.surname);
        prop_assert_eq!(&m.given_names, &f.given_names);
        prop_assert_eq!(&m.document_number, &f.document_number);
        prop_assert_eq!(m.sex, f.sex);
        prop_assert_eq!(&m.optional_data, &f.optional_data);
        let yymmdd = |d: Option<NaiveDate>| d.map(|d| d.format("%y%m%d").to_string());
        prop_assert_eq!(yymmdd(m.birth_date), Some(f.birth_date.clone()));
        prop_assert_eq!(yymmdd(m.expiry), Some(f.expiry.clone()));
        prop_assert!(m.corrections.is_empty());
    }

    #[test]
    fn a_changed_date_digit_is_always_detected(f in arb_fields(), pick in any::<prop::sample::Index>(), delta in 1u8..10) {
        let text = emit(&f);
        let mut lines: Vec<Vec<u8>> = text.lines().map(|l| l.as_bytes().to_vec()).collect();
        let positions = date_positions(f.format);
        let (l, c) = positions[pick.index(positions.len())];
        let old = lines[l][c] - b'0';
        lines[l][c] = b'0' + (old + delta) % 10;
        let changed: Vec<String> = lines.iter().map(|l| String::from_utf8(l.clone()).unwrap()).collect();
        // The 7-3-1 scheme sees every single-digit change in a numeric field.
        prop_assert!(parse(&changed.join("\n"), today()).is_err());
    }

    #[test]
    fn a_confused_date_digit_is_corrected(f in arb_fields(), pick in any::<prop::sample::Index>()) {
        let text = emit(&f);
        let mut lines: Vec<Vec<u8>> = text.lines().map(|l| l.as_bytes().to_vec()).collect();
        let confusable: Vec<(usize, usize)> = date_positions(f.format)
            .into_iter()
            .filter(|(l, c)| b"01852".contains(&lines[*l][*c]))
            .collect();
        prop_assume!(!confusable.is_empty());
        let (l, c) = confusable[pick.index(confusable.len())];
        lines[l][c] = match lines[l][c] { b'0' => b'O', b'1' => b'I', b'8' => b'B', b'5' => b'S', _ => b'Z' };
        let misread: Vec<String> = lines.iter().map(|l| String::from_utf8(l.clone()).unwrap()).collect();
        let clean = parse(&text, today()).unwrap();
        let fixed = parse(&misread.join("\n"), today()).unwrap();
        prop_assert_eq!(fixed.birth_date, clean.birth_date);
        prop_assert_eq!(fixed.expiry, clean.expiry);
        prop_assert_eq!(fixed.corrections.len(), 1);
    }

    #[test]
    fn a_document_number_correction_is_unique_or_refused(f in arb_fields(), pick in any::<prop::sample::Index>()) {
        let text = emit(&f);
        let mut lines: Vec<Vec<u8>> = text.lines().map(|l| l.as_bytes().to_vec()).collect();
        let (line, range) = if f.format == Format::Td1 { (0, 5..14) } else { (1, 0..9) };
        let swappable: Vec<usize> = range.filter(|c| b"O0I1B8S5Z2".contains(&lines[line][*c])).collect();
        prop_assume!(!swappable.is_empty());
        let c = swappable[pick.index(swappable.len())];
        lines[line][c] = match lines[line][c] {
            b'O' => b'0', b'0' => b'O', b'I' => b'1', b'1' => b'I', b'B' => b'8',
            b'8' => b'B', b'S' => b'5', b'5' => b'S', b'Z' => b'2', _ => b'Z',
        };
        let misread: Vec<String> = lines.iter().map(|l| String::from_utf8(l.clone()).unwrap()).collect();
        match parse(&misread.join("\n"), today()) {
            // Accepted: then it is the original (the only reading that fits every digit) …
            Ok(m) => {
                prop_assert_eq!(&m.document_number, &f.document_number);
                prop_assert_eq!(m.corrections.len(), 1);
            }
            // … or refused, never guessed.
            Err(e) => prop_assert!(matches!(e, MrzError::Ambiguous(_) | MrzError::CheckDigit(_)), "{:?}", e),
        }
    }

    #[test]
    fn arbitrary_input_never_panics(s in "\\PC{0,120}", lines in prop::collection::vec("[A-Z0-9<«a-z ]{28,46}", 1..4)) {
        let _ = parse(&s, today());
        let _ = parse(&lines.join("\n"), today());
    }
}
