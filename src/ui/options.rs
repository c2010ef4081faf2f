//! What the kiosk is built with: what it talks to ([`Backend`]), what the operator decides
//! about its screens ([`Options`]) and where its time comes from ([`Clock`]).

use crate::dcs::DepartureControl;
use crate::domain::Timestamp;
use crate::print::Printer;
use crate::runtime::Paging;
use std::sync::Arc;

/// What the kiosk talks to: the airline system, the printer, the pager and the service metrics.
pub struct Backend {
    /// Shared with the thread that waits for its answers.
    pub dcs: Arc<dyn DepartureControl>,
    /// Shared with the thread that prints (a hung print server must not freeze the screen).
    pub printer: Arc<dyn Printer>,
    pub pager: Arc<dyn Paging>,
    pub metrics: Arc<dyn crate::metrics::Metrics>,
    /// Staff mode's gate (staff list, PIN lockout, action log); `None`: no staff mode.
    pub gate: Option<Arc<crate::staff::Gate>>,
    /// The voice of speech mode (`[speech] voice`); `None`: no speech mode.
    pub voice: Option<Arc<dyn crate::speech::Voice>>,
    /// Links to boarding passes on a phone (`NoPhonePasses`: no QR).
    pub passes: Arc<dyn crate::wallet::PassLinks>,
    /// The airport's CUSS 2 platform, when the kiosk is one of its applications (its devices
    /// then come from the platform: `[devices] platform = "cuss2"`).
    pub platform: Option<crate::cuss2::Platform>,
    /// How the devices are, for the kiosk's heartbeats to its desk.
    pub health: Arc<crate::fleet::Health>,
}

/// What the operator decides about the screens.
#[derive(Debug, Clone)]
pub struct Options {
    pub airline: String,
    /// Languages offered on Welcome, in the operator's order; the first is the default.
    pub locales: Vec<String>,
    /// Shown as a QR code after a good feedback score.
    pub review_url: Option<String>,
    /// The airline's colours (`[branding]`): main buttons and the bars.
    pub primary: Option<String>,
    pub bar: Option<String>,
    /// The language of staff mode.
    pub staff_locale: String,
    /// The airline's logo and welcome image, general and per locale.
    pub pictures: crate::config::branding::Pictures,
    /// The tactile keypad's keys, where they differ from the defaults (`[keypad]`).
    pub keypad: Vec<(crate::config::KeypadFunction, String)>,
    /// The screen goes dark while a passenger uses speech (`[speech] blank_screen`).
    pub blank_in_speech: bool,
}

/// What the operator's config says of the screens.
impl From<&crate::config::Config> for Options {
    fn from(config: &crate::config::Config) -> Options {
        Options {
            airline: config.branding.name.clone(),
            locales: config.locales.offered.clone(),
            review_url: config.branding.review_url.clone(),
            primary: config.branding.primary.clone(),
            bar: config.branding.bar.clone(),
            staff_locale: config.locales.staff.clone(),
            pictures: config.branding.pictures.clone(),
            keypad: config.keypad.keys.clone(),
            blank_in_speech: config.speech.blank_screen,
        }
    }
}

impl Options {
    pub fn demo() -> Options {
        Options {
            airline: "Northwind Airways".into(),
            locales: crate::i18n::screen_locales(),
            review_url: Some("https://northwind.example/review".into()),
            primary: None,
            bar: None,
            staff_locale: crate::i18n::FALLBACK.into(),
            pictures: Default::default(),
            keypad: Vec::new(),
            blank_in_speech: false,
        }
    }
}

/// Where the time comes from (tests set it by hand).
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(chrono::Utc::now)
}
