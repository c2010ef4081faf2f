//! Integration tests, linked into one test binary (linking the GUI stack once saves minutes).

#[path = "suite/airline.rs"]
mod airline;
#[path = "suite/cli.rs"]
mod cli;
#[path = "suite/common.rs"]
mod common;
#[path = "suite/cuss2.rs"]
mod cuss2;
#[path = "suite/desk.rs"]
mod desk;
#[path = "suite/desk_duty.rs"]
mod desk_duty;
#[path = "suite/desk_fleet.rs"]
mod desk_fleet;
#[path = "suite/desk_store.rs"]
mod desk_store;
#[path = "suite/documents.rs"]
mod documents;
#[path = "suite/fleet.rs"]
mod fleet;
#[path = "suite/fleet_config.rs"]
mod fleet_config;
#[path = "suite/gui.rs"]
mod gui;
#[path = "suite/hardening.rs"]
mod hardening;
#[path = "suite/help.rs"]
mod help;
#[path = "suite/kiosk_ui.rs"]
mod kiosk_ui;
#[path = "suite/layers.rs"]
mod layers;
#[path = "suite/phone_pass.rs"]
mod phone_pass;
#[path = "suite/print.rs"]
mod print;
#[path = "suite/service.rs"]
mod service;
#[path = "suite/store.rs"]
mod store;
