//! What a key means on the kiosk now. Keys move the focus ring (Tab, the arrows, in the
//! reading direction), Enter presses the focused button or submits a field, Escape answers a
//! prompt; typed text goes to the screen's field, or to staff sign-in. A scanner types a
//! passport's machine-readable zone or a boarding-pass barcode as lines ending in Enter: those
//! are recognised on any screen, and what the line typed into a field is taken back.

use super::draw::Record;
use super::input::{Field, Key, KeyPress, Line, Typed};
use super::message::Message;
use crate::checkin::{Event, Identification, Step};
use crate::documents::Scan;
use crate::domain::Timestamp;

/// What the screen's typing was before a scanner's line began.
type Typing = Option<(Typed, Option<Field>)>;

/// The keyboard's side of the visit: a scanner's line in the making.
#[derive(Debug, Default)]
pub struct Keys {
    line: Line<Typing>,
}

/// What the kiosk is like as a key comes.
pub struct Facts<'a> {
    pub rtl: bool,
    /// The screen's buttons in focus order.
    pub record: &'a Record<Message>,
    pub focus: Option<usize>,
    pub staff_open: bool,
    pub staff_signed_in: bool,
    /// "Start over?" is asked.
    pub confirming: bool,
    /// "Need more time?" is asked.
    pub idle_prompt: bool,
    /// The screen takes typed text into a field.
    pub typing: bool,
    /// What the screen's fields hold now.
    pub typed: Typing,
    pub now: Timestamp,
}

/// What the kiosk is to do for a key, in order.
#[derive(Debug)]
pub enum Deed {
    Focus(Option<usize>),
    /// Help, or more time.
    Engine(Event),
    /// "Start over?" answered no.
    KeepGoing,
    StaffKey(KeyPress),
    /// A scan landed in staff sign-in: its fields are emptied.
    StaffClear,
    /// A key into the screen's field.
    Press(KeyPress),
    /// The focused button (or staff's Sign in).
    Apply(Message),
    /// Enter on a button that does nothing now: speech says it again.
    Repeat,
    /// Enter in a field: the screen's own action (Find, Send).
    Submit,
    /// The fields as they were before a scanner's line.
    Restore((Typed, Option<Field>)),
    Scanned(Scan),
}

impl Keys {
    /// A new screen: a half-typed scanner line is forgotten.
    pub fn forget(&mut self) {
        self.line.forget();
    }

    /// An identification went to the engine: a scan in the making is over.
    pub fn identified(&mut self) {
        self.line.scan.clear();
    }

    /// What `key` means; `badge` opens staff sign-in for a staff badge's line (`true`).
    pub fn key(&mut self, key: Key, f: Facts, badge: &mut dyn FnMut(&str) -> bool) -> Vec<Deed> {
        let n = f.record.buttons.len() as i32;
        let step = |by: i32| {
            Deed::Focus((n > 0).then(|| match f.focus {
                None if by > 0 => 0,
                None => (n - 1) as usize,
                Some(i) => (i as i32 + by).rem_euclid(n) as usize,
            }))
        };
        let ahead = if f.rtl { -1 } else { 1 };
        let deed = match key {
            Key::Help => Deed::Engine(Event::Help),
            Key::Next => step(1),
            Key::Previous => step(-1),
            Key::Right => step(ahead),
            Key::Left => step(-ahead),
            Key::Escape if f.confirming => Deed::KeepGoing,
            Key::Escape if f.idle_prompt => Deed::Engine(Event::MoreTime),
            Key::Escape => Deed::Focus(None),
            Key::Backspace if f.staff_open => Deed::StaffKey(KeyPress::Backspace),
            Key::Text(text) if f.staff_open => {
                // Staff's keys never reach the passenger's fields. Typing (not a scanner's
                // line) goes to the sign-in fields.
                self.line.text.push_str(&text);
                if f.staff_signed_in {
                    return Vec::new();
                }
                return text
                    .chars()
                    .map(|c| Deed::StaffKey(KeyPress::Char(c)))
                    .collect();
            }
            Key::Backspace => {
                self.line.text.pop();
                Deed::Press(KeyPress::Backspace)
            }
            Key::Text(text) => {
                let typed = f.typed.clone();
                self.line.typed(&text, f.now, || typed);
                if !f.typing {
                    return Vec::new();
                }
                return text
                    .chars()
                    .map(|c| Deed::Press(KeyPress::Char(c)))
                    .collect();
            }
            Key::Enter => return self.enter(f, badge),
            // Speech's keys, with no voice: nothing.
            Key::Speech | Key::Repeat | Key::Pause | Key::Rate(_) | Key::Volume(_) => {
                return Vec::new();
            }
        };
        vec![deed]
    }

    /// Enter ends a scanner's line, or presses the focused button, or submits a field.
    fn enter(&mut self, f: Facts, badge: &mut dyn FnMut(&str) -> bool) -> Vec<Deed> {
        let line = std::mem::take(&mut self.line.text);
        let start = self.line.start.take().flatten();
        let focused = f.focus.and_then(|i| f.record.buttons.get(i));
        if f.staff_open {
            // A badge scanned at the prompt fills in its owner; any other scanner line
            // (a passport, a boarding pass) is dropped rather than typed into the PIN prompt.
            if badge(&line) {
                return Vec::new();
            }
            if line.chars().count() >= 20 || line.contains('<') {
                return vec![Deed::StaffClear];
            }
            return vec![match focused.filter(|n| !n.disabled) {
                Some(named) => Deed::Apply(named.message.clone()),
                None => Deed::Apply(Message::staff_sign_in()),
            }];
        }
        // What a scanner's line typed into a field is taken back.
        let mut deeds: Vec<Deed> = start.into_iter().map(Deed::Restore).collect();
        // A staff badge, scanned on any screen.
        if !line.is_empty() && badge(&line) {
            return deeds;
        }
        // A machine-readable zone's lines are long and padded with '<'; typing is not.
        let scanning =
            !self.line.scan.is_empty() || (line.chars().count() >= 30 && line.contains('<'));
        if !line.is_empty()
            && let Some(scan) = self.line.scan.push_line(&line, f.now.date_naive())
        {
            deeds.push(Deed::Scanned(scan));
            return deeds;
        }
        if !self.line.scan.is_empty() || scanning {
            // The first line(s) of a machine-readable zone: wait for the rest.
            return deeds;
        }
        vec![match focused {
            Some(named) if named.disabled => Deed::Repeat,
            Some(named) => Deed::Apply(named.message.clone()),
            None => Deed::Submit,
        }]
    }
}

/// What the engine hears of a scan on `step`; `None` where the step takes no such scan.
pub fn scan_event(scan: Scan, step: Step) -> Option<Event> {
    Some(match scan {
        Scan::Document(doc) => match step {
            Step::Identify => Event::Identify(Identification::Document(*doc)),
            Step::Documents => Event::DocumentScanned(*doc),
            _ => return None,
        },
        Scan::Unreadable(e) => Event::DocumentUnreadable(e.message_id()),
        Scan::BoardingPass(pass) if step == Step::Identify => {
            Event::Identify(Identification::BoardingPass {
                reference: pass.legs.first().map(|l| l.pnr.clone()).unwrap_or_default(),
                surname: pass.surname().to_string(),
            })
        }
        Scan::BoardingPass(_) => return None,
    })
}
