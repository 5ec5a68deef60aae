//! The occupation picker: type part of a ROME label or code, pick with the keyboard.
