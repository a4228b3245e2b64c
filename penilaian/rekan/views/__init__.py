"""Views of peer input, unit distribution, acknowledgement/keberatan and HR follow-up."""
