"""Reading invitations and estudios previos: text with anchors, the process record, the checks."""
