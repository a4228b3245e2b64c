"""Admin registrations of this sub-domain."""
