//! The screenshot tour: the real kiosk, in a real window, walks itself through every screen
//! with the demo booking KHAN22 and saves each frame as `<screen>-<locale>.png`
//! (`concierge run --windowed --tour DIR --locale ur-PK`; `scripts/screenshots.sh` runs it
//! under Xvfb for English and Urdu). Every other tick takes a picture; the ones between move
//! on, so each picture shows a screen that has been drawn.

use super::{Kiosk, Message};
use crate::checkin::{DocumentState, Event};
use crate::domain::{Seat, SeatStatus};
use chrono::TimeDelta;
use iced::Task;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What moves the tour on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourMessage {
    /// The tour's clock: on to the next stop (or its picture).
    Next,
    /// Show the idle prompt (the tour moves the kiosk's clock on).
    Idle,
    /// A picture was saved.
    Shot,
}

/// What one stop of the tour does before its picture is taken.
type Action = fn(&Kiosk) -> Vec<Message>;

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
        .map(|c| Message::Keypad(super::KeyPress::Char(c)))
        .collect()
}

fn exit_seat(k: &Kiosk) -> Option<Seat> {
    let s = k.engine().session();
    let map = s.seat_map.as_ref()?;
    let passenger = s.booking.as_ref()?.passenger(k.seat_passenger()?)?;
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

impl Tour {
    pub fn new(dir: PathBuf, locale: String, offset: Arc<Mutex<TimeDelta>>) -> Tour {
        let stops: Vec<(&'static str, Action)> = vec![
            ("welcome", |_| vec![]),
            ("identify", |k| {
                let mut m = vec![Message::Language(k.tour_locale())];
                m.extend(typed("KHAN22KHAN"));
                m
            }),
            ("greeting", |_| vec![Message::Find]),
            ("documents", |_| {
                vec![Message::Engine(Event::ConfirmPassengers)]
            }),
            ("seats", |k| {
                let s = k.engine().session();
                s.documents
                    .iter()
                    .filter(|(_, d)| matches!(d, DocumentState::OnFile(_)))
                    .map(|(id, _)| Message::Engine(Event::ConfirmDocumentOnFile(*id)))
                    .collect()
            }),
            ("seats-list", |_| vec![Message::SeatList(true)]),
            ("exit-row", |k| {
                let mut m = vec![Message::SeatList(false)];
                m.extend(exit_seat(k).map(Message::Seat));
                m
            }),
            ("bags", |k| {
                let s = k.engine().session();
                let mut m = vec![
                    Message::Engine(Event::AnswerExitRow(false)),
                    Message::Engine(Event::ConfirmSeats),
                ];
                m.extend(s.selected.first().map(|id| Message::Bags(*id, 1)));
                m
            }),
            ("dangerous-goods", |_| {
                vec![Message::Engine(Event::ConfirmBags)]
            }),
            ("review", |_| {
                vec![Message::Engine(Event::AcknowledgeDangerousGoods)]
            }),
            ("start-over", |_| vec![Message::AskStartOver]),
            // The picture is taken before the printer's work is done.
            ("printing", |_| {
                vec![Message::KeepGoing, Message::Engine(Event::ConfirmReview)]
            }),
            ("feedback", |_| vec![]),
            ("goodbye", |_| vec![Message::Engine(Event::GiveFeedback(5))]),
            ("exception", |k| {
                let mut m = vec![
                    Message::Engine(Event::Finish),
                    Message::Language(k.tour_locale()),
                ];
                m.extend(typed("ZZZZ99SMITH"));
                m.push(Message::Find);
                m
            }),
            ("help", |_| vec![Message::Engine(Event::Help)]),
            ("idle", |_| {
                vec![
                    Message::Engine(Event::CancelHelp),
                    Message::Engine(Event::Choose(crate::checkin::Choice::AnotherWay)),
                    Message::Tour(TourMessage::Idle),
                ]
            }),
            // The demo's staff member signs in (staff screens are in English).
            ("staff", |_| {
                let mut m = vec![Message::Engine(Event::MoreTime)];
                m.extend(std::iter::repeat_n(Message::StaffGesture, 5));
                m.extend(
                    "1001"
                        .chars()
                        .map(|c| Message::StaffKey(super::KeyPress::Char(c))),
                );
                m.push(Message::StaffSignIn);
                m.extend(
                    "2468"
                        .chars()
                        .map(|c| Message::StaffKey(super::KeyPress::Char(c))),
                );
                m.push(Message::StaffSignIn);
                m.push(Message::Engine(Event::Help));
                m
            }),
        ];
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

impl Kiosk {
    fn tour_locale(&self) -> String {
        self.tour
            .as_ref()
            .map(|t| t.locale.clone())
            .unwrap_or_else(|| self.options.locales[0].clone())
    }

    /// One tick of the tour: take the picture of the stop reached, or move to the next stop.
    pub(super) fn tour_step(&mut self) -> Task<Message> {
        let Some(tour) = self.tour.as_mut() else {
            return Task::none();
        };
        if tour.busy {
            return Task::none();
        }
        let wanted = |name: &str| {
            tour.only
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| o == name))
        };
        if let Some(name) = tour.shoot.take().filter(|n| wanted(n)) {
            tour.busy = true;
            let path = tour.dir.join(format!("{name}-{}.png", tour.locale));
            return iced::window::latest()
                .and_then(iced::window::screenshot)
                .map(move |shot| {
                    match save_png(&path, &shot) {
                        Ok(()) => println!("{}", path.display()),
                        Err(e) => eprintln!("{}: {e}", path.display()),
                    }
                    Message::Tour(TourMessage::Shot)
                });
        }
        let Some((name, action)) = tour.stops.get(tour.next).copied() else {
            return iced::exit();
        };
        tour.next += 1;
        tour.shoot = Some(name);
        let mut tasks = Vec::new();
        for message in action(self) {
            // The printing stop is pictured while the printer still works.
            if name != "printing" {
                self.settle();
            }
            tasks.push(self.apply(message));
        }
        if name != "printing" {
            self.settle();
        }
        Task::batch(tasks)
    }

    /// The picture is saved: the tour may move on.
    pub(super) fn tour_shot(&mut self) {
        if let Some(tour) = self.tour.as_mut() {
            tour.busy = false;
        }
    }

    /// Moves the tour's clock past the idle time, so the prompt shows.
    pub(super) fn tour_idle(&mut self) {
        let idle = self.engine.settings().idle + TimeDelta::seconds(1);
        if let Some(tour) = &self.tour
            && let Ok(mut offset) = tour.offset.lock()
        {
            *offset += idle;
        }
        self.poll_help();
        self.dispatch(crate::checkin::Event::Tick);
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
pub fn tour_clock(offset: Arc<Mutex<TimeDelta>>) -> super::Clock {
    Arc::new(move || chrono::Utc::now() + offset.lock().map(|o| *o).unwrap_or_default())
}
