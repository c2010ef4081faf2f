//! Seats: the seat map (or its list alternative) for each passenger in turn.

use super::super::view::*;
use crate::checkin::{Effect, Event, Step};
use crate::domain::{Passenger, PassengerId};
use crate::ui::seatmap::{self, ColumnLetters, Geometry, SeatCanvas};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use crate::ui::{El, Kiosk, Message, fonts};
use iced::widget::{Column, Space, canvas, column, container, scrollable};
use iced::{Alignment, Length};

/// The width of the buttons' column beside the seat map on a wide screen.
const SIDE_WIDE: f32 = 420.0;

/// The scrollable that holds the seat map (scrolled to the passenger's seat).
pub(in crate::ui) const SEAT_SCROLL: &str = "seat-scroll";

impl Kiosk {
    /// What the seat map shows: for whom, on which leg, and whether it shows at all.
    pub(in crate::ui) fn seat_view(&self) -> Option<(usize, Option<PassengerId>, bool)> {
        let s = self.engine.session();
        (s.step == Step::Seats
            && s.exception.is_none()
            && s.exit_question.is_none()
            && !self.visit.seat_list
            && s.seat_map.is_some())
        .then(|| (s.leg, self.seat_passenger(), s.seat_map.is_some()))
    }

    /// How far down to scroll the seat map so the passenger's seat (or where the party sits)
    /// shows a little below the top; `None` when there is no map or no seat to show.
    pub fn seat_scroll(&self) -> Option<f32> {
        self.seat_view()?;
        let s = self.engine.session();
        let booking = s.booking.as_ref()?;
        let map = s.seat_map.as_ref()?;
        let passenger = booking.passenger(self.seat_passenger()?)?;
        let leg = passenger.legs.get(s.leg)?;
        let seat = leg.seat?;
        let geometry = seatmap::Geometry::new(map, leg.compartment).without_header();
        let top = geometry.row_top(seat.row)?;
        // Two rows above it stay in view, for context.
        Some((top - 2.0 * (geometry.seat + geometry.gap)).max(0.0))
    }

    /// The selected passengers who take a seat, in the party's order.
    fn seated(&self) -> Vec<PassengerId> {
        let s = self.engine.session();
        let Some(booking) = s.booking.as_ref() else {
            return Vec::new();
        };
        s.selected
            .iter()
            .copied()
            .filter(|id| booking.passenger(*id).is_some_and(|p| p.needs_seat()))
            .collect()
    }

    /// The passenger whose seat a tap on the map sets.
    pub fn seat_passenger(&self) -> Option<PassengerId> {
        let seated = self.seated();
        self.visit
            .seat_for
            .filter(|id| seated.contains(id))
            .or_else(|| seated.first().copied())
    }

    /// After a seat is chosen, the map moves on to the next passenger of the party.
    pub(in crate::ui) fn next_seat_passenger(&mut self, chosen: PassengerId) {
        let s = self.engine.session();
        if s.exit_question.is_some() {
            return;
        }
        let seated = self.seated();
        if let Some(i) = seated.iter().position(|id| *id == chosen) {
            self.visit.seat_for = seated.get(i + 1).copied().or(Some(chosen));
        }
    }

    /// A seat tapped on the map or in the list, for the passenger the map is on.
    pub(in crate::ui) fn choose_seat(&mut self, seat: crate::domain::Seat) {
        if let Some(passenger) = self.seat_passenger() {
            self.dispatch(Event::ChooseSeat { passenger, seat });
            // On to the next passenger only once this one's seat is being held.
            if self
                .pending
                .iter()
                .any(|e| matches!(e, Effect::AssignSeats { .. }))
            {
                self.next_seat_passenger(passenger);
            }
        }
    }

    pub(in crate::ui) fn seats(&self) -> El<'_> {
        let s = self.engine.session();
        let sizes = self.sizes();
        let p = *self.palette();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let leg = booking.legs.get(s.leg);
        let flight = leg
            .map(|leg| {
                self.t_args(
                    "seats-flight",
                    &[
                        ("flight", leg.designator().into()),
                        ("destination", self.city(&leg.destination).into()),
                    ],
                )
            })
            .unwrap_or_default();
        let mut content = column![self.dir_row(vec![
            self.title(self.t("seats-title")),
            self.para(self.said(flight, sizes.body)),
        ])]
        .spacing(theme::gap::ROW);
        if let Some((passenger, seat)) = s.exit_question {
            let name = self
                .passenger(passenger)
                .map(|p| p.name.first_name())
                .unwrap_or_default();
            let question = column![
                self.para(
                    self.said(format!("{} — {seat}", self.t("exit-title")), sizes.title)
                        .font(fonts::BOLD)
                ),
                self.body(self.t_args("exit-question", &[("name", name.into())])),
                self.action_row(vec![
                    self.labelled(
                        self.t("exit-yes"),
                        Message::Engine(Event::AnswerExitRow(true)),
                        ButtonKind::Primary
                    )
                    .into(),
                    self.labelled(
                        self.t("exit-no"),
                        Message::Engine(Event::AnswerExitRow(false)),
                        ButtonKind::Secondary
                    )
                    .into(),
                ]),
            ]
            .spacing(theme::gap::BLOCK);
            return content.push(self.panel(question, PanelKind::Notice)).into();
        }
        // Whose seat a tap sets.
        let current = self.seat_passenger();
        let seated: Vec<&Passenger> = s
            .selected
            .iter()
            .filter_map(|id| booking.passenger(*id))
            .filter(|p| p.needs_seat())
            .collect();
        let seat_of = |p: &Passenger| p.legs.get(s.leg).and_then(|l| l.seat);
        let mut who: Vec<El<'_>> = vec![self.txt(self.t("seats-for"), sizes.body).into()];
        // Each passenger choosing has a number; the map marks their seats with it.
        for (n, passenger) in seated.iter().enumerate() {
            let kind = if Some(passenger.id) == current {
                ButtonKind::Selected
            } else {
                ButtonKind::Secondary
            };
            let seat = seat_of(passenger)
                .map(|s| format!("  {s}"))
                .unwrap_or_default();
            who.push(
                self.labelled(
                    format!("{} · {}{seat}", n + 1, passenger.name.first_name()),
                    Message::SeatFor(passenger.id),
                    kind,
                )
                .into(),
            );
        }
        content = content.push(self.dir_row(who).wrap());
        let Some(map) = &s.seat_map else {
            return content.push(self.body(self.t("identify-reading"))).into();
        };
        let compartment = current
            .and_then(|id| booking.passenger(id))
            .and_then(|p| p.legs.get(s.leg))
            .map(|l| l.compartment)
            .unwrap_or('Y');
        let party: Vec<(crate::domain::Seat, char)> = seated
            .iter()
            .enumerate()
            .filter_map(|(n, p)| {
                seat_of(p).map(|seat| (seat, char::from_digit(n as u32 + 1, 36).unwrap_or('•')))
            })
            .collect();
        let current_seat = current
            .and_then(|id| booking.passenger(id))
            .and_then(seat_of);
        let legend = self.legend();
        let toggle = if self.visit.seat_list {
            self.labelled(
                self.t("seats-map"),
                Message::SeatList(false),
                ButtonKind::Secondary,
            )
        } else {
            self.labelled(
                self.t("seats-list"),
                Message::SeatList(true),
                ButtonKind::Secondary,
            )
        };
        // The column letters stay above the scrolling rows (the list has none).
        let mut letters: Option<El<'_>> = None;
        let seats: El<'_> = if self.visit.seat_list {
            self.seat_list_view(map, compartment, &party)
        } else {
            let band = ColumnLetters {
                geometry: Geometry::new(map, compartment),
                palette: p,
            };
            let band_size = band.size();
            letters = Some(
                container(
                    container(
                        canvas(band)
                            .width(Length::Fixed(band_size.width))
                            .height(Length::Fixed(band_size.height)),
                    )
                    .id("seat-letters"),
                )
                .center_x(Length::Fill)
                // As the scrolled map below: its padding, and its scroll bar's room.
                .padding(iced::Padding {
                    right: 28.0,
                    left: 4.0,
                    ..Default::default()
                })
                .into(),
            );
            let geometry = Geometry::new(map, compartment).without_header();
            let size = geometry.size();
            let program = SeatCanvas {
                map,
                geometry,
                palette: p,
                party,
                current: current_seat,
            };
            container(
                canvas(program)
                    .width(Length::Fixed(size.width))
                    .height(Length::Fixed(size.height)),
            )
            .id("seat-map")
            .center_x(Length::Fill)
            .into()
        };
        content = content.push(legend);
        let map = scrollable(container(seats).padding(iced::Padding {
            right: 28.0,
            left: 4.0,
            ..Default::default()
        }))
        .id(SEAT_SCROLL)
        .on_scroll(|_| Message::Scrolled)
        .width(Length::Fill)
        .height(Length::Fill);
        let map: El<'_> = match letters {
            Some(letters) => column![letters, map].height(Length::Fill).into(),
            None => map.into(),
        };
        let keep = self.next_button(self.t("seats-keep"), Message::Engine(Event::ConfirmSeats));
        // A narrow (portrait) screen gives the map the whole width, the buttons a line below it.
        if self.screen.width < NARROW_BELOW {
            return content
                .push(map)
                .push(
                    self.dir_row(vec![
                        container(toggle).width(Length::FillPortion(1)).into(),
                        container(keep).width(Length::FillPortion(1)).into(),
                    ])
                    .spacing(theme::gap::BLOCK),
                )
                .into();
        }
        let side = column![toggle, Space::new().height(Length::Fill), keep]
            .spacing(theme::gap::BLOCK)
            .height(Length::Fill)
            // On a narrow screen (1024 wide) the map keeps room for all its columns.
            .width(Length::Fixed(if self.screen.width < 1200.0 {
                340.0
            } else {
                SIDE_WIDE
            }));
        content
            .push(
                self.dir_row(vec![map, side.into()])
                    .align_y(Alignment::Start)
                    .height(Length::Fill),
            )
            .into()
    }

    pub(in crate::ui) fn legend(&self) -> El<'_> {
        let p = *self.palette();
        let sizes = self.sizes();
        let swatch = |fill: iced::Color, border: iced::Color| -> El<'_> {
            container(Space::new())
                .width(Length::Fixed(sizes.swatch))
                .height(Length::Fixed(sizes.swatch))
                .style(move |_| container::Style {
                    background: Some(fill.into()),
                    border: iced::Border {
                        color: border,
                        width: 3.0,
                        radius: 6.0.into(),
                    },
                    ..Default::default()
                })
                .into()
        };
        let mut items: Vec<El<'_>> = Vec::new();
        for (fill, border, id) in [
            (p.seat_free, p.outline, "legend-free"),
            (p.seat_taken, p.outline, "legend-taken"),
            (p.selected, p.selected, "legend-selected"),
            (p.seat_free, p.seat_exit, "legend-exit"),
        ] {
            items.push(
                self.dir_row(vec![
                    swatch(fill, border),
                    self.txt(self.t(id), sizes.small).into(),
                ])
                .spacing(theme::gap::SMALL)
                .into(),
            );
        }
        self.action_row(items)
    }

    /// The accessible alternative to the map: free seats as buttons, row by row.
    pub(in crate::ui) fn seat_list_view(
        &self,
        map: &crate::domain::SeatMap,
        compartment: char,
        party: &[(crate::domain::Seat, char)],
    ) -> El<'_> {
        let sizes = self.sizes();
        // Seats to a line: the list's width (the map's place: the screen less its sides, and
        // on a wide screen less the buttons beside it) less the row's name.
        let side = if self.screen.width < NARROW_BELOW {
            0.0
        } else {
            (if self.screen.width < 1200.0 {
                340.0
            } else {
                SIDE_WIDE
            }) + theme::gap::BLOCK
        };
        let room =
            self.screen.width - 2.0 * PAGE_SIDE - side - 32.0 - sizes.name_wide - theme::gap::BLOCK;
        let per_line =
            (((room + theme::gap::SMALL) / (sizes.seat_wide + theme::gap::SMALL)) as usize).max(1);
        let mut list = Column::new().spacing(theme::gap::SMALL);
        for row in map.rows.iter().filter(|r| r.compartment == compartment) {
            let mut heading = self.t_args("seats-row", &[("row", row.number.into())]);
            if row.exit {
                heading = format!("{heading} · {}", self.t("legend-exit"));
            }
            let label: El<'_> = container(self.txt(heading, sizes.small))
                .width(Length::Fixed(sizes.name_wide))
                .align_x(self.start())
                .into();
            let mut items: Vec<El<'_>> = Vec::new();
            for (column, status) in map.columns().iter().zip(&row.seats) {
                let seat = crate::domain::Seat {
                    row: row.number,
                    column: *column,
                };
                let ours = party.iter().any(|(s, _)| *s == seat);
                if *status != crate::domain::SeatStatus::Free && !ours {
                    continue;
                }
                let kind = if ours {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                };
                let label = seat.to_string();
                let button = self
                    .labelled(label.clone(), Message::Seat(seat), kind)
                    .width(Length::Fixed(sizes.seat_wide));
                // Speech says where the seat is: "19A, window, exit row".
                if self.speaking() {
                    let mut name = vec![label];
                    name.extend(map.position(*column).map(|p| {
                        self.t(match p {
                            crate::domain::SeatPosition::Window => "speech-seat-window",
                            crate::domain::SeatPosition::Aisle => "speech-seat-aisle",
                            crate::domain::SeatPosition::Middle => "speech-seat-middle",
                        })
                    }));
                    if row.exit {
                        name.push(self.t("legend-exit"));
                    }
                    self.name_last(name.join(", "));
                }
                items.push(button.into());
            }
            if !items.is_empty() {
                // The row's label stays beside its seats however many lines they take, each
                // line starting beside it (at the right in Urdu and Arabic: a wrapping row
                // fills its lines from the left).
                let mut lines = Column::new().spacing(theme::gap::SMALL);
                let mut items = items.into_iter().peekable();
                while items.peek().is_some() {
                    let line: Vec<El<'_>> = items.by_ref().take(per_line).collect();
                    lines = lines.push(self.dir_row(line).spacing(theme::gap::SMALL));
                }
                let seats: El<'_> = lines.align_x(self.start()).width(Length::Fill).into();
                list = list.push(
                    // In Urdu and Arabic the seats start at the right, beside the row's name
                    // (a short row sat at the far left, away from it).
                    self.dir_row(vec![
                        label,
                        container(seats)
                            .width(Length::Fill)
                            .align_x(self.start())
                            .into(),
                    ])
                    .align_y(Alignment::Start),
                );
            }
        }
        list.into()
    }
}
