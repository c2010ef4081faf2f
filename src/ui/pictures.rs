//! The operator's pictures (`[branding]`: the logo and the welcome image, general and per
//! locale), made ready for the renderer once: an SVG is drawn to pixels here, with the kiosk's
//! own fonts.

use super::fonts;
use iced::Length;
use iced::widget::container;

type El<'a, M> = iced::Element<'a, M>;

/// An SVG drawn `px_high` pixels high, as straight (not premultiplied) RGBA.
fn rasterize(svg: &[u8], px_high: f32) -> Option<(u32, u32, Vec<u8>)> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    for face in [fonts::Face::Sans, fonts::Face::SansBold] {
        options.fontdb_mut().load_font_data(face.bytes().to_vec());
    }
    let tree = usvg::Tree::from_data(svg, &options).ok()?;
    let size = tree.size();
    let scale = px_high / size.height().max(1.0);
    let (w, h) = (
        (size.width() * scale).ceil().max(1.0) as u32,
        (size.height() * scale).ceil().max(1.0) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w.min(4096), h.min(4096))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Some((pixmap.width(), pixmap.height(), rgba))
}

/// The logo's height in the top bar, and the welcome image's largest height.
pub const LOGO_HIGH: f32 = 40.0;
pub const WELCOME_HIGH: f32 = 220.0;

/// The operator's pictures as the renderer takes them, general and per locale.
#[derive(Debug, Default, Clone)]
pub struct Pictures {
    logo: Option<Drawn>,
    welcome: Option<Drawn>,
    by_locale: std::collections::BTreeMap<String, (Option<Drawn>, Option<Drawn>)>,
}

#[derive(Debug, Clone)]
enum Drawn {
    /// With its width over height.
    Raster(iced::widget::image::Handle, f32),
    Vector(iced::widget::svg::Handle),
}

impl Drawn {
    /// `px_high`: how many pixels high an SVG is drawn (twice its height on screen, for sharp
    /// edges on dense screens).
    fn of(p: &crate::config::branding::Picture, px_high: f32) -> Drawn {
        use crate::config::branding::Picture;
        // An SVG is drawn to pixels once, here, with the kiosk's own fonts: iced's SVG path
        // would load every system font the first time it draws one (tens of MB, on Welcome).
        if let Picture::Svg(bytes) = p
            && let Some((w, h, rgba)) = rasterize(bytes, px_high)
        {
            return Drawn::Raster(
                iced::widget::image::Handle::from_rgba(w, h, rgba),
                w as f32 / h.max(1) as f32,
            );
        }
        match p {
            Picture::Png {
                width,
                height,
                rgba,
            } => Drawn::Raster(
                iced::widget::image::Handle::from_rgba(*width, *height, rgba.as_ref().clone()),
                p.aspect().unwrap_or(1.0),
            ),
            Picture::Svg(bytes) => Drawn::Vector(iced::widget::svg::Handle::from_memory(
                bytes.as_ref().clone(),
            )),
        }
    }

    /// At `height` logical pixels, as wide as its proportions make it.
    fn element<'a, M: 'a>(&self, height: f32) -> El<'a, M> {
        match self {
            Drawn::Raster(h, aspect) => iced::widget::image(h.clone())
                .height(Length::Fixed(height))
                .width(Length::Fixed(height * aspect))
                .into(),
            Drawn::Vector(h) => iced::widget::svg(h.clone())
                .height(Length::Fixed(height))
                .width(Length::Shrink)
                .into(),
        }
    }
}

impl Pictures {
    pub fn new(p: &crate::config::branding::Pictures) -> Pictures {
        let logo = |o: &Option<crate::config::branding::Picture>| {
            o.as_ref().map(|p| Drawn::of(p, LOGO_HIGH * 2.0))
        };
        let welcome = |o: &Option<crate::config::branding::Picture>| {
            o.as_ref().map(|p| Drawn::of(p, WELCOME_HIGH * 2.0))
        };
        Pictures {
            logo: logo(&p.logo),
            welcome: welcome(&p.welcome),
            by_locale: p
                .by_locale
                .iter()
                .map(|(l, (lg, wl))| (l.clone(), (logo(lg), welcome(wl))))
                .collect(),
        }
    }

    /// The logo for this locale (its own, else the general one).
    pub fn logo<'a, M: 'a>(&self, locale: &str, height: f32) -> Option<El<'a, M>> {
        self.by_locale
            .get(locale)
            .and_then(|(l, _)| l.as_ref())
            .or(self.logo.as_ref())
            .map(|d| d.element(height))
    }

    /// The welcome image for this locale (its own, else the general one), filling the height
    /// its column leaves, up to `max_height`, in its own proportions.
    pub fn welcome_filling<'a, M: 'a>(&self, locale: &str, max_height: f32) -> Option<El<'a, M>> {
        let drawn = self
            .by_locale
            .get(locale)
            .and_then(|(_, w)| w.as_ref())
            .or(self.welcome.as_ref())?;
        let picture: El<'a, M> = match drawn {
            Drawn::Raster(h, _) => iced::widget::image(h.clone())
                .width(Length::Fill)
                .height(Length::Fill)
                .content_fit(iced::ContentFit::Contain)
                .into(),
            Drawn::Vector(h) => iced::widget::svg(h.clone())
                .width(Length::Fill)
                .height(Length::Fill)
                .content_fit(iced::ContentFit::Contain)
                .into(),
        };
        Some(
            container(picture)
                .width(Length::Fill)
                .height(Length::Fill)
                .max_height(max_height)
                .into(),
        )
    }
}
