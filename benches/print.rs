//! Printing: a boarding pass PDF (target < 20 ms) and a bag tag (target < 10 ms), fonts shaped
//! and subset, barcodes drawn.

use concierge::print::{Paper, layout, sample_job};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut job = sample_job("en-US", chrono::Utc::now());
    job.passengers.truncate(1);
    job.booking.legs.truncate(1);
    for p in &mut job.passengers {
        p.legs.truncate(1);
    }
    c.bench_function("boarding pass PDF (en-US)", |b| {
        b.iter(|| {
            black_box(
                layout::boarding_passes(&job, Paper::Atb, concierge::i18n::Messages::built_in())
                    .unwrap(),
            )
        })
    });
    job.locale = "ur-PK".into();
    c.bench_function("boarding pass PDF (ur-PK, shaped)", |b| {
        b.iter(|| {
            black_box(
                layout::boarding_passes(&job, Paper::Atb, concierge::i18n::Messages::built_in())
                    .unwrap(),
            )
        })
    });
    let p = &job.booking.passengers[0];
    let plate = &job.passengers[0].bag_tags[0];
    c.bench_function("bag tag PDF", |b| {
        b.iter(|| black_box(layout::bag_tag(&job.booking, p, plate, job.at, Paper::Atb).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
