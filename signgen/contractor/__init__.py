"""Role: renovation contractors (plans, plan check, checklist, sign schedule, floor plan)."""
