use super::*;

const EXAMPLES: &str = include_str!("../../tests/fixtures/bcbp-examples.txt");

fn examples() -> Vec<&'static str> {
    EXAMPLES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect()
}

fn pass() -> BoardingPass {
    BoardingPass {
        name: "KHAN/AYESHA MRS".into(),
        electronic_ticket: true,
        unique: Some(Unique {
            version: '6',
            passenger_description: '6',
            checkin_source: 'K',
            issuance_source: 'K',
            issue_date: "6327".into(),
            document_type: 'B',
            issuer: "NW".into(),
            bag_tags: vec![("0987100001".into(), 2), ("0987100007".into(), 1)],
        }),
        legs: vec![
            Leg {
                pnr: "KHAN22".into(),
                from: "LHE".into(),
                to: "DXB".into(),
                carrier: "NW".into(),
                flight_number: 786,
                flight_suffix: None,
                julian_date: 327,
                compartment: 'Y',
                seat: Some("14B".into()),
                sequence: 2,
                status: '1',
                conditional: Some(LegConditional {
                    airline_numeric: "987".into(),
                    document_serial: "2200000012".into(),
                    selectee: '0',
                    documentation_verification: '2',
                    marketing_carrier: "NW".into(),
                    frequent_flyer_airline: String::new(),
                    frequent_flyer_number: String::new(),
                    id_ad: ' ',
                    free_baggage: "2PC".into(),
                    fast_track: 'N',
                }),
                airline_use: String::new(),
            },
            Leg {
                pnr: "KHAN22".into(),
                from: "DXB".into(),
                to: "LHR".into(),
                carrier: "NW".into(),
                flight_number: 787,
                flight_suffix: Some('A'),
                julian_date: 328,
                compartment: 'Y',
                seat: Some("3C".into()),
                sequence: 17,
                status: '1',
                conditional: None,
                airline_use: String::new(),
            },
        ],
    }
}

#[test]
fn the_iata_examples_read_field_by_field() {
    let e = examples();
    let one = BoardingPass::decode(e[0]).unwrap();
    assert_eq!(one.name, "DESMARAIS/LUC");
    assert_eq!(one.surname(), "DESMARAIS");
    assert!(one.electronic_ticket);
    let leg = &one.legs[0];
    assert_eq!(
        (
            leg.pnr.as_str(),
            leg.from.as_str(),
            leg.to.as_str(),
            leg.carrier.as_str()
        ),
        ("ABC123", "YUL", "FRA", "AC")
    );
    assert_eq!(
        (leg.flight_number, leg.julian_date, leg.compartment),
        (834, 326, 'J')
    );
    assert_eq!(leg.seat.as_deref(), Some("1A"));
    assert_eq!((leg.sequence, leg.status), (25, '1'));
    assert!(one.unique.is_none() && leg.conditional.is_none());
    // With security data after the mandatory items.
    assert_eq!(BoardingPass::decode(e[1]).unwrap().legs[0], one.legs[0]);

    let two = BoardingPass::decode(e[2]).unwrap();
    assert_eq!(two.legs.len(), 2);
    let u = two.unique.as_ref().unwrap();
    assert_eq!(u.version, '6');
    assert_eq!(
        (u.passenger_description, u.checkin_source, u.issuance_source),
        ('1', 'W', 'W')
    );
    assert_eq!(u.issue_date, "6225");
    assert_eq!((u.document_type, u.issuer.as_str()), ('B', "AC"));
    assert_eq!(u.bag_tags, vec![("0014123456".to_string(), 3)]);
    let c = two.legs[0].conditional.as_ref().unwrap();
    assert_eq!(c.airline_numeric, "014");
    assert_eq!(c.document_serial, "1234567890");
    assert_eq!(c.documentation_verification, '1');
    assert_eq!(c.frequent_flyer_number, "1234567890123");
    assert_eq!((c.free_baggage.as_str(), c.fast_track), ("20K", 'Y'));
    assert_eq!(two.legs[0].airline_use, "LX58Z");
    let second = &two.legs[1];
    assert_eq!(
        (
            second.from.as_str(),
            second.to.as_str(),
            second.carrier.as_str()
        ),
        ("FRA", "GVA", "LH")
    );
    assert_eq!(second.seat.as_deref(), Some("12C"));
    assert_eq!(second.conditional.as_ref().unwrap().free_baggage, "2PC");
}

#[test]
fn the_mandatory_part_is_60_characters_then_37_per_leg() {
    let mut p = pass();
    p.unique = None;
    for l in &mut p.legs {
        l.conditional = None;
    }
    let text = p.encode();
    assert_eq!(text.len(), 60 + 37);
    assert!(text.starts_with("M2KHAN/AYESHA MRS     EKHAN22 LHEDXBNW 0786 327Y014B0002 100"));
    assert_eq!(&text[60..], "KHAN22 DXBLHRNW 0787A328Y003C0017 100");
}

#[test]
fn what_we_write_reads_back() {
    let p = pass();
    let text = p.encode();
    assert_eq!(BoardingPass::decode(&text).unwrap(), p);
    // The IATA examples (without their security data) re-encode to themselves.
    for e in examples() {
        let body = e.split('^').next().unwrap();
        let decoded = BoardingPass::decode(body).unwrap();
        assert_eq!(decoded.encode(), body.trim_end(), "{e}");
    }
}

#[test]
fn names_are_cut_at_20_characters_and_folded_to_ascii() {
    let mut p = pass();
    p.name = "WOLFESCHLEGELSTEINHAUSEN/HUBERT MR".into();
    let text = p.encode();
    assert_eq!(&text[2..22], "WOLFESCHLEGELSTEINHA");
    p.name = "MÜLLER/JÜRGEN MR".into();
    assert_eq!(&p.encode()[2..22], "MULLER/JURGEN MR    ");
    p.name = "TREMBLAY/MARIE-ÈVE MRS".into();
    assert_eq!(&p.encode()[2..22], "TREMBLAY/MARIE-EVE M");
}

#[test]
fn a_lap_infant_has_inf_for_a_seat() {
    let mut p = pass();
    p.legs.truncate(1);
    p.legs[0].seat = None;
    let text = p.encode();
    assert_eq!(&text[48..52], "INF ");
    assert_eq!(BoardingPass::decode(&text).unwrap().legs[0].seat, None);
}

#[test]
fn the_year_is_the_one_nearest_the_reading() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(flight_date(327, d(2026, 11, 23)), Some(d(2026, 11, 23)));
    // Read on 30 December, a pass for 2 January is next year's.
    assert_eq!(flight_date(2, d(2026, 12, 30)), Some(d(2027, 1, 2)));
    assert_eq!(flight_date(365, d(2027, 1, 2)), Some(d(2026, 12, 31)));
    // Day 366 exists only in leap years: 2027 has none, 2028 does.
    assert_eq!(flight_date(366, d(2027, 12, 30)), Some(d(2028, 12, 31)));
}

#[test]
fn bad_barcodes_are_precise_errors() {
    assert_eq!(
        BoardingPass::decode("X1ABC"),
        Err(BcbpError::Format("X".into()))
    );
    assert_eq!(
        BoardingPass::decode("M5DESMARAIS/LUC       E"),
        Err(BcbpError::Legs("5".into()))
    );
    assert!(matches!(
        BoardingPass::decode("M1DESMARAIS/LUC       EABC123 YUL"),
        Err(BcbpError::Truncated(_))
    ));
    assert!(matches!(
        BoardingPass::decode("M1DESMARAIS LUC       EABC123 YULFRAAC 0834 326J001A0025 100"),
        Err(BcbpError::Field { .. })
    ));
    assert_eq!(BoardingPass::decode("M1ÉÉ"), Err(BcbpError::NotAscii));
    assert!(matches!(
        BoardingPass::decode("M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 999J001A0025 100"),
        Err(BcbpError::Field {
            field: "date of flight",
            ..
        })
    ));
}
