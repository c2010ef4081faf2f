//! Plain-text boarding passes and bag tags, laid out like the slips a kiosk prints.

use crate::domain::{Booking, CheckinRecord, Flight, LicencePlate, Passenger};
use std::fmt::Write;

/// `23NOV`: the date as airlines print it.
fn airline_date(flight: &Flight) -> String {
    flight
        .local_departure()
        .format("%d%b")
        .to_string()
        .to_uppercase()
}

pub fn boarding_pass_text(
    booking: &Booking,
    passenger: &Passenger,
    leg: usize,
    record: &CheckinRecord,
) -> String {
    let Some(flight) = booking.legs.get(leg) else {
        return String::new();
    };
    let mut out = String::new();
    let seat = record
        .seat
        .map(|s| s.to_string())
        .unwrap_or_else(|| "INF".into());
    let _ = writeln!(
        out,
        "{}  —  BOARDING PASS",
        booking.airline.name.to_uppercase()
    );
    let _ = writeln!(out, "Name       {}", passenger.name);
    let _ = writeln!(
        out,
        "From       {} {}",
        flight.origin.code, flight.origin.city
    );
    let _ = writeln!(
        out,
        "To         {} {}",
        flight.destination.code, flight.destination.city
    );
    let _ = writeln!(
        out,
        "Flight     {:<10} Date      {}",
        flight.designator(),
        airline_date(flight)
    );
    let _ = writeln!(
        out,
        "Boarding   {:<10} Departs   {}",
        flight.local_boarding().format("%H:%M"),
        flight.local_departure().format("%H:%M")
    );
    let _ = writeln!(
        out,
        "Gate       {:<10} Seat      {}",
        flight.gate.as_deref().unwrap_or("—"),
        seat
    );
    let _ = writeln!(
        out,
        "Sequence   {:03}        Booking   {}",
        record.sequence, booking.reference
    );
    if let Some(ff) = &passenger.frequent_flyer {
        let _ = writeln!(out, "Frequent flyer {} {}", ff.airline, ff.number);
    }
    out
}

pub fn bag_tag_text(booking: &Booking, passenger: &Passenger, plate: &LicencePlate) -> String {
    let mut out = String::new();
    let destination = booking
        .final_destination()
        .map(|a| a.code.as_str())
        .unwrap_or("");
    let routing: Vec<String> = booking
        .legs
        .iter()
        .map(|f| format!("{} {}", f.designator(), f.destination.code))
        .collect();
    let _ = writeln!(out, "{}  —  BAG TAG", booking.airline.name.to_uppercase());
    let _ = writeln!(out, "{destination}");
    let _ = writeln!(out, "Routing    {}", routing.join(" / "));
    let _ = writeln!(
        out,
        "Plate      {}",
        plate.airline_form(&booking.airline.designator)
    );
    let _ = writeln!(out, "Licence    {plate}");
    let _ = writeln!(out, "Name       {}", passenger.name);
    out
}
