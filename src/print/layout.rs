//! The printed documents: boarding passes (IATA 792 BCBP in a PDF417), bag tags (IATA 740
//! licence plate in Interleaved 2 of 5) and the bag receipt, laid out for the paper in use,
//! labelled in the passenger's language and in English.

use super::barcode::{self, BarcodeError};
use super::pdf::{Align, Document, Page};
use crate::bcbp::{self, BoardingPass};
use crate::checkin::{CheckedInPassenger, PrintJob};
use crate::domain::{Booking, Flight, LicencePlate, Passenger, PassengerType, Timestamp};
use crate::i18n::Messages;
use crate::text::Weight;
use chrono::Datelike;

/// Paper the kiosk's printer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// ATB boarding-pass stock, 203 × 82.5 mm.
    Atb,
    /// 80 mm thermal roll.
    Thermal80,
    /// A4 (home printers and testing): the pass at the top of the sheet.
    A4,
}

impl Paper {
    pub fn parse(s: &str) -> Option<Paper> {
        match s {
            "atb" => Some(Paper::Atb),
            "thermal80" => Some(Paper::Thermal80),
            "a4" => Some(Paper::A4),
            _ => None,
        }
    }
}

/// PDF417 module width: two dots of a 203 dpi thermal head.
pub const MODULE_MM: f32 = 2.0 * 25.4 / 203.0;
/// ITF narrow bar: three dots at 203 dpi.
pub const ITF_MODULE_MM: f32 = 3.0 * 25.4 / 203.0;

/// The boarding pass data for one passenger on one leg (the BCBP carries every leg).
pub fn boarding_pass_data(job: &PrintJob, done: &CheckedInPassenger) -> Option<BoardingPass> {
    let booking = &job.booking;
    let p = booking.passenger(done.passenger)?;
    let origin_tz = booking.legs.first()?.origin.time_zone;
    // Issued when first checked in (a reprint carries the same date, so the same barcode).
    let first_issued = done.legs.iter().filter_map(|l| l.issued).min();
    let issued = first_issued.unwrap_or(job.at).with_timezone(&origin_tz);
    let description = match p.kind {
        PassengerType::Infant => '4',
        PassengerType::Child => '3',
        PassengerType::Adult if holds_infant(booking, p) => '6',
        PassengerType::Adult => '0',
    };
    let legs = booking
        .legs
        .iter()
        .zip(&done.legs)
        .enumerate()
        .take(4)
        .map(|(i, (f, record))| bcbp::Leg {
            pnr: booking.reference.clone(),
            from: f.origin.code.clone(),
            to: f.destination.code.clone(),
            carrier: f.carrier.clone(),
            flight_number: f.number,
            flight_suffix: None,
            julian_date: f.local_departure().ordinal() as u16,
            compartment: p.legs.get(i).map_or('Y', |l| l.compartment),
            seat: record.seat.map(|s| s.to_string()),
            sequence: record.sequence,
            status: '1',
            conditional: Some(bcbp::LegConditional {
                airline_numeric: p.eticket.get(..3).unwrap_or("").into(),
                document_serial: p.eticket.get(3..13).unwrap_or("").into(),
                selectee: '0',
                documentation_verification: if !f.is_international() {
                    '0'
                } else if job.documents_verified.contains(&p.id) {
                    '2'
                } else {
                    '1'
                },
                marketing_carrier: f.carrier.clone(),
                frequent_flyer_airline: p
                    .frequent_flyer
                    .as_ref()
                    .map(|ff| ff.airline.clone())
                    .unwrap_or_default(),
                frequent_flyer_number: p
                    .frequent_flyer
                    .as_ref()
                    .map(|ff| ff.number.clone())
                    .unwrap_or_default(),
                id_ad: ' ',
                free_baggage: format!("{}PC", p.baggage_allowance.min(9)),
                fast_track: if fast_track(p, i) { 'Y' } else { 'N' },
            }),
            airline_use: String::new(),
        })
        .collect();
    Some(BoardingPass {
        name: p.name.to_string(),
        electronic_ticket: true,
        unique: Some(bcbp::Unique {
            version: '6',
            passenger_description: description,
            checkin_source: 'K',
            issuance_source: 'K',
            issue_date: format!("{}{:03}", issued.year() % 10, issued.ordinal()),
            document_type: 'B',
            issuer: booking.airline.designator.clone(),
            bag_tags: series(&done.bag_tags),
        }),
        legs,
    })
}

/// A right-pointing arrow `length` mm long, its shaft centred on `y`: a shaft and a head built
/// of thin slices (the page draws rectangles; the fonts have no arrow glyph).
/// The widest the airline's name may print (it shares its line with the document's title).
const AIRLINE_NAME_MM: f32 = 90.0;

fn arrow(page: &mut Page, x: f32, y: f32, length: f32) {
    let head = 3.6;
    let half = 1.8;
    page.rect(x, y - 0.4, length - head + 0.2, 0.8);
    let slices = 24;
    for i in 0..slices {
        let along = i as f32 / slices as f32;
        let h = 2.0 * half * (1.0 - along);
        page.rect(
            x + length - head + along * head,
            y - h / 2.0,
            head / slices as f32 + 0.05,
            h,
        );
    }
}

/// Does this passenger travel with a lap infant?
fn holds_infant(booking: &crate::domain::Booking, p: &Passenger) -> bool {
    booking.passengers.iter().any(|i| i.lap_of == Some(p.id))
}

/// A frequent-flyer number as the card shows it: with its airline's code in front, once.
fn ff_number(ff: &crate::domain::FrequentFlyer) -> String {
    if ff.number.starts_with(&ff.airline) {
        ff.number.clone()
    } else {
        format!("{} {}", ff.airline, ff.number)
    }
}

/// Business class and top-tier frequent flyers use the fast track.
fn fast_track(p: &Passenger, leg: usize) -> bool {
    p.legs.get(leg).is_some_and(|l| l.compartment == 'J')
        || p.frequent_flyer
            .as_ref()
            .and_then(|f| f.tier.as_deref())
            .is_some_and(|t| t.eq_ignore_ascii_case("gold"))
}

/// Licence plates as runs of consecutive numbers (at most 3 runs fit a BCBP).
fn series(plates: &[LicencePlate]) -> Vec<(String, u16)> {
    let mut sorted: Vec<&LicencePlate> = plates.iter().collect();
    sorted.sort();
    let mut out: Vec<(String, u16, u32)> = Vec::new();
    for p in sorted {
        match out.last_mut() {
            Some((first, count, last))
                if p.serial() == *last + 1 && p.as_str()[..4] == first[..4] =>
            {
                *count += 1;
                *last = p.serial();
            }
            _ => out.push((p.as_str().to_string(), 1, p.serial())),
        }
    }
    out.into_iter().take(3).map(|(p, c, _)| (p, c)).collect()
}

/// The boarding zone: business first, then top-tier flyers, then the back of the cabin.
fn zone(p: &Passenger, leg: usize, seat_row: Option<u16>) -> &'static str {
    if p.legs.get(leg).is_some_and(|l| l.compartment == 'J') {
        "1"
    } else if fast_track(p, leg) {
        "2"
    } else if seat_row.is_some_and(|r| r >= 20) {
        "3"
    } else {
        "4"
    }
}

/// A label in the passenger's language, followed by the English one when they differ.
fn label(m: &Messages, locale: &str, id: &str) -> String {
    let english = m.get("en-US", id, &[]).to_uppercase();
    let own = m.get(locale, id, &[]);
    if locale.starts_with("en") || own.to_uppercase() == english {
        english
    } else {
        format!("{english}  {own}")
    }
}

/// The date on a boarding pass: the airline's "02DEC" in English, else as the passenger's
/// language writes it ("2 دسمبر", "12月2日").
fn pass_date(m: &Messages, locale: &str, f: &Flight) -> String {
    if locale.starts_with("en") {
        airline_date(f)
    } else {
        m.date(locale, f.local_departure().date_naive(), false)
    }
}

/// A city on a boarding pass as the passenger's language writes it ("Londres"), after the
/// airline's Latin name when in another script ("Dubai  دبئی"): staff read the pass too.
fn pass_city(m: &Messages, locale: &str, airport: &crate::domain::Airport) -> String {
    let own = m.city(locale, &airport.code, &airport.city);
    let latin = own
        .chars()
        .all(|c| (c as u32) < 0x0250 || !c.is_alphabetic());
    if latin {
        own
    } else {
        format!("{}  {own}", airport.city)
    }
}

fn airline_date(f: &Flight) -> String {
    f.local_departure()
        .format("%d%b")
        .to_string()
        .to_uppercase()
}

/// What one boarding pass shows, whatever the paper.
struct Pass<'a> {
    p: &'a Passenger,
    f: &'a Flight,
    record: &'a crate::domain::CheckinRecord,
    /// `INF` for a lap infant.
    seat: String,
    zone: &'static str,
    gate: String,
    /// Boarding time, local to the departure airport.
    boarding: String,
    /// Departure time, local to the departure airport.
    departure: String,
    /// The name as booked, `+INF` after an adult with a lap infant (IATA practice).
    name: String,
}

impl<'a> Pass<'a> {
    fn of(job: &'a PrintJob, done: &'a CheckedInPassenger, leg: usize) -> Option<Self> {
        let p = job.booking.passenger(done.passenger)?;
        let f = job.booking.legs.get(leg)?;
        let record = done.legs.get(leg)?;
        Some(Pass {
            p,
            f,
            record,
            seat: record
                .seat
                .map(|s| s.to_string())
                .unwrap_or_else(|| "INF".into()),
            zone: zone(p, leg, record.seat.map(|s| s.row)),
            gate: f.gate.clone().unwrap_or_else(|| "—".into()),
            boarding: f.local_boarding().format("%H:%M").to_string(),
            departure: f.local_departure().format("%H:%M").to_string(),
            name: if holds_infant(&job.booking, p) {
                format!("{} +INF", p.name)
            } else {
                p.name.to_string()
            },
        })
    }
}

/// Draws one boarding pass (one passenger, one leg) with its top-left at `(ox, oy)` on a
/// 203 × 82.5 mm card: the coupon (heading, passenger, route, the flight's facts, the
/// barcode) and the stub the gate tears off.
fn boarding_pass_card(
    page: &mut Page,
    (ox, oy): (f32, f32),
    job: &PrintJob,
    m: &Messages,
    done: &CheckedInPassenger,
    leg: usize,
    code: &str,
) -> Result<(), BarcodeError> {
    let Some(pass) = Pass::of(job, done, leg) else {
        return Ok(());
    };
    let card = Card {
        job,
        m,
        pass,
        leg,
        at: (ox, oy),
    };
    card.heading(page);
    card.passenger(page);
    card.route(page);
    card.facts(page);
    card.barcode(page, code)?;
    card.stub(page);
    Ok(())
}

/// One boarding pass on its card, and where the card is.
struct Card<'a> {
    job: &'a PrintJob,
    m: &'a Messages,
    pass: Pass<'a>,
    leg: usize,
    at: (f32, f32),
}

/// A caption over a value (6 pt).
fn caption(page: &mut Page, x: f32, y: f32, text: &str) {
    page.text(x, y, 6.0, Weight::Regular, Align::Left, text);
}

/// A value, in bold.
fn value(page: &mut Page, x: f32, y: f32, size: f32, text: &str) {
    page.text(x, y, size, Weight::Bold, Align::Left, text);
}

impl Card<'_> {
    /// A label in the passenger's language.
    fn l(&self, id: &str) -> String {
        label(self.m, &self.job.locale, id)
    }

    /// The airline, "Boarding pass" (and "Reprint"), and a rule under them.
    fn heading(&self, page: &mut Page) {
        let (x, y) = self.at;
        let airline = self.job.booking.airline.name.to_uppercase();
        page.text_within(
            x + 6.0,
            y + 8.5,
            14.0,
            Weight::Bold,
            Align::Left,
            &airline,
            AIRLINE_NAME_MM,
        );
        let title = self.l("print-boarding-pass");
        page.text(x + 146.0, y + 7.0, 9.0, Weight::Bold, Align::Right, &title);
        if self.job.reprint {
            let reprint = self.l("print-reprint");
            page.text(
                x + 146.0,
                y + 11.5,
                7.0,
                Weight::Regular,
                Align::Right,
                &reprint,
            );
        }
        page.rect(x + 6.0, y + 13.0, 140.0, 0.4);
    }

    /// The name as booked, and the booking reference beside it.
    fn passenger(&self, page: &mut Page) {
        let (x, y) = self.at;
        caption(page, x + 6.0, y + 17.5, &self.l("print-name"));
        // The name stops before the booking reference's column.
        let name = &self.pass.name;
        page.text_within(
            x + 6.0,
            y + 23.0,
            12.0,
            Weight::Bold,
            Align::Left,
            name,
            100.0,
        );
        caption(page, x + 110.0, y + 17.5, &self.l("print-booking"));
        let reference = &self.job.booking.reference;
        page.text_within(
            x + 110.0,
            y + 23.0,
            12.0,
            Weight::Bold,
            Align::Left,
            reference,
            36.0,
        );
    }

    /// From and to, with an arrow between; the cabin and the frequent-flyer number beside.
    fn route(&self, page: &mut Page) {
        let (x, y) = self.at;
        let (f, p, m, locale) = (self.pass.f, self.pass.p, self.m, &self.job.locale);
        for (dx, id, airport) in [
            (6.0, "print-from", &f.origin),
            (52.0, "print-to", &f.destination),
        ] {
            caption(page, x + dx, y + 28.0, &self.l(id));
            value(page, x + dx, y + 36.0, 22.0, &airport.code);
            let city = pass_city(m, locale, airport);
            page.text(x + dx, y + 40.5, 8.0, Weight::Regular, Align::Left, &city);
        }
        // An arrow from origin to destination (drawn: the fonts have no arrow glyph).
        arrow(page, x + 34.0, y + 31.4, 13.0);
        let compartment = p.legs.get(self.leg).map_or('Y', |l| l.compartment);
        caption(page, x + 110.0, y + 28.0, &self.l("print-class"));
        let cabin = m.get(locale, &format!("print-cabin-{compartment}"), &[]);
        value(
            page,
            x + 110.0,
            y + 32.5,
            10.0,
            &format!("{cabin}  {compartment}"),
        );
        if let Some(ff) = &p.frequent_flyer {
            caption(page, x + 110.0, y + 36.5, &self.l("print-frequent-flyer"));
            let tier = ff.tier.as_deref().map(|t| format!(" {}", t.to_uppercase()));
            let number = format!("{}{}", ff_number(ff), tier.unwrap_or_default());
            value(page, x + 110.0, y + 40.5, 9.0, &number);
        }
    }

    /// The flight's facts in a row, large where the passenger looks first: each under its
    /// English caption, and its caption in the passenger's language.
    fn facts(&self, page: &mut Page) {
        let (x, y) = self.at;
        let (pass, m, locale) = (&self.pass, self.m, &self.job.locale);
        let facts: [(&str, String, f32); 8] = [
            ("print-flight", pass.f.designator(), 12.0),
            ("print-date", pass_date(m, locale, pass.f), 12.0),
            ("print-departure", pass.departure.clone(), 12.0),
            ("print-boarding", pass.boarding.clone(), 15.0),
            ("print-gate", pass.gate.clone(), 15.0),
            ("print-zone", pass.zone.to_string(), 15.0),
            ("print-seat", pass.seat.clone(), 15.0),
            (
                "print-sequence",
                format!("{:04}", pass.record.sequence),
                12.0,
            ),
        ];
        for (i, (id, fact, size)) in facts.iter().enumerate() {
            let cx = x + 6.0 + i as f32 * 17.8;
            caption(page, cx, y + 46.0, &m.get("en-US", id, &[]).to_uppercase());
            if !locale.starts_with("en") {
                let own = m.get(locale, id, &[]);
                page.text(cx, y + 49.5, 6.5, Weight::Regular, Align::Left, &own);
            }
            value(page, cx, y + 56.0, *size, fact);
        }
    }

    /// The barcode (BCBP in PDF417, a quiet zone around it), the e-ticket number beside it,
    /// and when the gate closes.
    fn barcode(&self, page: &mut Page, code: &str) -> Result<(), BarcodeError> {
        let (x, y) = self.at;
        let symbol = barcode::pdf417(code)?;
        page.pdf417(x + 8.0, y + 60.0, MODULE_MM, &symbol);
        // The e-ticket number (airline code, then the serial), for the desk and the
        // passenger's records.
        if !self.pass.p.eticket.is_empty() {
            caption(page, x + 84.0, y + 64.5, &self.l("print-eticket"));
            value(
                page,
                x + 84.0,
                y + 70.0,
                10.0,
                &eticket(&self.pass.p.eticket),
            );
        }
        let closes = self.l("print-gate-closes");
        page.text(
            x + 146.0,
            y + 78.5,
            6.5,
            Weight::Regular,
            Align::Right,
            &closes,
        );
        Ok(())
    }

    /// The stub, beyond a dashed line: the airline, the name, the route, the flight, seat,
    /// sequence, boarding time, gate and zone (in English: it is the gate's).
    fn stub(&self, page: &mut Page) {
        let (x, y) = self.at;
        let pass = &self.pass;
        let mut dash = y + 2.0;
        while dash < y + 80.0 {
            page.rect(x + 150.0, dash, 0.2, 1.5);
            dash += 3.0;
        }
        let sx = x + 154.0;
        let airline = self.job.booking.airline.name.to_uppercase();
        page.text_within(sx, y + 8.5, 9.0, Weight::Bold, Align::Left, &airline, 45.0);
        page.text_within(
            sx,
            y + 15.0,
            8.0,
            Weight::Bold,
            Align::Left,
            &pass.name,
            45.0,
        );
        let (f, record) = (pass.f, pass.record);
        value(
            page,
            sx,
            y + 23.0,
            12.0,
            &format!("{} – {}", f.origin.code, f.destination.code),
        );
        let flight = format!("{}  {}", f.designator(), airline_date(f));
        page.text(sx, y + 30.0, 9.0, Weight::Regular, Align::Left, &flight);
        caption(page, sx, y + 38.0, "SEAT");
        value(page, sx, y + 46.0, 18.0, &pass.seat);
        caption(page, sx + 24.0, y + 38.0, "SEQ");
        value(
            page,
            sx + 24.0,
            y + 46.0,
            12.0,
            &format!("{:04}", record.sequence),
        );
        caption(page, sx, y + 54.0, "BOARDING  GATE  ZONE");
        let (boarding, gate, zone) = (&pass.boarding, &pass.gate, pass.zone);
        value(
            page,
            sx,
            y + 61.0,
            11.0,
            &format!("{boarding}  {gate}  {zone}"),
        );
    }
}

/// The boarding pass on the 80 mm roll: the same facts stacked, the barcode across the roll.
fn boarding_pass_roll(
    page: &mut Page,
    job: &PrintJob,
    m: &Messages,
    done: &CheckedInPassenger,
    leg: usize,
    code: &str,
) -> Result<(), BarcodeError> {
    let booking = &job.booking;
    let Some(Pass {
        p,
        f,
        record,
        seat,
        zone,
        gate,
        boarding,
        departure,
        name,
    }) = Pass::of(job, done, leg)
    else {
        return Ok(());
    };
    let l = |id: &str| label(m, &job.locale, id);
    let w = page.width;
    let compartment = p.legs.get(leg).map_or('Y', |l| l.compartment);
    page.text(
        w / 2.0,
        9.0,
        12.0,
        Weight::Bold,
        Align::Center,
        &booking.airline.name.to_uppercase(),
    );
    page.text(
        w / 2.0,
        15.0,
        8.0,
        Weight::Bold,
        Align::Center,
        &l("print-boarding-pass"),
    );
    if job.reprint {
        page.text(
            w / 2.0,
            19.5,
            7.0,
            Weight::Regular,
            Align::Center,
            &l("print-reprint"),
        );
    }
    page.rect(4.0, 22.0, w - 8.0, 0.4);
    page.text(
        4.0,
        27.0,
        6.0,
        Weight::Regular,
        Align::Left,
        &l("print-name"),
    );
    page.text_within(
        4.0,
        32.5,
        11.0,
        Weight::Bold,
        Align::Left,
        &name,
        page.width - 8.0,
    );
    page.text(
        4.0,
        38.0,
        6.0,
        Weight::Regular,
        Align::Left,
        &l("print-from"),
    );
    page.text(4.0, 46.0, 20.0, Weight::Bold, Align::Left, &f.origin.code);
    page.text(
        4.0,
        50.5,
        7.5,
        Weight::Regular,
        Align::Left,
        &pass_city(m, &job.locale, &f.origin),
    );
    page.text(
        w - 4.0,
        38.0,
        6.0,
        Weight::Regular,
        Align::Right,
        &l("print-to"),
    );
    page.text(
        w - 4.0,
        46.0,
        20.0,
        Weight::Bold,
        Align::Right,
        &f.destination.code,
    );
    page.text(
        w - 4.0,
        50.5,
        7.5,
        Weight::Regular,
        Align::Right,
        &pass_city(m, &job.locale, &f.destination),
    );
    arrow(page, w / 2.0 - 8.0, 42.4, 14.0);
    let cabin = format!(
        "{}  {compartment}",
        m.get(&job.locale, &format!("print-cabin-{compartment}"), &[])
    );
    let ff = p
        .frequent_flyer
        .as_ref()
        .map(ff_number)
        .unwrap_or_else(|| "—".into());
    let facts: [(&str, String, f32); 12] = [
        ("print-flight", f.designator(), 12.0),
        ("print-date", pass_date(m, &job.locale, f), 12.0),
        ("print-departure", departure, 12.0),
        ("print-boarding", boarding, 16.0),
        ("print-gate", gate, 16.0),
        ("print-seat", seat, 18.0),
        ("print-zone", zone.to_string(), 16.0),
        ("print-sequence", format!("{:04}", record.sequence), 12.0),
        ("print-class", cabin, 10.0),
        ("print-booking", booking.reference.clone(), 12.0),
        ("print-frequent-flyer", ff, 9.0),
        ("print-eticket", eticket(&p.eticket), 9.0),
    ];
    for (i, (id, value, size)) in facts.iter().enumerate() {
        let (cx, row) = (4.0 + (i % 2) as f32 * (w / 2.0), (i / 2) as f32);
        let y = 58.0 + row * 13.5;
        page.text(cx, y, 6.0, Weight::Regular, Align::Left, &l(id));
        page.text(cx, y + 7.5, *size, Weight::Bold, Align::Left, value);
    }
    let symbol = barcode::pdf417(code)?;
    let width = symbol.columns() as f32 * MODULE_MM;
    page.pdf417((w - width) / 2.0, 138.0, MODULE_MM, &symbol);
    // The roll is narrow: the note in English, then in the passenger's language.
    page.text(
        w / 2.0,
        171.0,
        6.0,
        Weight::Regular,
        Align::Center,
        &m.get("en-US", "print-gate-closes", &[]),
    );
    if !job.locale.starts_with("en") {
        page.text(
            w / 2.0,
            175.5,
            6.5,
            Weight::Regular,
            Align::Center,
            &m.get(&job.locale, "print-gate-closes", &[]),
        );
    }
    Ok(())
}

/// One PDF per passenger and leg.
pub fn boarding_passes(
    job: &PrintJob,
    paper: Paper,
    m: &Messages,
) -> Result<Vec<(String, Vec<u8>)>, BarcodeError> {
    let mut out = Vec::new();
    for done in &job.passengers {
        let Some(data) = boarding_pass_data(job, done) else {
            continue;
        };
        let code = data.encode();
        for (leg, record) in done.legs.iter().enumerate() {
            let Some(f) = job.booking.legs.get(leg) else {
                continue;
            };
            let mut doc = Document::new("Boarding pass");
            match paper {
                Paper::Thermal80 => {
                    let mut page = doc.page(80.0, 180.0);
                    boarding_pass_roll(&mut page, job, m, done, leg, &code)?;
                    page.finish();
                }
                Paper::Atb | Paper::A4 => {
                    let (w, h, oy) = match paper {
                        Paper::A4 => (210.0, 297.0, 10.0),
                        _ => (203.0, 82.5, 0.0),
                    };
                    let mut page = doc.page(w, h);
                    boarding_pass_card(
                        &mut page,
                        ((w - 203.0) / 2.0, oy),
                        job,
                        m,
                        done,
                        leg,
                        &code,
                    )?;
                    page.finish();
                }
            }
            let name = format!(
                "boarding-pass-{}{}-{}-{:04}.pdf",
                f.carrier,
                f.number,
                f.key().date,
                record.sequence
            );
            out.push((name, doc.save()));
        }
    }
    Ok(out)
}

/// A bag tag: 54 mm wide, destination large, routing, licence plate in ITF and in the airline's
/// form, the passenger's name, and the claim stub.
pub fn bag_tag(
    booking: &Booking,
    passenger: &Passenger,
    plate: &LicencePlate,
    at: Timestamp,
    paper: Paper,
) -> Result<Vec<u8>, BarcodeError> {
    let bars = barcode::itf(plate.as_str())?;
    let mut doc = Document::new("Bag tag");
    // Bag-tag stock is 54 × 400 mm; on A4 (testing) the tag is drawn at the sheet's left
    // edge, its lower parts moved up to fit.
    let (pw, ph, w, h) = match paper {
        Paper::A4 => (210.0, 297.0, 54.0, 297.0),
        _ => (54.0, 400.0, 54.0, 400.0),
    };
    let k = h / 400.0;
    let mut page = doc.page(pw, ph);
    let destination = booking
        .final_destination()
        .map(|a| a.code.clone())
        .unwrap_or_default();
    let city = booking
        .final_destination()
        .map(|a| a.city.clone())
        .unwrap_or_default();
    page.text(
        w / 2.0,
        10.0,
        10.0,
        Weight::Bold,
        Align::Center,
        &booking.airline.name.to_uppercase(),
    );
    page.text(
        w / 2.0,
        40.0,
        44.0,
        Weight::Bold,
        Align::Center,
        &destination,
    );
    page.text(w / 2.0, 47.0, 9.0, Weight::Regular, Align::Center, &city);
    let mut y = 58.0;
    for f in &booking.legs {
        page.text(4.0, y, 9.0, Weight::Bold, Align::Left, &f.designator());
        page.text(26.0, y, 9.0, Weight::Regular, Align::Left, &airline_date(f));
        page.text(
            w - 4.0,
            y,
            11.0,
            Weight::Bold,
            Align::Right,
            &f.destination.code,
        );
        y += 6.0;
    }
    let barcode_width = bars.len() as f32 * ITF_MODULE_MM;
    let bx = (w - barcode_width) / 2.0;
    page.itf(bx, y + 4.0, ITF_MODULE_MM, 30.0, &bars);
    page.text(
        w / 2.0,
        y + 42.0,
        16.0,
        Weight::Bold,
        Align::Center,
        &plate.airline_form(&booking.airline.designator),
    );
    page.text(
        w / 2.0,
        y + 48.0,
        8.0,
        Weight::Regular,
        Align::Center,
        plate.as_str(),
    );
    page.text(
        w / 2.0,
        y + 58.0,
        9.0,
        Weight::Bold,
        Align::Center,
        &passenger.name.to_string(),
    );
    page.text(
        w / 2.0,
        y + 63.0,
        7.0,
        Weight::Regular,
        Align::Center,
        &format!(
            "{}  {}",
            booking.reference,
            at.format("%d%b%y").to_string().to_uppercase()
        ),
    );
    // A second barcode lower on the tag (read from either end of the bag).
    page.itf(bx, 250.0 * k, ITF_MODULE_MM, 30.0, &bars);
    page.text(
        w / 2.0,
        250.0 * k + 38.0,
        16.0,
        Weight::Bold,
        Align::Center,
        &destination,
    );
    // Claim stub.
    page.cut_line(2.0, w - 2.0, 330.0 * k);
    page.text(
        w / 2.0,
        340.0 * k,
        7.0,
        Weight::Regular,
        Align::Center,
        "CLAIM / PASSENGER RECEIPT",
    );
    page.text(
        w / 2.0,
        350.0 * k,
        14.0,
        Weight::Bold,
        Align::Center,
        &plate.airline_form(&booking.airline.designator),
    );
    page.text(
        w / 2.0,
        358.0 * k,
        9.0,
        Weight::Bold,
        Align::Center,
        &destination,
    );
    page.text(
        w / 2.0,
        365.0 * k,
        8.0,
        Weight::Regular,
        Align::Center,
        &passenger.name.to_string(),
    );
    page.itf(bx, 370.0 * k, ITF_MODULE_MM, 20.0, &bars);
    page.finish();
    Ok(doc.save())
}

/// The bag receipt: every licence plate per passenger, on the 80 mm roll.
pub fn bag_receipt(job: &PrintJob, m: &Messages) -> Option<Vec<u8>> {
    let with_bags: Vec<(&Passenger, &CheckedInPassenger)> = job
        .passengers
        .iter()
        .filter(|d| !d.bag_tags.is_empty())
        .filter_map(|d| Some((job.booking.passenger(d.passenger)?, d)))
        .collect();
    if with_bags.is_empty() {
        return None;
    }
    let booking = &job.booking;
    let rows: usize = with_bags.iter().map(|(_, d)| d.bag_tags.len() + 2).sum();
    let (w, h) = (80.0, 50.0 + rows as f32 * 6.0);
    let mut doc = Document::new("Bag receipt");
    let mut page = doc.page(w, h);
    page.text(
        w / 2.0,
        9.0,
        11.0,
        Weight::Bold,
        Align::Center,
        &booking.airline.name.to_uppercase(),
    );
    page.text(
        w / 2.0,
        16.0,
        9.0,
        Weight::Bold,
        Align::Center,
        &label(m, &job.locale, "print-bag-receipt"),
    );
    let route: Vec<String> = booking
        .legs
        .iter()
        .map(|f| {
            format!(
                "{} {}–{}",
                f.designator(),
                f.origin.code,
                f.destination.code
            )
        })
        .collect();
    page.text(
        4.0,
        24.0,
        7.5,
        Weight::Regular,
        Align::Left,
        &format!("{}  {}", booking.reference, route.join("  ")),
    );
    let mut y = 32.0;
    for (p, done) in with_bags {
        page.text_within(
            4.0,
            y,
            8.5,
            Weight::Bold,
            Align::Left,
            &p.name.to_string(),
            page.width - 8.0,
        );
        let count = m.get(
            &job.locale,
            "print-bags",
            &[("count", (done.bag_tags.len() as u32).into())],
        );
        page.text(w - 4.0, y, 8.0, Weight::Regular, Align::Right, &count);
        y += 6.0;
        for plate in &done.bag_tags {
            page.text(
                8.0,
                y,
                9.0,
                Weight::Regular,
                Align::Left,
                &plate.airline_form(&booking.airline.designator),
            );
            page.text(
                w - 4.0,
                y,
                8.0,
                Weight::Regular,
                Align::Right,
                plate.as_str(),
            );
            y += 6.0;
        }
        y += 6.0;
    }
    page.text(
        w / 2.0,
        h - 6.0,
        6.5,
        Weight::Regular,
        Align::Center,
        // In the departure airport's time, where the passenger hands the bags over.
        &match booking.legs.first() {
            Some(f) => job
                .at
                .with_timezone(&f.origin.time_zone)
                .format("%Y-%m-%d %H:%M %Z")
                .to_string(),
            None => job.at.format("%Y-%m-%d %H:%M UTC").to_string(),
        },
    );
    page.finish();
    Some(doc.save())
}

/// An e-ticket number as printed: the airline's three-digit code, then the ten-digit serial
/// ("987 1234567890"); anything else as it is.
fn eticket(number: &str) -> String {
    match (number.get(..3), number.get(3..)) {
        (Some(airline), Some(serial)) if number.len() == 13 => format!("{airline} {serial}"),
        _ => number.to_string(),
    }
}
