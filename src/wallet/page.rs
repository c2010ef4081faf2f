//! The pass as a plain web page, for any phone: each leg's card and the PDF417 (inline SVG:
//! the desk's policy allows no inline style or script, and a phone needs nothing else).

use super::PhonePass;
use crate::desk::page::esc;
use crate::i18n::Messages;
use fluent_bundle::FluentValue;

/// `/pass.css` (the policy allows no inline style). The Arabic-script and Devanagari faces
/// are the service's own (`/pass-fonts/…`): a phone may have none that covers Urdu.
pub const STYLE: &str = "@font-face{font-family:PassNaskh;src:url(/pass-fonts/naskh.ttf);\
unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF}\
@font-face{font-family:PassDevanagari;src:url(/pass-fonts/devanagari.ttf);unicode-range:U+0900-097F,U+A8E0-A8FF}\
body{font-family:system-ui,sans-serif,PassNaskh,PassDevanagari;margin:0;background:#0b2545;color:#111}\
html:lang(ur) body,html:lang(ar) body{font-family:PassNaskh,system-ui,sans-serif;line-height:1.7}\
main{max-width:520px;margin:auto;padding:12px}\
.pass{background:#fff;border-radius:14px;padding:14px 16px;margin:0 0 12px}\
.top{display:flex;justify-content:space-between;align-items:baseline;gap:8px;border-bottom:1px solid #ddd;padding-bottom:8px}\
.airline{font-weight:700;color:#0b2545}.flight{font-size:20px;font-weight:700}\
.route{display:flex;align-items:center;justify-content:space-between;margin:12px 0}\
.route b{display:block;font-size:34px;letter-spacing:1px}.route span{color:#555}.arrow{font-size:26px;color:#0b2545}\
.end{text-align:end}\
dl{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px 12px;margin:0}\
dt{font-size:12px;color:#555;text-transform:uppercase}dd{margin:0;font-size:18px;font-weight:600;overflow-wrap:anywhere}\
dd.name{font-size:16px}.wide{grid-column:1/-1}\
.code{background:#fff;border-radius:14px;padding:16px;margin:0 0 12px;text-align:center}\
.code svg{width:100%;height:auto;max-width:480px}.code p{margin:10px 0 0;color:#333}\
.wallets{display:flex;flex-direction:column;gap:10px;margin:0 0 12px}\
.wallets a{display:block;text-align:center;padding:14px;border-radius:10px;background:#000;color:#fff;text-decoration:none;font-weight:600}\
.note{color:#dfe6ee;font-size:14px;text-align:center}\
.gone{background:#fff;border-radius:14px;padding:18px;margin-top:24px}.gone h1{font-size:22px;margin:0 0 8px}";

/// What the page's words come from: the built-in messages, in the passenger's language.
pub struct Words<'a> {
    pub messages: &'a Messages,
    pub locale: &'a str,
}

impl Words<'_> {
    fn t(&self, id: &str) -> String {
        esc(&self.messages.get(self.locale, id, &[]))
    }

    fn t_with(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        esc(&self.messages.get(self.locale, id, args))
    }

    fn head(&self, title: &str) -> String {
        let dir = match crate::i18n::direction(self.locale) {
            crate::i18n::Direction::RightToLeft => "rtl",
            crate::i18n::Direction::LeftToRight => "ltr",
        };
        format!(
            "<!doctype html><html lang=\"{}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
             <meta name=\"robots\" content=\"noindex\"><title>{title}</title>\
             <link rel=\"stylesheet\" href=\"/pass.css\"></head><body><main>",
            esc(self.locale)
        )
    }
}

/// What the page offers besides the pass itself.
pub struct Offers {
    /// `(label, href)` of each wallet link.
    pub wallets: Vec<(&'static str, String)>,
    pub uses_left: u8,
    /// `HH:MM` (the origin's time) the link stops working.
    pub until: String,
}

/// The pass page.
pub fn pass(w: &Words, pass: &PhonePass, airline: &str, code: &str, offers: &Offers) -> String {
    let mut html = w.head(&w.t("pass-title"));
    let arrow = match crate::i18n::direction(w.locale) {
        crate::i18n::Direction::RightToLeft => "←",
        crate::i18n::Direction::LeftToRight => "→",
    };
    for leg in &pass.legs {
        let seat = match &leg.seat {
            Some(s) => esc(s),
            None => w.t("pass-seat-lap"),
        };
        let gate = match &leg.gate {
            Some(g) => esc(g),
            None => w.t("pass-gate-later"),
        };
        html.push_str(&format!(
            "<section class=\"pass\"><div class=\"top\"><span class=\"airline\">{airline}</span>\
             <span class=\"flight\" dir=\"ltr\">{flight}</span></div>\
             <div class=\"route\"><div><b dir=\"ltr\">{from}</b><span>{from_city}</span></div>\
             <div class=\"arrow\" aria-hidden=\"true\">{arrow}</div>\
             <div class=\"end\"><b dir=\"ltr\">{to}</b><span>{to_city}</span></div></div><dl>\
             <div class=\"wide\"><dt>{l_name}</dt><dd class=\"name\"><bdi dir=\"ltr\">{name}</bdi></dd></div>\
             <div><dt>{l_date}</dt><dd><bdi>{date}</bdi></dd></div>\
             <div><dt>{l_boarding}</dt><dd><bdi dir=\"ltr\">{boarding}</bdi></dd></div>\
             <div><dt>{l_departs}</dt><dd><bdi dir=\"ltr\">{departs}</bdi></dd></div>\
             <div><dt>{l_gate}</dt><dd>{gate}</dd></div>\
             <div><dt>{l_seat}</dt><dd>{seat}</dd></div>\
             <div><dt>{l_seq}</dt><dd><bdi dir=\"ltr\">{seq:03}</bdi></dd></div>\
             <div class=\"wide\"><dt>{l_ref}</dt><dd><bdi dir=\"ltr\">{reference}</bdi></dd></div></dl></section>",
            airline = esc(airline),
            flight = esc(&leg.flight()),
            from = esc(&leg.from),
            from_city = esc(&leg.from_city),
            to = esc(&leg.to),
            to_city = esc(&leg.to_city),
            l_name = w.t("pass-passenger"),
            name = esc(&pass.name),
            l_date = w.t("pass-date"),
            date = esc(&w.messages.date(w.locale, leg.departs.date_naive(), false)),
            l_boarding = w.t("pass-boarding"),
            boarding = leg.boarding.format("%H:%M"),
            l_departs = w.t("pass-departs"),
            departs = leg.departs.format("%H:%M"),
            l_gate = w.t("pass-gate"),
            l_seat = w.t("pass-seat"),
            l_seq = w.t("pass-sequence"),
            seq = leg.sequence,
            l_ref = w.t("pass-reference"),
            reference = esc(&pass.reference),
        ));
    }
    html.push_str(&format!(
        "<figure class=\"code\">{code}<p>{}</p></figure>",
        w.t("pass-show")
    ));
    if !offers.wallets.is_empty() {
        html.push_str("<nav class=\"wallets\">");
        for (label, href) in &offers.wallets {
            html.push_str(&format!("<a href=\"{}\">{}</a>", esc(href), w.t(label)));
        }
        html.push_str("</nav>");
    }
    html.push_str(&format!(
        "<p class=\"note\">{}</p></main></body></html>",
        w.t_with(
            "pass-link-left",
            &[
                ("count", i64::from(offers.uses_left).into()),
                ("time", offers.until.clone().into())
            ]
        )
    ));
    html
}

/// The page of a link that no longer opens (expired, used up, or never issued: a stranger
/// learns nothing from which).
pub fn gone(w: &Words) -> String {
    let mut html = w.head(&w.t("pass-gone-title"));
    html.push_str(&format!(
        "<section class=\"gone\"><h1>{}</h1><p>{}</p></section></main></body></html>",
        w.t("pass-gone-title"),
        w.t("pass-gone")
    ));
    html
}

/// The PDF417 as SVG: one path of its dark modules, each row three modules tall, with a
/// quiet zone of two modules.
pub fn pdf417_svg(rows: &[Vec<bool>]) -> String {
    let cols = rows.first().map_or(0, Vec::len);
    let (q, h) = (2, 3);
    let mut d = String::new();
    for (y, row) in rows.iter().enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] {
                let start = x;
                while x < row.len() && row[x] {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v{h}h-{}z",
                    start + q,
                    y * h + q,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    let (w, ht) = (cols + 2 * q, rows.len() * h + 2 * q);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {ht}\" \
         shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"PDF417\">\
         <rect width=\"{w}\" height=\"{ht}\" fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\"/></svg>"
    )
}
