//! iced_test simulator tests of every screen.
