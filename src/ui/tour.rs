//! The screenshot tour: the real kiosk, in a real window, walks itself through every screen
//! with the demo booking KHAN22 and saves each frame as `<screen>-<locale>.png`
//! (`concierge run --windowed --tour DIR --locale ur-PK`; `scripts/screenshots.sh` runs it
//! under Xvfb for English and Urdu). Every other tick takes a picture; the ones between move
//! on, so each picture shows a screen that has been drawn.

use super::input::KeyPress;
use super::message::{Message, TourMessage};
use crate::checkin::{DocumentState, Engine, Event};
use crate::domain::{PassengerId, Seat, SeatStatus};
use chrono::TimeDelta;
use iced::Task;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the tour sees of the kiosk to choose its taps.
pub struct Stage<'a> {
    pub engine: &'a Engine,
    /// Whose seat the seat map sets.
    pub seat_passenger: Option<PassengerId>,
}

/// What one stop of the tour does before its picture is taken.
pub type Action = fn(&Stage, &str) -> Vec<Message>;

/// What the kiosk does for a tick of the tour.
pub enum TourStep {
    /// Nothing now (a picture is being saved).
    Wait,
    /// Take the picture.
    Shoot(Task<Message>),
    /// Send these (the work they lead to done after each, unless `at_work`: the printing
    /// stop is pictured while the printer still works).
    Go {
        messages: Vec<Message>,
        at_work: bool,
    },
    /// The tour is over.
    Exit,
}

pub struct Tour {
    pub dir: PathBuf,
    pub locale: String,
    /// How far the tour has moved the kiosk's clock (to show the idle prompt).
    pub offset: Arc<Mutex<TimeDelta>>,
    stops: Vec<(&'static str, Action)>,
    next: usize,
    /// A stop was reached and waits for its picture.
    shoot: Option<&'static str>,
    /// A picture is being taken: nothing moves until it is saved.
    busy: bool,
    /// Pictures of these screens only (the tour still passes through the others).
    pub only: Option<Vec<String>>,
    /// Time between steps; the screen holds still for one step after each picture.
    pub pace: std::time::Duration,
}

fn typed(text: &str) -> Vec<Message> {
    text.chars()
        .map(|c| Message::keypad(KeyPress::Char(c)))
        .collect()
}

fn exit_seat(k: &Stage) -> Option<Seat> {
    let s = k.engine.session();
    let map = s.seat_map.as_ref()?;
    let passenger = s.booking.as_ref()?.passenger(k.seat_passenger?)?;
    let cabin = passenger.legs.get(s.leg)?.compartment;
    map.rows
        .iter()
        .filter(|r| r.exit && r.compartment == cabin)
        .flat_map(|r| {
            map.columns()
                .into_iter()
                .zip(r.seats.clone())
                .filter(|(_, st)| *st == SeatStatus::Free)
                .map(move |(column, _)| Seat {
                    row: r.number,
                    column,
                })
        })
        .next()
}

/// The tour's stops, in order: each screen's name and the taps that reach it from the one
/// before (the configuration preview walks the same way, unseen).
pub fn stops() -> Vec<(&'static str, Action)> {
    vec![
        ("welcome", |_, _| vec![]),
        ("identify", |_, locale| {
            let mut m = vec![Message::language(locale)];
            m.extend(typed("KHAN22KHAN"));
            m
        }),
        ("greeting", |_, _| vec![Message::find()]),
        ("documents", |_, _| {
            vec![Message::Engine(Event::ConfirmPassengers)]
        }),
        ("seats", |k, _| {
            let s = k.engine.session();
            s.documents
                .iter()
                .filter(|(_, d)| matches!(d, DocumentState::OnFile(_)))
                .map(|(id, _)| Message::Engine(Event::ConfirmDocumentOnFile(*id)))
                .collect()
        }),
        ("seats-list", |_, _| vec![Message::seat_list(true)]),
        ("exit-row", |k, _| {
            let mut m = vec![Message::seat_list(false)];
            m.extend(exit_seat(k).map(Message::seat));
            m
        }),
        ("bags", |k, _| {
            let s = k.engine.session();
            let mut m = vec![
                Message::Engine(Event::AnswerExitRow(false)),
                Message::Engine(Event::ConfirmSeats),
            ];
            m.extend(s.selected.first().map(|id| Message::bags(*id, 1)));
            m
        }),
        ("dangerous-goods", |_, _| {
            vec![Message::Engine(Event::ConfirmBags)]
        }),
        ("review", |_, _| {
            vec![Message::Engine(Event::AcknowledgeDangerousGoods)]
        }),
        ("start-over", |_, _| vec![Message::ask_start_over()]),
        // The picture is taken before the printer's work is done.
        ("printing", |_, _| {
            vec![Message::keep_going(), Message::Engine(Event::ConfirmReview)]
        }),
        ("feedback", |_, _| vec![]),
        ("goodbye", |_, _| {
            vec![Message::Engine(Event::GiveFeedback(5))]
        }),
        // The family, checked in a moment ago, comes back.
        ("checked-in", |_, locale| {
            let mut m = vec![Message::Engine(Event::Finish), Message::language(locale)];
            m.extend(typed("KHAN22KHAN"));
            m.push(Message::find());
            m
        }),
        ("exception", |_, _| {
            let mut m = vec![Message::Engine(Event::Back)];
            m.extend(typed("ZZZZ99SMITH"));
            m.push(Message::find());
            m
        }),
        ("help", |_, _| vec![Message::Engine(Event::Help)]),
        ("idle", |_, _| {
            vec![
                Message::Engine(Event::CancelHelp),
                Message::Engine(Event::Choose(crate::checkin::Choice::AnotherWay)),
                Message::Tour(TourMessage::Idle),
            ]
        }),
        // The demo's staff member signs in (staff screens are in English).
        ("staff", |_, _| {
            let mut m = vec![Message::Engine(Event::MoreTime)];
            m.extend(std::iter::repeat_n(Message::staff_gesture(), 5));
            m.extend(
                "1001"
                    .chars()
                    .map(|c| Message::staff_key(KeyPress::Char(c))),
            );
            m.push(Message::staff_sign_in());
            m.extend(
                "2468"
                    .chars()
                    .map(|c| Message::staff_key(KeyPress::Char(c))),
            );
            m.push(Message::staff_sign_in());
            m.push(Message::Engine(Event::Help));
            m
        }),
    ]
}

impl Tour {
    pub fn new(dir: PathBuf, locale: String, offset: Arc<Mutex<TimeDelta>>) -> Tour {
        let stops = stops();
        Tour {
            dir,
            locale,
            offset,
            stops,
            next: 0,
            shoot: None,
            busy: false,
            only: None,
            pace: std::time::Duration::from_millis(700),
        }
    }
}

impl Tour {
    /// One tick of the tour: take the picture of the stop reached, or move to the next stop.
    /// Has the tour left its first stop?
    pub fn started(&self) -> bool {
        self.next > 0
    }

    pub fn step(&mut self, stage: &Stage) -> TourStep {
        if self.busy {
            return TourStep::Wait;
        }
        let only = &self.only;
        let wanted = |name: &str| only.as_ref().is_none_or(|o| o.iter().any(|n| n == name));
        if let Some(name) = self.shoot.take().filter(|n| wanted(n)) {
            self.busy = true;
            let path = self.dir.join(format!("{name}-{}.png", self.locale));
            return TourStep::Shoot(
                iced::window::latest()
                    .and_then(iced::window::screenshot)
                    .map(move |shot| {
                        match save_png(&path, &shot) {
                            Ok(()) => println!("{}", path.display()),
                            Err(e) => eprintln!("{}: {e}", path.display()),
                        }
                        Message::Tour(TourMessage::Shot)
                    }),
            );
        }
        let Some((name, action)) = self.stops.get(self.next).copied() else {
            return TourStep::Exit;
        };
        self.next += 1;
        self.shoot = Some(name);
        TourStep::Go {
            messages: action(stage, &self.locale),
            at_work: name == "printing",
        }
    }

    /// The picture is saved: the tour may move on.
    pub fn shot(&mut self) {
        self.busy = false;
    }

    /// Moves the tour's clock on by `by` (past the idle time, so the prompt shows).
    pub fn advance(&self, by: TimeDelta) {
        if let Ok(mut offset) = self.offset.lock() {
            *offset += by;
        }
    }
}

fn save_png(path: &std::path::Path, shot: &iced::window::Screenshot) -> std::io::Result<()> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut encoder = png::Encoder::new(file, shot.size.width, shot.size.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(std::io::Error::other)?;
    writer
        .write_image_data(&shot.rgba)
        .map_err(std::io::Error::other)?;
    writer.finish().map_err(std::io::Error::other)
}

/// A clock that runs with the system's, plus what the tour adds.
pub fn tour_clock(offset: Arc<Mutex<TimeDelta>>) -> super::options::Clock {
    Arc::new(move || chrono::Utc::now() + offset.lock().map(|o| *o).unwrap_or_default())
}
