//! Seats and the seat map of one dated flight: rows, columns, aisles, exit rows and who sits
//! where. Finding seats together for a family is a plain function so the engine, the airline
//! store and the GUI agree on it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// A seat such as `12A`: row number and column letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Seat {
    pub row: u16,
    pub column: char,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SeatError {
    #[error("a seat is a row number and a letter, like 12A")]
    Malformed,
}

impl FromStr for Seat {
    type Err = SeatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let column = s.chars().last().ok_or(SeatError::Malformed)?;
        let digits = &s[..s.len() - column.len_utf8()];
        if !column.is_ascii_alphabetic() || digits.is_empty() || digits.len() > 3 {
            return Err(SeatError::Malformed);
        }
        let row: u16 = digits.parse().map_err(|_| SeatError::Malformed)?;
        if row == 0 {
            return Err(SeatError::Malformed);
        }
        Ok(Seat {
            row,
            column: column.to_ascii_uppercase(),
        })
    }
}

impl fmt::Display for Seat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.row, self.column)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeatStatus {
    Free,
    /// Someone else sits here (or it is held by the airline).
    Taken,
    /// Not for sale at the kiosk (crew rest, broken, blocked for balance).
    Blocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRow {
    pub number: u16,
    /// An emergency-exit row: only able adults, after saying yes to the eligibility question.
    pub exit: bool,
    /// IATA 792 compartment code of the row (`J`, `Y`).
    pub compartment: char,
    /// Status per column, in the order of [`SeatMap::columns`].
    pub seats: Vec<SeatStatus>,
}

/// Where a seat sits in its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatPosition {
    Window,
    Aisle,
    Middle,
}

/// Seat map of one dated flight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatMap {
    /// Column letters left to right, with `|` for an aisle: `ABC|DEF`.
    pub layout: String,
    pub rows: Vec<SeatRow>,
}

impl SeatMap {
    /// Seat letters in order, without aisles.
    pub fn columns(&self) -> Vec<char> {
        self.layout.chars().filter(|c| *c != '|').collect()
    }

    /// Where a column's seats sit: by a window (the first or last column), by an aisle, or in
    /// the middle; `None` for a letter the map does not have.
    pub fn position(&self, column: char) -> Option<SeatPosition> {
        let chars: Vec<char> = self.layout.chars().collect();
        let i = chars.iter().position(|c| *c == column)?;
        let columns = self.columns();
        Some(
            if Some(&column) == columns.first() || Some(&column) == columns.last() {
                SeatPosition::Window
            } else if chars.get(i.wrapping_sub(1)) == Some(&'|') || chars.get(i + 1) == Some(&'|') {
                SeatPosition::Aisle
            } else {
                SeatPosition::Middle
            },
        )
    }

    pub fn row(&self, number: u16) -> Option<&SeatRow> {
        self.rows.iter().find(|r| r.number == number)
    }

    pub fn status(&self, seat: Seat) -> Option<SeatStatus> {
        let column = self.columns().iter().position(|c| *c == seat.column)?;
        self.row(seat.row)?.seats.get(column).copied()
    }

    pub fn is_exit(&self, seat: Seat) -> bool {
        self.row(seat.row).is_some_and(|r| r.exit)
    }

    pub fn compartment(&self, seat: Seat) -> Option<char> {
        self.row(seat.row).map(|r| r.compartment)
    }

    pub fn set_status(&mut self, seat: Seat, status: SeatStatus) {
        let Some(column) = self.columns().iter().position(|c| *c == seat.column) else {
            return;
        };
        if let Some(row) = self.rows.iter_mut().find(|r| r.number == seat.row)
            && let Some(s) = row.seats.get_mut(column)
        {
            *s = status;
        }
    }

    /// Groups of adjacent columns between aisles: `ABC|DEF` → `[[A,B,C],[D,E,F]]`.
    fn blocks(&self) -> Vec<Vec<char>> {
        self.layout
            .split('|')
            .map(|b| b.chars().collect())
            .collect()
    }

    /// `count` free seats in `compartment` for a party sitting together, nearest to `near`
    /// (seats some of the party already hold) or else to the front. Prefers one block of
    /// adjacent seats in one row, then seats across an aisle in one row, then adjacent rows.
    /// Exit rows are never chosen here: they need each passenger's own yes.
    pub fn find_together(&self, count: usize, compartment: char, near: &[Seat]) -> Vec<Seat> {
        if count == 0 {
            return Vec::new();
        }
        let anchor_row = near.iter().map(|s| s.row).min();
        let mut rows: Vec<&SeatRow> = self
            .rows
            .iter()
            .filter(|r| r.compartment == compartment && !r.exit)
            .collect();
        if let Some(anchor) = anchor_row {
            rows.sort_by_key(|r| (r.number.abs_diff(anchor), r.number));
        }
        let free_in = |row: &SeatRow, cols: &[char]| -> Vec<Seat> {
            let all = self.columns();
            cols.iter()
                .filter(|c| {
                    all.iter()
                        .position(|x| x == *c)
                        .is_some_and(|i| row.seats[i] == SeatStatus::Free)
                })
                .map(|c| Seat {
                    row: row.number,
                    column: *c,
                })
                .collect()
        };
        // 1. One block, adjacent seats, one row.
        for row in &rows {
            for block in self.blocks() {
                let free = free_in(row, &block);
                if let Some(run) = adjacent_run(&block, &free, count) {
                    return run;
                }
            }
        }
        // 2. One row, across the aisle.
        for row in &rows {
            let free = free_in(row, &self.columns());
            if free.len() >= count {
                return free.into_iter().take(count).collect();
            }
        }
        // 3. Whatever is free, nearest rows first.
        rows.iter()
            .flat_map(|row| free_in(row, &self.columns()))
            .take(count)
            .collect()
    }
}

/// `count` seats next to each other within one block, if the free ones allow it.
fn adjacent_run(block: &[char], free: &[Seat], count: usize) -> Option<Vec<Seat>> {
    if count > block.len() {
        return None;
    }
    for start in 0..=block.len() - count {
        let want = &block[start..start + count];
        let seats: Vec<Seat> = want
            .iter()
            .filter_map(|c| free.iter().find(|s| s.column == *c).copied())
            .collect();
        if seats.len() == count {
            return Some(seats);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> SeatMap {
        use SeatStatus::*;
        SeatMap {
            layout: "ABC|DEF".into(),
            rows: vec![
                SeatRow {
                    number: 10,
                    exit: false,
                    compartment: 'Y',
                    seats: vec![Taken, Free, Free, Free, Taken, Free],
                },
                SeatRow {
                    number: 11,
                    exit: true,
                    compartment: 'Y',
                    seats: vec![Free; 6],
                },
                SeatRow {
                    number: 12,
                    exit: false,
                    compartment: 'Y',
                    seats: vec![Free, Free, Free, Taken, Taken, Taken],
                },
            ],
        }
    }

    #[test]
    fn seats_parse_and_print() {
        assert_eq!(
            "12a".parse::<Seat>(),
            Ok(Seat {
                row: 12,
                column: 'A'
            })
        );
        assert_eq!(
            Seat {
                row: 3,
                column: 'F'
            }
            .to_string(),
            "3F"
        );
        assert!("A12".parse::<Seat>().is_err());
        assert!("0A".parse::<Seat>().is_err());
        assert!("".parse::<Seat>().is_err());
        assert!("١٢A".parse::<Seat>().is_err());
    }

    #[test]
    fn a_family_of_three_sits_together_and_never_in_an_exit_row() {
        let seats = map().find_together(3, 'Y', &[]);
        assert_eq!(
            seats.iter().map(Seat::to_string).collect::<Vec<_>>(),
            ["12A", "12B", "12C"]
        );
        let two = map().find_together(2, 'Y', &[]);
        assert_eq!(
            two.iter().map(Seat::to_string).collect::<Vec<_>>(),
            ["10B", "10C"]
        );
    }

    #[test]
    fn a_seat_is_by_the_window_by_the_aisle_or_between() {
        let m = SeatMap {
            layout: "ABC|DEF".into(),
            rows: Vec::new(),
        };
        let at = |c| m.position(c).unwrap();
        assert_eq!(
            (at('A'), at('F')),
            (SeatPosition::Window, SeatPosition::Window)
        );
        assert_eq!(
            (at('C'), at('D')),
            (SeatPosition::Aisle, SeatPosition::Aisle)
        );
        assert_eq!(at('B'), SeatPosition::Middle);
        assert_eq!(m.position('K'), None);
    }

    #[test]
    fn seat_status_and_exit_rows() {
        let m = map();
        let s = |x: &str| x.parse::<Seat>().unwrap();
        assert_eq!(m.status(s("10A")), Some(SeatStatus::Taken));
        assert_eq!(m.status(s("10B")), Some(SeatStatus::Free));
        assert_eq!(m.status(s("10G")), None);
        assert!(m.is_exit(s("11C")));
        assert!(!m.is_exit(s("12C")));
    }
}
