"""Role: auditors (audit items, surveys, judgement, audit sheets and reports)."""
