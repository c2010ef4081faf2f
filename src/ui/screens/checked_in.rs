//! Checked in already (online, or at an earlier visit): the party as the airline holds it —
//! seats and the bags already tagged — and what there is to do: print the boarding passes
//! again, check more bags, choose another seat.

use crate::checkin::{Engine, Event};
use crate::domain::PassengerType;
use crate::ui::draw::{Draw, El, PhoneCodes, Tap, greeted, passenger, scroll};
use crate::ui::fonts;
use crate::ui::part::{Entry, Part, Scene};
use crate::ui::theme::{self, ButtonKind, PanelKind};
use iced::Length;
use iced::widget::{Space, column, text};

/// What the passenger can do here: the engine's events.
pub type Message = Tap;

/// Checked-in keeps only the QR codes of the passes on a phone, once asked for and come: the
/// check-in is the airline's.
#[derive(Debug, Default)]
pub struct State {
    phone: PhoneCodes,
}

impl Part for State {
    type Message = Message;

    fn enter(_: &Engine, _: &Entry) -> Self {
        State::default()
    }

    fn view<'a>(&'a self, scene: Scene<'a>, d: &mut Draw<Message>) -> El<'a, Message> {
        let engine = scene.engine;
        let s = engine.session();
        let sizes = d.sizes();
        let Some(booking) = &s.booking else {
            return Space::new().into();
        };
        let first = greeted(s).unwrap_or_default();
        let narrow = d.narrow();
        let mut content = column![
            d.title(d.t_args("checked-in-title", &[("name", first.into())])),
            d.body(d.t("checked-in-body")),
        ]
        .spacing(theme::gap::ITEMS);
        let mut cards: Vec<El<'a, Message>> = Vec::new();
        for id in &s.selected {
            let Some(p) = passenger(s, *id) else {
                continue;
            };
            let mut facts: Vec<String> = booking
                .legs
                .iter()
                .zip(&p.legs)
                .filter(|_| p.needs_seat())
                .map(|(flight, leg)| {
                    let seat = leg
                        .checked_in
                        .as_ref()
                        .and_then(|r| r.seat)
                        .or(leg.seat)
                        .map(|seat| seat.to_string())
                        .unwrap_or_else(|| "—".into());
                    d.t_args(
                        "checked-in-seat",
                        &[
                            ("flight", flight.designator().into()),
                            ("seat", seat.into()),
                        ],
                    )
                })
                .collect();
            if p.kind != PassengerType::Infant || p.baggage_allowance > 0 {
                let bags = engine.bags_checked(*id);
                facts.push(d.t_args("checked-in-bags", &[("count", bags.into())]));
            }
            d.heard(&format!("{}: {}", p.name.display(), facts.join(", ")));
            let name = d
                .look()
                .para(text(p.name.display()).size(sizes.button).font(fonts::BOLD));
            // Side by side where there is room; on a narrow (portrait) panel, one under another.
            let card: El<'a, Message> = if narrow {
                let mut lines = column![name].spacing(theme::gap::TIGHT);
                for f in facts {
                    lines = lines.push(d.look().para(d.txt(f, sizes.body)));
                }
                lines.into()
            } else {
                let mut row: Vec<El<'a, Message>> = vec![name];
                row.extend(facts.into_iter().map(|f| d.txt(f, sizes.body).into()));
                d.look().dir_row(row).spacing(theme::gap::COLUMNS).into()
            };
            cards.push(d.look().panel(card, PanelKind::Card));
        }
        let now = d.now();
        let mut choices: Vec<El<'a, Message>> = Vec::new();
        // The first choice is the primary one: the passes again, or at a bag drop the bags.
        let width = if narrow { Length::Fill } else { Length::Shrink };
        if engine.reprints_here() {
            choices.push(
                d.labelled_wide(
                    d.t_args("checked-in-reprint", &[("count", s.selected.len().into())]),
                    Message::Go(Event::Reprint),
                    ButtonKind::Primary,
                    width,
                )
                .into(),
            );
        }
        if engine.can_add_bags(now) {
            let kind = if choices.is_empty() {
                ButtonKind::Primary
            } else {
                ButtonKind::Secondary
            };
            choices.push(
                d.labelled_wide(
                    d.t("checked-in-add-bags"),
                    Message::Go(Event::AddBags),
                    kind,
                    width,
                )
                .into(),
            );
        }
        if engine.can_change_seat(now) {
            choices.push(
                d.labelled_wide(
                    d.t("checked-in-change-seat"),
                    Message::Go(Event::ChangeSeat),
                    ButtonKind::Secondary,
                    width,
                )
                .into(),
            );
        }
        let phone = self.phone.get(s);
        if engine.settings().phone_passes && !engine.settings().bag_drop && phone.is_none() {
            choices.push(
                d.labelled_wide(
                    d.t(if s.phone_asked {
                        "phone-pass-waiting"
                    } else {
                        "checked-in-phone"
                    }),
                    Message::Go(Event::PassOnPhone),
                    ButtonKind::Secondary,
                    width,
                )
                .into(),
            );
        }
        let actions: El<'a, Message> = if choices.is_empty() {
            // A bag drop with no allowance left (or its bags closed): say so, Help is there.
            d.look()
                .panel(d.body(d.t("bag-drop-nothing")), PanelKind::Notice)
        } else if narrow {
            column(choices).spacing(theme::gap::ITEMS).into()
        } else if choices.len() > 3 {
            // Four choices in a long language do not fit one line (a button was squeezed into
            // three): the fourth starts the next, where lines start.
            let rest = choices.split_off(3);
            column![d.look().action_row(choices), d.look().action_row(rest)]
                .spacing(theme::gap::ITEMS)
                .into()
        } else {
            d.look().action_row(choices)
        };
        // On a narrow (portrait) panel the choices come first, above the party's cards, so
        // that a family's list does not push them out of view.
        if narrow {
            content = content.push(actions);
            if let Some(codes) = phone {
                content = content.push(d.phone_codes(s, codes));
            }
            content = content.extend(cards);
        } else {
            content = content.extend(cards).push(actions);
            if let Some(codes) = phone {
                content = content.push(d.phone_codes(s, codes));
            }
        }
        scroll(content)
    }
}
