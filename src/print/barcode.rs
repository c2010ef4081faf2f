//! The barcodes on printed documents, as module grids the PDF draws: PDF417 for boarding passes
//! (IATA 792) and Interleaved 2 of 5 for bag-tag licence plates (IATA 740), both from rxing.

use rxing::{BarcodeFormat, EncodeHints, Writer};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum BarcodeError {
    #[error("the barcode could not be made: {0}")]
    Encode(String),
    #[error("an Interleaved 2 of 5 barcode takes an even number of digits, not {0:?}")]
    NotEvenDigits(String),
}

/// A PDF417 symbol: rows of modules (true = black), each row drawn three modules tall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf417 {
    pub rows: Vec<Vec<bool>>,
}

impl Pdf417 {
    pub fn columns(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }
}

/// Rows the symbol has per codeword row in rxing's output (it repeats each row 4 times).
const RXING_ROW_REPEAT: u32 = 4;

/// Encodes a boarding pass string as PDF417, error correction level 5 (IATA 792 recommends at
/// least that for BCBP).
pub fn pdf417(data: &str) -> Result<Pdf417, BarcodeError> {
    let hints = EncodeHints {
        ErrorCorrection: Some("5".into()),
        Margin: Some("0".into()),
        Pdf417Compaction: Some("0".into()),
        ..Default::default()
    };
    let matrix = rxing::pdf417::PDF417Writer
        .encode_with_hints(data, &BarcodeFormat::PDF_417, 0, 0, &hints)
        .map_err(|e| BarcodeError::Encode(e.to_string()))?;
    let (w, h) = (matrix.getWidth(), matrix.getHeight());
    let rows = (0..h / RXING_ROW_REPEAT)
        .map(|r| {
            (0..w)
                .map(|x| matrix.get(x, r * RXING_ROW_REPEAT))
                .collect()
        })
        .collect();
    Ok(Pdf417 { rows })
}

/// Encodes digits as Interleaved 2 of 5: the module pattern (true = bar), start and stop
/// patterns included, quiet zones not.
pub fn itf(digits: &str) -> Result<Vec<bool>, BarcodeError> {
    if digits.is_empty()
        || !digits.len().is_multiple_of(2)
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(BarcodeError::NotEvenDigits(digits.into()));
    }
    let hints = EncodeHints {
        Margin: Some("0".into()),
        ..Default::default()
    };
    let matrix = rxing::oned::ITFWriter
        .encode_with_hints(digits, &BarcodeFormat::ITF, 0, 1, &hints)
        .map_err(|e| BarcodeError::Encode(e.to_string()))?;
    Ok((0..matrix.getWidth()).map(|x| matrix.get(x, 0)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boarding_pass_string_makes_a_pdf417_that_reads_back() {
        let data = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100";
        let symbol = pdf417(data).unwrap();
        assert!(symbol.rows.len() >= 3 && symbol.columns() > 50);
        // Draw it at 2 px per module, rows 6 px, with a quiet zone, and read it.
        let (m, rh, q) = (2usize, 6usize, 20usize);
        let w = symbol.columns() * m + 2 * q;
        let h = symbol.rows.len() * rh + 2 * q;
        let mut img = vec![255u8; w * h];
        for (r, row) in symbol.rows.iter().enumerate() {
            for (c, black) in row.iter().enumerate() {
                if *black {
                    for y in 0..rh {
                        for x in 0..m {
                            img[(q + r * rh + y) * w + q + c * m + x] = 0;
                        }
                    }
                }
            }
        }
        let result =
            rxing::helpers::detect_in_luma(img, w as u32, h as u32, Some(BarcodeFormat::PDF_417))
                .unwrap();
        assert_eq!(result.getText(), data);
    }

    #[test]
    fn a_licence_plate_makes_an_itf_that_reads_back() {
        let bars = itf("0987100001").unwrap();
        // Start (4) + 5 pairs of 18 modules (narrow 1, wide 3) + stop (5).
        assert_eq!(bars.len(), 4 + 5 * 18 + 5);
        let (m, q, h) = (3usize, 40usize, 60usize);
        let w = bars.len() * m + 2 * q;
        let mut img = vec![255u8; w * h];
        for y in 0..h {
            for (i, bar) in bars.iter().enumerate() {
                if *bar {
                    for x in 0..m {
                        img[y * w + q + i * m + x] = 0;
                    }
                }
            }
        }
        let result =
            rxing::helpers::detect_in_luma(img, w as u32, h as u32, Some(BarcodeFormat::ITF))
                .unwrap();
        assert_eq!(result.getText(), "0987100001");
        assert!(itf("123").is_err());
        assert!(itf("12a4").is_err());
    }
}
