//! Undoing the scanner's usual misreads (O↔0, I↔1, B↔8, S↔5, Z↔2), accepted only when exactly
//! one correction makes every check digit hold.
//!
//! In numeric fields (dates, check digits) a letter cannot appear, so a confusable letter there
//! is replaced by its digit. The document number is alphanumeric, so both readings are possible:
//! when its check digit fails, every combination of confusable readings is tried, and one is
//! accepted only if it is the only one that satisfies the number's check digit and the
//! composite.

use super::mrz::{Correction, Field, Format, MrzError, verify};

const CONFUSIONS: [(u8, u8); 5] = [
    (b'O', b'0'),
    (b'I', b'1'),
    (b'B', b'8'),
    (b'S', b'5'),
    (b'Z', b'2'),
];

/// More alternatives than this in one document number and we do not guess.
const MAX_TOGGLES: usize = 12;

fn digit_for(letter: u8) -> Option<u8> {
    CONFUSIONS
        .iter()
        .find(|(l, _)| *l == letter)
        .map(|(_, d)| *d)
}

fn other_reading(c: u8) -> Option<u8> {
    CONFUSIONS.iter().find_map(|(l, d)| {
        if *l == c {
            Some(*d)
        } else if *d == c {
            Some(*l)
        } else {
            None
        }
    })
}

/// Positions (line, column) of the numeric fields and of the document number, per layout.
/// A character of a numeric field: (field, line, column).
type NumericCell = (Field, usize, usize);

fn positions(format: Format) -> (Vec<NumericCell>, Vec<(usize, usize)>) {
    let mut numeric = Vec::new();
    let mut number = Vec::new();
    match format {
        Format::Td1 => {
            numeric.push((Field::DocumentNumber, 0, 14));
            for c in 0..7 {
                numeric.push((Field::BirthDate, 1, c));
            }
            for c in 8..15 {
                numeric.push((Field::Expiry, 1, c));
            }
            numeric.push((Field::Composite, 1, 29));
            number.extend((5..14).map(|c| (0, c)));
        }
        _ => {
            let (_, width) = format.shape();
            numeric.push((Field::DocumentNumber, 1, 9));
            for c in 13..20 {
                numeric.push((Field::BirthDate, 1, c));
            }
            for c in 21..28 {
                numeric.push((Field::Expiry, 1, c));
            }
            if format == Format::Td3 {
                numeric.push((Field::OptionalData, 1, 42));
                numeric.push((Field::Composite, 1, 43));
            } else if format == Format::Td2 {
                numeric.push((Field::Composite, 1, width - 1));
            }
            number.extend((0..9).map(|c| (1, c)));
        }
    }
    (numeric, number)
}

fn field_text(lines: &[Vec<u8>], at: &[(usize, usize)]) -> String {
    at.iter().map(|(l, c)| lines[*l][*c] as char).collect()
}

/// Corrects `lines` in place where that is safe; returns what was changed.
pub(super) fn correct(lines: &mut [Vec<u8>], format: Format) -> Result<Vec<Correction>, MrzError> {
    let first_error = match verify(lines, format) {
        Ok(()) => return Ok(Vec::new()),
        Err(e) => e,
    };
    let (numeric, number) = positions(format);
    let mut corrections = Vec::new();
    // Letters in numeric fields: one reading only.
    for field in [
        Field::DocumentNumber,
        Field::BirthDate,
        Field::Expiry,
        Field::OptionalData,
        Field::Composite,
    ] {
        let at: Vec<(usize, usize)> = numeric
            .iter()
            .filter(|(f, _, _)| *f == field)
            .map(|(_, l, c)| (*l, *c))
            .collect();
        let read = field_text(lines, &at);
        let mut changed = false;
        for (l, c) in &at {
            if let Some(d) = digit_for(lines[*l][*c]) {
                lines[*l][*c] = d;
                changed = true;
            }
        }
        if changed {
            corrections.push(Correction {
                field,
                read,
                corrected: field_text(lines, &at),
            });
        }
    }
    match verify(lines, format) {
        Ok(()) => return Ok(corrections),
        Err(MrzError::CheckDigit(Field::DocumentNumber | Field::Composite)) => {}
        Err(e) => return Err(e),
    }
    // The document number: try each combination of the confusable readings.
    let toggles: Vec<(usize, usize, u8)> = number
        .iter()
        .filter_map(|(l, c)| other_reading(lines[*l][*c]).map(|alt| (*l, *c, alt)))
        .collect();
    if toggles.is_empty() || toggles.len() > MAX_TOGGLES {
        return Err(first_error);
    }
    let read = field_text(lines, &number);
    let mut found: Option<Vec<Vec<u8>>> = None;
    for mask in 1u32..(1 << toggles.len()) {
        let mut candidate = lines.to_vec();
        for (i, (l, c, alt)) in toggles.iter().enumerate() {
            if mask & (1 << i) != 0 {
                candidate[*l][*c] = *alt;
            }
        }
        if verify(&candidate, format).is_ok() {
            if found.is_some() {
                return Err(MrzError::Ambiguous(Field::DocumentNumber));
            }
            found = Some(candidate);
        }
    }
    let Some(fixed) = found else {
        return Err(first_error);
    };
    for (line, new) in lines.iter_mut().zip(fixed) {
        *line = new;
    }
    corrections.push(Correction {
        field: Field::DocumentNumber,
        read,
        corrected: field_text(lines, &number),
    });
    Ok(corrections)
}
