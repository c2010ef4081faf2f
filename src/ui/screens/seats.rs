//! Seats: the seat map (or its list alternative) for each passenger in turn.

use crate::checkin::Effect;
use crate::checkin::{Engine, Event, Step};
use crate::domain::{Passenger, PassengerId, Seat};
use crate::ui::draw::*;
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::fonts;
use crate::ui::seatmap::{self, ColumnLetters, Geometry, SeatCanvas};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use iced::widget::{Column, Space, canvas, column, container, scrollable};
use iced::{Alignment, Length};

/// The width of the buttons' column beside the seat map on a wide screen.
const SIDE_WIDE: f32 = 420.0;

/// The scrollable that holds the seat map (scrolled to the passenger's seat).
pub const SEAT_SCROLL: &str = "seat-scroll";

/// What the passenger can do on Seats.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Whose seat the map sets.
    SeatFor(PassengerId),
    /// A seat tapped on the map or in the list.
    Seat(Seat),
    /// The list of free seats (`true`) or the map.
    SeatList(bool),
    Go(Event),
    Scrolled,
}

crate::ui::draw::common_taps!(Message);

/// What the map shows: on which leg, for whom, and whether it shows at all.
type Shown = (usize, Option<PassengerId>, bool);

/// Seats' own: the map or the list, whose seat a tap sets, and what the map was last
/// scrolled to.
#[derive(Debug, Default)]
pub struct State {
    pub list: bool,
    pub seat_for: Option<PassengerId>,
    scrolled_for: Option<Shown>,
}

impl State {
    /// A passenger in speech mode hears the seats as a list.
    pub fn new(list: bool) -> State {
        State {
            list,
            ..State::default()
        }
    }

    /// What the engine made of a seat this screen chose: once the seat is being held
    /// (`held`), the map moves on to the party's next passenger.
    pub fn chosen(&mut self, event: &Event, held: bool, engine: &Engine) {
        let Event::ChooseSeat { passenger, .. } = event else {
            return;
        };
        if !held || engine.session().exit_question.is_some() {
            return;
        }
        let seated = seated(engine);
        if let Some(i) = seated.iter().position(|id| id == passenger) {
            self.seat_for = seated.get(i + 1).copied().or(Some(*passenger));
        }
    }

    /// What the seat map shows: for whom, on which leg, and whether it shows at all.
    fn shown(&self, engine: &Engine) -> Option<Shown> {
        let s = engine.session();
        (s.step == Step::Seats
            && s.exception.is_none()
            && s.exit_question.is_none()
            && !self.list
            && s.seat_map.is_some())
        .then(|| (s.leg, self.seat_passenger(engine), s.seat_map.is_some()))
    }

    /// How far down to scroll the seat map so the passenger's seat (or where the party sits)
    /// shows a little below the top; `None` when there is no map or no seat to show.
    pub fn seat_scroll(&self, engine: &Engine) -> Option<f32> {
        self.shown(engine)?;
        let s = engine.session();
        let booking = s.booking.as_ref()?;
        let map = s.seat_map.as_ref()?;
        let passenger = booking.passenger(self.seat_passenger(engine)?)?;
        let leg = passenger.legs.get(s.leg)?;
        let seat = leg.seat?;
        let geometry = seatmap::Geometry::new(map, leg.compartment).without_header();
        let top = geometry.row_top(seat.row)?;
        // Two rows above it stay in view, for context.
        Some((top - 2.0 * (geometry.seat + geometry.gap)).max(0.0))
    }

    /// Where to scroll the map now: when it opens, or turns to another passenger or leg, it
    /// opens at their seat, not at the front of the cabin.
    pub fn scroll_to(&mut self, engine: &Engine) -> Option<f32> {
        let shown = self.shown(engine);
        if shown == self.scrolled_for {
            return None;
        }
        self.scrolled_for = shown;
        self.seat_scroll(engine)
    }

    /// The passenger whose seat a tap on the map sets.
    pub fn seat_passenger(&self, engine: &Engine) -> Option<PassengerId> {
        let seated = seated(engine);
        self.seat_for
            .filter(|id| seated.contains(id))
            .or_else(|| seated.first().copied())
    }

}

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, entry: &Entry) -> Self {
        State::new(entry.speaking)
    }

    fn update(&mut self, message: Message, engine: &Engine) -> Outcome {
        match message {
            Message::SeatFor(id) => {
                self.seat_for = Some(id);
                Outcome::Touched
            }
            Message::SeatList(list) => {
                self.list = list;
                Outcome::Touched
            }
            Message::Seat(seat) => match self.seat_passenger(engine) {
                Some(passenger) => Outcome::Engine(Event::ChooseSeat { passenger, seat }),
                None => Outcome::None,
            },
            Message::Go(event) => Outcome::Engine(event),
            Message::Scrolled => Outcome::None,
        }
    }

    fn answered(&mut self, event: &Event, effects: &[Effect], engine: &Engine) {
        let held = effects
            .iter()
            .any(|e| matches!(e, Effect::AssignSeats { .. }));
        self.chosen(event, held, engine);
    }

    /// The seat list and the map are two sets of buttons, and so is the exit-row question.
    fn layout(&self, engine: &Engine) -> u8 {
        let asking = engine.session().exit_question.is_some();
        self.list as u8 | (asking as u8) << 1
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let heading = heading(d, booking.legs.get(s.leg));
        let mut content = column![heading].spacing(theme::gap::ROW);
        if let Some((asked, seat)) = s.exit_question {
            return content.push(exit_question(d, engine, asked, seat)).into();
        }
        // Whose seat a tap sets; each passenger choosing has a number, which the map marks
        // their seats with.
        let current = self.seat_passenger(engine);
        let seated: Vec<&Passenger> = s
            .selected
            .iter()
            .filter_map(|id| booking.passenger(*id))
            .filter(|p| p.needs_seat())
            .collect();
        content = content.push(who_chooses(d, &seated, current, s.leg));
        let Some(map) = &s.seat_map else {
            return content.push(d.body(d.t("identify-reading"))).into();
        };
        let seat_of = |p: &Passenger| p.legs.get(s.leg).and_then(|l| l.seat);
        let party: Vec<(Seat, char)> = seated
            .iter()
            .enumerate()
            .filter_map(|(n, p)| {
                seat_of(p).map(|seat| (seat, char::from_digit(n as u32 + 1, 36).unwrap_or('•')))
            })
            .collect();
        let chooser = current.and_then(|id| booking.passenger(id));
        let compartment = chooser
            .and_then(|p| p.legs.get(s.leg))
            .map_or('Y', |l| l.compartment);
        content = content.push(legend(d));
        let (id, list) = match self.list {
            true => ("seats-map", false),
            false => ("seats-list", true),
        };
        let toggle = d.labelled(d.t(id), Message::SeatList(list), ButtonKind::Secondary);
        let cabin = if self.list {
            cabin(None, seat_list_view(d, map, compartment, &party))
        } else {
            let seat = chooser.and_then(seat_of);
            let (letters, canvas) = seat_map(d, map, compartment, party, seat);
            cabin(Some(letters), canvas)
        };
        let keep = d.next_button(d.t("seats-keep"), Message::Go(Event::ConfirmSeats));
        // A narrow (portrait) screen gives the map the whole width, the buttons a line below it.
        if d.narrow() {
            let buttons = d.look().dir_row(vec![
                container(toggle).width(Length::FillPortion(1)).into(),
                container(keep).width(Length::FillPortion(1)).into(),
            ]);
            return content
                .push(cabin)
                .push(buttons.spacing(theme::gap::BLOCK))
                .into();
        }
        let side = column![toggle, Space::new().height(Length::Fill), keep]
            .spacing(theme::gap::BLOCK)
            .height(Length::Fill)
            // On a narrow screen (1024 wide) the map keeps room for all its columns.
            .width(Length::Fixed(side_wide(d)));
        let row = d.look().dir_row(vec![cabin, side.into()]);
        content
            .push(row.align_y(Alignment::Start).height(Length::Fill))
            .into()
    }
}

/// The buttons' column beside the map on a wide screen (narrower at 1024 wide, so that the
/// map keeps room for all its columns).
fn side_wide<M: Clone>(d: &Draw<M>) -> f32 {
    if d.room().width < 1200.0 {
        340.0
    } else {
        SIDE_WIDE
    }
}

/// "Choose your seats", and the flight and where it goes.
fn heading<'a>(d: &mut Draw<Message>, leg: Option<&crate::domain::Flight>) -> El<'a, Message> {
    let flight = leg
        .map(|leg| {
            let args = [
                ("flight", leg.designator().into()),
                ("destination", d.city(&leg.destination).into()),
            ];
            d.t_args("seats-flight", &args)
        })
        .unwrap_or_default();
    let flight = d.said(flight, d.sizes().body);
    d.look()
        .dir_row(vec![d.title(d.t("seats-title")), d.look().para(flight)])
        .into()
}

/// An exit-row seat was chosen: can this passenger help in an emergency?
fn exit_question<'a>(
    d: &mut Draw<Message>,
    engine: &Engine,
    asked: PassengerId,
    seat: Seat,
) -> El<'a, Message> {
    let name = passenger(engine.session(), asked)
        .map(|p| p.name.first_name())
        .unwrap_or_default();
    let title = d
        .said(format!("{} — {seat}", d.t("exit-title")), d.sizes().title)
        .font(fonts::BOLD);
    let yes = Message::Go(Event::AnswerExitRow(true));
    let no = Message::Go(Event::AnswerExitRow(false));
    let question = column![
        d.look().para(title),
        d.body(d.t_args("exit-question", &[("name", name.into())])),
        d.look().action_row(vec![
            d.labelled(d.t("exit-yes"), yes, ButtonKind::Primary).into(),
            d.labelled(d.t("exit-no"), no, ButtonKind::Secondary).into(),
        ]),
    ]
    .spacing(theme::gap::BLOCK);
    d.look().panel(question, PanelKind::Notice)
}

/// "Seat for": a button for each passenger who takes a seat, numbered as the map marks
/// their seats, with the seat they hold.
fn who_chooses<'a>(
    d: &mut Draw<Message>,
    seated: &[&Passenger],
    current: Option<PassengerId>,
    leg: usize,
) -> El<'a, Message> {
    let mut who: Vec<El<'a, Message>> = vec![d.txt(d.t("seats-for"), d.sizes().body).into()];
    for (n, passenger) in seated.iter().enumerate() {
        let kind = match Some(passenger.id) == current {
            true => ButtonKind::Selected,
            false => ButtonKind::Secondary,
        };
        let seat = passenger.legs.get(leg).and_then(|l| l.seat);
        let seat = seat.map(|s| format!("  {s}")).unwrap_or_default();
        let label = format!("{} · {}{seat}", n + 1, passenger.name.first_name());
        who.push(
            d.labelled(label, Message::SeatFor(passenger.id), kind)
                .into(),
        );
    }
    d.look().dir_row(who).wrap().into()
}

/// The seat map: its column letters (which stay above the scrolling rows) and its rows, the
/// party's seats numbered, the chooser's own (`current`) marked.
fn seat_map<'a>(
    d: &Draw<Message>,
    map: &'a crate::domain::SeatMap,
    compartment: char,
    party: Vec<(Seat, char)>,
    current: Option<Seat>,
) -> (El<'a, Message>, El<'a, Message>) {
    let palette = d.palette();
    let band = ColumnLetters {
        geometry: Geometry::new(map, compartment),
        palette,
    };
    let band_size = band.size();
    let band = El::from(
        canvas(band)
            .width(Length::Fixed(band_size.width))
            .height(Length::Fixed(band_size.height)),
    )
    .map(Message::Seat);
    let letters = container(container(band).id("seat-letters"))
        .center_x(Length::Fill)
        // As the scrolled map below: its padding, and its scroll bar's room.
        .padding(iced::Padding {
            right: 28.0,
            left: 4.0,
            ..Default::default()
        })
        .into();
    let geometry = Geometry::new(map, compartment).without_header();
    let size = geometry.size();
    let program = SeatCanvas {
        map,
        geometry,
        palette,
        party,
        current,
    };
    let rows = El::from(
        canvas(program)
            .width(Length::Fixed(size.width))
            .height(Length::Fixed(size.height)),
    )
    .map(Message::Seat);
    let rows = container(rows).id("seat-map").center_x(Length::Fill).into();
    (letters, rows)
}

/// The map's rows (or the list) scrolling under the column letters, opened at the
/// passenger's seat.
fn cabin<'a>(letters: Option<El<'a, Message>>, seats: El<'a, Message>) -> El<'a, Message> {
    let rows = scrollable(container(seats).padding(iced::Padding {
        right: 28.0,
        left: 4.0,
        ..Default::default()
    }))
    .id(SEAT_SCROLL)
    .on_scroll(|_| Message::Scrolled)
    .width(Length::Fill)
    .height(Length::Fill);
    match letters {
        Some(letters) => column![letters, rows].height(Length::Fill).into(),
        None => rows.into(),
    }
}

/// The selected passengers who take a seat, in the party's order.
fn seated(engine: &Engine) -> Vec<PassengerId> {
    let s = engine.session();
    let Some(booking) = s.booking.as_ref() else {
        return Vec::new();
    };
    s.selected
        .iter()
        .copied()
        .filter(|id| booking.passenger(*id).is_some_and(|p| p.needs_seat()))
        .collect()
}

/// What the map's colours mean.
fn legend<'a>(d: &mut Draw<Message>) -> El<'a, Message> {
    let p = d.palette();
    let sizes = d.sizes();
    let swatch = |fill: iced::Color, border: iced::Color| -> El<'a, Message> {
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
    let mut items: Vec<El<'a, Message>> = Vec::new();
    for (fill, border, id) in [
        (p.seat_free, p.outline, "legend-free"),
        (p.seat_taken, p.outline, "legend-taken"),
        (p.selected, p.selected, "legend-selected"),
        (p.seat_free, p.seat_exit, "legend-exit"),
    ] {
        items.push(
            d.look()
                .dir_row(vec![
                    swatch(fill, border),
                    d.txt(d.t(id), sizes.small).into(),
                ])
                .spacing(theme::gap::SMALL)
                .into(),
        );
    }
    d.look().action_row(items)
}

/// The accessible alternative to the map: free seats as buttons, row by row.
fn seat_list_view<'a>(
    d: &mut Draw<Message>,
    map: &crate::domain::SeatMap,
    compartment: char,
    party: &[(crate::domain::Seat, char)],
) -> El<'a, Message> {
    let sizes = d.sizes();
    // Seats to a line: the list's width (the map's place: the screen less its sides, and
    // on a wide screen less the buttons beside it) less the row's name.
    let side = if d.room().width < NARROW_BELOW {
        0.0
    } else {
        (if d.room().width < 1200.0 {
            340.0
        } else {
            SIDE_WIDE
        }) + theme::gap::BLOCK
    };
    let room = d.room().width - 2.0 * PAGE_SIDE - side - 32.0 - sizes.name_wide - theme::gap::BLOCK;
    let per_line =
        (((room + theme::gap::SMALL) / (sizes.seat_wide + theme::gap::SMALL)) as usize).max(1);
    let mut list = Column::new().spacing(theme::gap::SMALL);
    for row in map.rows.iter().filter(|r| r.compartment == compartment) {
        let mut heading = d.t_args("seats-row", &[("row", row.number.into())]);
        if row.exit {
            heading = format!("{heading} · {}", d.t("legend-exit"));
        }
        let label: El<'a, Message> = container(d.txt(heading, sizes.small))
            .width(Length::Fixed(sizes.name_wide))
            .align_x(d.start())
            .into();
        let mut items: Vec<El<'a, Message>> = Vec::new();
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
            // Speech says where the seat is: "19A, window, exit row".
            let mut name = vec![label.clone()];
            if d.speaking() {
                name.extend(map.position(*column).map(|p| {
                    d.t(match p {
                        crate::domain::SeatPosition::Window => "speech-seat-window",
                        crate::domain::SeatPosition::Aisle => "speech-seat-aisle",
                        crate::domain::SeatPosition::Middle => "speech-seat-middle",
                    })
                }));
                if row.exit {
                    name.push(d.t("legend-exit"));
                }
            }
            let button = d
                .labelled_as(label, Message::Seat(seat), kind, name.join(", "))
                .width(Length::Fixed(sizes.seat_wide));
            items.push(button.into());
        }
        if !items.is_empty() {
            // The row's label stays beside its seats however many lines they take, each
            // line starting beside it (at the right in Urdu and Arabic: a wrapping row
            // fills its lines from the left).
            let mut lines = Column::new().spacing(theme::gap::SMALL);
            let mut items = items.into_iter().peekable();
            while items.peek().is_some() {
                let line: Vec<El<'a, Message>> = items.by_ref().take(per_line).collect();
                lines = lines.push(d.look().dir_row(line).spacing(theme::gap::SMALL));
            }
            let seats: El<'a, Message> = lines.align_x(d.start()).width(Length::Fill).into();
            list = list.push(
                // In Urdu and Arabic the seats start at the right, beside the row's name
                // (a short row sat at the far left, away from it).
                d.look()
                    .dir_row(vec![
                        label,
                        container(seats)
                            .width(Length::Fill)
                            .align_x(d.start())
                            .into(),
                    ])
                    .align_y(Alignment::Start),
            );
        }
    }
    list.into()
}
