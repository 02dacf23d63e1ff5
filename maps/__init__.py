"""Rendering: layers, styling, legend, offline assets, embedding. Takes events/places, never raw text."""
