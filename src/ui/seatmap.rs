//! The seat map, drawn for touch on a canvas. The geometry (where each seat is drawn, and
//! which seat a point falls on) is plain code so tests can drive it. Seat maps are not
//! mirrored for right-to-left languages: seat A is by the left-hand window of the aircraft,
//! whatever language the passenger reads.

use super::theme::Palette;
use crate::domain::{Seat, SeatMap, SeatStatus};
use iced::widget::canvas::{self, Frame, Path, Stroke, Text};
use iced::{Point, Rectangle, Renderer, Size, Theme, mouse};

/// Where things are on the map, in logical pixels from its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// Columns left to right; `None` is an aisle.
    pub columns: Vec<Option<char>>,
    /// Rows shown (one cabin), front to back, and whether each is an exit row.
    pub rows: Vec<(u16, bool)>,
    pub seat: f32,
    pub gap: f32,
    pub aisle: f32,
    /// Space for the column letters above the seats.
    pub header: f32,
    /// Space for row numbers and exit marks at each side.
    pub margin: f32,
}

impl Geometry {
    /// The rows of `compartment` of `map`.
    pub fn new(map: &SeatMap, compartment: char) -> Geometry {
        Geometry {
            columns: map
                .layout
                .chars()
                .map(|c| if c == '|' { None } else { Some(c) })
                .collect(),
            rows: map
                .rows
                .iter()
                .filter(|r| r.compartment == compartment)
                .map(|r| (r.number, r.exit))
                .collect(),
            seat: 64.0,
            gap: 8.0,
            aisle: 48.0,
            header: 44.0,
            margin: 64.0,
        }
    }

    /// The same map without the column letters' band on top: the rows as they scroll, under
    /// [`ColumnLetters`] that stay put above them.
    pub fn without_header(mut self) -> Geometry {
        self.header = 0.0;
        self
    }

    fn column_x(&self, index: usize) -> f32 {
        let mut x = self.margin;
        for c in &self.columns[..index] {
            x += if c.is_some() {
                self.seat + self.gap
            } else {
                self.aisle
            };
        }
        x
    }

    fn row_y(&self, index: usize) -> f32 {
        self.header + index as f32 * (self.seat + self.gap)
    }

    /// How far down the map a row's seats start, if the map shows that row.
    pub fn row_top(&self, row: u16) -> Option<f32> {
        self.rows
            .iter()
            .position(|(number, _)| *number == row)
            .map(|i| self.row_y(i))
    }

    pub fn size(&self) -> Size {
        Size::new(
            self.column_x(self.columns.len()) - self.gap + self.margin,
            self.row_y(self.rows.len()),
        )
    }

    /// The square a seat is drawn in.
    pub fn seat_rect(&self, seat: Seat) -> Option<Rectangle> {
        let column = self.columns.iter().position(|c| *c == Some(seat.column))?;
        let row = self.rows.iter().position(|(n, _)| *n == seat.row)?;
        Some(Rectangle::new(
            Point::new(self.column_x(column), self.row_y(row)),
            Size::new(self.seat, self.seat),
        ))
    }

    /// The seat under a point, if any (the gaps between seats belong to none).
    pub fn seat_at(&self, point: Point) -> Option<Seat> {
        self.rows.iter().find_map(|(row, _)| {
            self.columns.iter().flatten().find_map(|column| {
                let seat = Seat {
                    row: *row,
                    column: *column,
                };
                self.seat_rect(seat)
                    .filter(|r| r.contains(point))
                    .map(|_| seat)
            })
        })
    }
}

/// The map as drawn for one passenger choosing a seat.
pub struct SeatCanvas<'a> {
    pub map: &'a SeatMap,
    pub geometry: Geometry,
    pub palette: Palette,
    /// Seats the party holds, with the initial shown on them.
    pub party: Vec<(Seat, char)>,
    /// The seat of the passenger choosing now.
    pub current: Option<Seat>,
}

/// A tap on a seat that can be taken says which seat.
impl canvas::Program<Seat> for SeatCanvas<'_> {
    type State = ();

    fn update(
        &self,
        _state: &mut (),
        event: &iced::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<Seat>> {
        let pressed = matches!(
            event,
            iced::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
                | iced::Event::Touch(iced::touch::Event::FingerPressed { .. })
        );
        if !pressed {
            return None;
        }
        let point = match event {
            iced::Event::Touch(iced::touch::Event::FingerPressed { position, .. }) => {
                Point::new(position.x - bounds.x, position.y - bounds.y)
            }
            _ => cursor.position_in(bounds)?,
        };
        let seat = self.geometry.seat_at(point)?;
        (self.map.status(seat) == Some(SeatStatus::Free)
            || self.party.iter().any(|(s, _)| *s == seat))
        .then(|| canvas::Action::publish(seat).and_capture())
    }

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<canvas::Geometry<Renderer>> {
        let p = &self.palette;
        let g = &self.geometry;
        let mut frame = Frame::new(renderer, bounds.size());
        if g.header > 0.0 {
            draw_letters(&mut frame, g, p);
        }
        let width = g.size().width;
        for (i, (number, exit)) in g.rows.iter().enumerate() {
            let y = g.row_y(i);
            let mid = y + g.seat / 2.0;
            label(
                &mut frame,
                number.to_string(),
                Point::new(g.margin / 2.0, mid),
                22.0,
                p.text,
            );
            label(
                &mut frame,
                number.to_string(),
                Point::new(width - g.margin / 2.0, mid),
                22.0,
                p.text,
            );
            if *exit {
                // Exit rows: a bar at each side of the cabin, in the exit colour.
                for x in [2.0, width - 10.0] {
                    frame.fill_rectangle(Point::new(x, y), Size::new(8.0, g.seat), p.seat_exit);
                }
            }
            for c in g.columns.iter().flatten() {
                let seat = Seat {
                    row: *number,
                    column: *c,
                };
                let Some(r) = g.seat_rect(seat) else {
                    continue;
                };
                let ours = self.party.iter().find(|(s, _)| *s == seat);
                let status = self.map.status(seat);
                let path = Path::rounded_rectangle(r.position(), r.size(), 10.0.into());
                let (fill, text_color) = match (ours, status) {
                    (Some(_), _) => (p.selected, p.on_selected),
                    (None, Some(SeatStatus::Free)) => (p.seat_free, p.text),
                    _ => (p.seat_taken, p.text),
                };
                frame.fill(&path, fill);
                let ring = if self.current == Some(seat) {
                    Stroke::default().with_width(5.0).with_color(p.focus)
                } else if *exit && ours.is_none() && status == Some(SeatStatus::Free) {
                    Stroke::default().with_width(3.0).with_color(p.seat_exit)
                } else {
                    Stroke::default().with_width(2.0).with_color(p.outline)
                };
                frame.stroke(&path, ring);
                let centre = r.center();
                match (ours, status) {
                    (Some((_, initial)), _) => {
                        label(&mut frame, initial.to_string(), centre, 28.0, text_color)
                    }
                    (None, Some(SeatStatus::Free)) => {}
                    _ => {
                        // Taken: a cross, so it does not rest on colour alone.
                        let d = g.seat * 0.25;
                        let cross = Path::new(|b| {
                            b.move_to(Point::new(centre.x - d, centre.y - d));
                            b.line_to(Point::new(centre.x + d, centre.y + d));
                            b.move_to(Point::new(centre.x + d, centre.y - d));
                            b.line_to(Point::new(centre.x - d, centre.y + d));
                        });
                        frame.stroke(&cross, Stroke::default().with_width(3.0).with_color(p.text));
                    }
                }
            }
        }
        vec![frame.into_geometry()]
    }

    fn mouse_interaction(
        &self,
        _state: &(),
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        match cursor
            .position_in(bounds)
            .and_then(|p| self.geometry.seat_at(p))
        {
            Some(seat) if self.map.status(seat) == Some(SeatStatus::Free) => {
                mouse::Interaction::Pointer
            }
            _ => mouse::Interaction::default(),
        }
    }
}

/// Bold words centred on a point of the map.
fn label(frame: &mut Frame, content: String, at: Point, size: f32, color: iced::Color) {
    frame.fill_text(Text {
        content,
        position: at,
        color,
        size: size.into(),
        font: super::fonts::BOLD,
        align_x: iced::widget::text::Alignment::Center,
        align_y: iced::alignment::Vertical::Center,
        ..Text::default()
    });
}

/// The column letters over the seats, centred on each column's seats.
fn draw_letters(frame: &mut Frame, g: &Geometry, p: &Palette) {
    for (i, c) in g.columns.iter().enumerate() {
        if let Some(c) = c {
            let at = Point::new(g.column_x(i) + g.seat / 2.0, g.header / 2.0);
            label(frame, c.to_string(), at, 24.0, p.text);
        }
    }
}

/// The column letters alone, in a band that stays above the map while its rows scroll (they
/// scrolled away with them, and a map opened at the passenger's seat showed none).
pub struct ColumnLetters {
    /// The map's geometry, its `header` the band's height.
    pub geometry: Geometry,
    pub palette: Palette,
}

impl ColumnLetters {
    /// The band's size: the map's width, the header's height.
    pub fn size(&self) -> Size {
        Size::new(self.geometry.size().width, self.geometry.header)
    }
}

impl canvas::Program<Seat> for ColumnLetters {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<canvas::Geometry<Renderer>> {
        let mut frame = Frame::new(renderer, bounds.size());
        draw_letters(&mut frame, &self.geometry, &self.palette);
        vec![frame.into_geometry()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SeatRow;

    fn map() -> SeatMap {
        let row = |number, exit, compartment| SeatRow {
            number,
            exit,
            compartment,
            seats: vec![SeatStatus::Free; 6],
        };
        SeatMap {
            layout: "ABC|DEF".into(),
            rows: vec![row(1, false, 'J'), row(10, false, 'Y'), row(11, true, 'Y')],
        }
    }

    #[test]
    fn a_point_finds_the_seat_drawn_there() {
        let g = Geometry::new(&map(), 'Y');
        for row in [10, 11] {
            for column in "ABCDEF".chars() {
                let seat = Seat { row, column };
                let r = g.seat_rect(seat).unwrap();
                assert_eq!(g.seat_at(r.center()), Some(seat));
                assert_eq!(g.seat_at(Point::new(r.x + 1.0, r.y + 1.0)), Some(seat));
            }
        }
        // The aisle, the gaps, the margins and the other cabin are no seat.
        let c = g
            .seat_rect(Seat {
                row: 10,
                column: 'C',
            })
            .unwrap();
        let d = g
            .seat_rect(Seat {
                row: 10,
                column: 'D',
            })
            .unwrap();
        assert!(d.x - (c.x + c.width) >= 40.0, "the aisle is wide");
        assert_eq!(
            g.seat_at(Point::new((c.x + c.width + d.x) / 2.0, c.center_y())),
            None
        );
        assert_eq!(g.seat_at(Point::new(5.0, c.center_y())), None);
        assert_eq!(g.seat_at(Point::new(c.center_x(), 5.0)), None);
        assert_eq!(
            g.seat_rect(Seat {
                row: 1,
                column: 'A'
            }),
            None
        );
        // Seats are large enough for a finger.
        assert!(c.width >= 64.0 && c.height >= 64.0);
        let size = g.size();
        assert!(size.width >= d.x + d.width && size.height >= d.y + d.height);
    }
}
